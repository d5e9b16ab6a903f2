import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideSwap, layerKey, MAX_SWAP_WAIT_MS, screenLayers } from '../../../common/scenario-swap.js';
import type { ScenarioState, WallState } from '../../../common/state.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const base: WallState = { revision: 5, wall, layout, language: 'vi', identify: false, problems: [], scenario: null };

function scenario(revision: number, applyAt: number, id = 'flood'): ScenarioState {
  return { id, name: { vi: 'Lũ', en: 'Flood' }, severity: 'emergency', revision, activatedBy: { name: 'Lãnh đạo', role: 'leader' }, source: 'console', activatedAt: applyAt - 200, applyAt, local: false };
}
const withScenario = (s: ScenarioState, revision: number): WallState => ({ ...base, revision, scenario: s, layout: { ...layout, id: `l-${s.id}-${s.revision}` } });

describe('decideSwap', () => {
  it('shows the first state at once', () => {
    const latest = withScenario(scenario(1, 2000), 6);
    expect(decideSwap(null, latest, 1000)).toEqual({ show: latest, pending: null, waitMs: 0 });
  });

  it('prepares a new activation hidden and waits for its apply time', () => {
    const latest = withScenario(scenario(1, 1200), 6);
    expect(decideSwap(base, latest, 1000)).toEqual({ show: base, pending: latest, waitMs: 200 });
  });

  it('switches at once when the apply time has passed (a slow screen catches up)', () => {
    const latest = withScenario(scenario(1, 1200), 6);
    expect(decideSwap(base, latest, 1250)).toMatchObject({ show: latest, pending: null });
  });

  it('applies other changes (language, problems) of the same activation immediately', () => {
    const shown = withScenario(scenario(1, 1200), 6);
    const latest = { ...shown, revision: 7, language: 'en' as const };
    expect(decideSwap(shown, latest, 1000)).toMatchObject({ show: latest, pending: null });
  });

  it('treats an apply time absurdly far ahead as a clock fault and switches now', () => {
    const latest = withScenario(scenario(2, 1000 + MAX_SWAP_WAIT_MS + 1), 6);
    expect(decideSwap(base, latest, 1000)).toMatchObject({ show: latest, pending: null });
  });

  it('waits again for a newer activation that arrives while one is pending', () => {
    const first = withScenario(scenario(1, 1200), 6);
    const second = withScenario(scenario(2, 1300, 'storm'), 7);
    expect(decideSwap(base, second, 1100)).toEqual({ show: base, pending: second, waitMs: 200 });
    expect(decideSwap(first, second, 1100).pending).toBe(second);
  });
});

describe('screenLayers', () => {
  const normal = base;
  const flood = withScenario(scenario(1, 1200), 6);
  const storm = withScenario(scenario(2, 1400, 'storm'), 7);
  const roles = (layers: ReturnType<typeof screenLayers>) => layers.map((l) => [l.key, l.role]);

  it('keys a layer by activation, so data updates within one activation keep its layer', () => {
    expect(layerKey(normal)).toBe('no-scenario');
    expect(layerKey(flood)).toBe('flood#1');
    expect(layerKey({ ...flood, revision: 9 })).toBe('flood#1');
  });

  it('keeps the drawn layers in one order across a swap: only roles change, then the old one goes', () => {
    const before = screenLayers({ retired: null, shown: normal, pending: flood });
    const swapped = screenLayers({ retired: normal, shown: flood, pending: null });
    const settled = screenLayers({ retired: null, shown: flood, pending: null });
    expect(roles(before)).toEqual([['no-scenario', 'shown'], ['flood#1', 'pending']]);
    expect(roles(swapped)).toEqual([['no-scenario', 'retired'], ['flood#1', 'shown']]);
    expect(roles(settled)).toEqual([['flood#1', 'shown']]);
    // The next activation arrives while the last swap's old layer is still up.
    expect(roles(screenLayers({ retired: normal, shown: flood, pending: storm }))).toEqual([['no-scenario', 'retired'], ['flood#1', 'shown'], ['storm#2', 'pending']]);
  });

  it('draws an activation once even when two roles hold it', () => {
    expect(roles(screenLayers({ retired: flood, shown: { ...flood, revision: 8 }, pending: null }))).toEqual([['flood#1', 'shown']]);
    expect(screenLayers({ retired: null, shown: null, pending: null })).toEqual([]);
  });
});
