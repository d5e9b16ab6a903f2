import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideSwap, MAX_SWAP_WAIT_MS } from '../../common/scenario-swap.js';
import type { ScenarioState, WallState } from '../../common/state.js';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';

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
