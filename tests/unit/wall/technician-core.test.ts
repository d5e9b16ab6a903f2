import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventChannel, EventPayload } from '../../../common/contract.js';
import { applyPatch, type WallState } from '../../../common/state.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import type { CoreClient } from '../../../electron/wall/client.js';
import { memoryLogger } from '../../../node-common/log.js';
import { installTechnician, publishDisplays } from '../../../electron/wall/technician/install.js';
import { WallCore } from '../../../electron/wall/wall-core.js';
import { demo } from './wall-fixtures.js';

const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));

function client(role: 'screen' | 'console', extra: Partial<CoreClient> = {}): CoreClient & { events: { event: EventChannel; payload: unknown }[] } {
  const events: { event: EventChannel; payload: unknown }[] = [];
  return { id: `${role}-${extra.screenId ?? extra.pairCode ?? 'c'}`, transport: 'browser', role, events, send: <E extends EventChannel>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }), ...extra };
}

function setup() {
  const core = new WallCore({ wall: demo(), layout, log: memoryLogger(), now: () => 5000 });
  installTechnician(core, { profiles: null, settings: null, log: memoryLogger(), now: () => 5000 });
  const desk = client('console');
  core.connect(desk);
  const call = (channel: string, payload: unknown) => core.handle(desk, channel, payload);
  const tech = () => core.state.technician!;
  return { core, desk, call, tech };
}

describe('technician commands in the core', () => {
  it('preview, apply, step back: the wall shows the draft until it is confirmed', async () => {
    const { core, call, tech } = setup();
    const r = await call('calibration:set', { screenId: 'A1', set: { colour: { brightness: 20 }, offset: { x: 4 } } });
    expect(r).toEqual({ ok: true, value: { revision: 2, clamped: [] } });
    expect(tech().calibration.applied).toEqual({ screens: {} });
    expect(tech().calibration.draft?.screens.A1).toMatchObject({ colour: { brightness: 20 }, offset: { x: 4, y: 0 } });

    expect(await call('calibration:confirm', { acceptIssues: false })).toEqual({ ok: true, value: 3 });
    expect(tech().calibration).toMatchObject({ draft: null, previous: { screens: {} }, appliedBy: 'console-c', appliedAt: 5000 });
    expect(tech().calibration.applied.screens.A1?.colour.brightness).toBe(20);

    await call('calibration:set', { screenId: null, set: { colour: { gamma: 1.2 } } });
    await call('calibration:confirm', { acceptIssues: false });
    expect(Object.keys(tech().calibration.applied.screens)).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(await call('calibration:undo', {})).toMatchObject({ ok: true });
    expect(Object.keys(tech().calibration.applied.screens)).toEqual(['A1']);
    expect(await call('calibration:undo', {})).toMatchObject({ ok: false, error: { code: 'calibration/nothing-to-undo' } });
    expect(core.state.revision).toBe(6);
  });

  it('clamps out-of-range values and says which, per value', async () => {
    const { call, tech } = setup();
    const r = await call('calibration:set', { screenId: 'B2', set: { colour: { contrast: 400 }, overscan: { y: -3 } } });
    expect(r).toMatchObject({ ok: true, value: { clamped: [
      { path: 'B2.overscan.y', requested: -3, applied: 0, min: 0, max: 200, unit: 'px' },
      { path: 'B2.colour.contrast', requested: 400, applied: 150, min: 50, max: 150, unit: '%' },
    ] } });
    expect(tech().calibration.draft?.screens.B2?.colour.contrast).toBe(150);
  });

  it('drops a preview, and does nothing when there is none', async () => {
    const { core, call, tech } = setup();
    await call('calibration:set', { screenId: 'A2', set: { rotation: 180 } });
    expect(await call('calibration:cancel', {})).toEqual({ ok: true, value: 3 });
    expect(tech().calibration.draft).toBeNull();
    expect(await call('calibration:cancel', {})).toEqual({ ok: true, value: 3 });
    expect(await call('calibration:confirm', { acceptIssues: false })).toMatchObject({ ok: false, error: { code: 'calibration/no-draft' } });
    expect(core.state.revision).toBe(3);
  });

  it('shows test patterns and selects screens, refusing screens and patterns that do not exist', async () => {
    const { call, tech } = setup();
    expect(await call('tech:setTestPattern', { testPattern: { screenId: null, pattern: { kind: 'crosshatch', spacing: 60 } } })).toMatchObject({ ok: true });
    expect(tech().testPattern).toMatchObject({ screenId: null, pattern: { kind: 'crosshatch', spacing: 60, lineWidth: 1 } });
    expect(await call('tech:setTestPattern', { testPattern: { screenId: 'Z9', pattern: { kind: 'solid' } } })).toMatchObject({ ok: false, error: { code: 'unknown-screen' } });
    expect(await call('tech:setTestPattern', { testPattern: { screenId: null, pattern: { kind: 'zebra' } } })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await call('tech:selectScreen', { screenId: 'B1' })).toMatchObject({ ok: true });
    expect(tech().selectedScreenId).toBe('B1');
  });

  it('refuses technician commands from a screen window', async () => {
    const { core } = setup();
    const screen = client('screen', { screenId: 'A1' });
    core.connect(screen);
    expect(await core.handle(screen, 'calibration:set', { screenId: 'A1', set: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('flags a display mapping with problems before applying it, and applies it only when told to', async () => {
    const { call, core, tech } = setup();
    const display = (id: number, x: number, primary = false) => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0, primary });
    publishDisplays(core, [display(1, 0, true), display(2, 1920), display(3, 3840), display(4, 0), display(5, 1920)]);
    expect(tech().displays?.map((d) => d.id)).toEqual([1, 4, 2, 5, 3]);
    const before = core.state.revision;
    publishDisplays(core, [display(1, 0, true), display(2, 1920), display(3, 3840), display(4, 0), display(5, 1920)]);
    expect(core.state.revision).toBe(before);

    await call('calibration:set', { screenId: 'A1', set: { displayId: 3 } });
    await call('calibration:set', { screenId: 'A2', set: { displayId: 3 } });
    const refused = await call('calibration:confirm', { acceptIssues: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'calibration/mapping-issues', message: expect.stringContaining('A1 and A2 are both on display 3') } });
    expect(tech().calibration.applied).toEqual({ screens: {} });
    expect(await call('calibration:confirm', { acceptIssues: true })).toMatchObject({ ok: true });
    expect(tech().calibration.applied.screens.A2?.displayId).toBe(3);
    expect(await call('calibration:set', { screenId: null, set: { displayId: 2 } })).toMatchObject({ ok: false, error: { code: 'calibration/one-screen' } });
  });

  it('lists a waiting /screen page by its code, gives it a position, and forgets it when it goes', async () => {
    const { core, call, tech } = setup();
    const page = client('screen', { pairCode: 'ABC234' });
    const leave = core.connect(page);
    expect(page.events[0]?.event).toBe('state:snapshot');
    expect(tech().pendingPages).toEqual([{ code: 'ABC234', since: 5000, assignedTo: null }]);
    expect(await call('pages:assign', { code: 'XYZ999', screenId: 'A1', replace: false })).toMatchObject({ ok: false, error: { code: 'pages/unknown-code' } });
    core.connect(client('screen', { screenId: 'A1' }));
    expect(await call('pages:assign', { code: 'ABC234', screenId: 'A1', replace: false })).toMatchObject({ ok: false, error: { code: 'pages/position-taken' } });
    expect(await call('pages:assign', { code: 'ABC234', screenId: 'B2', replace: false })).toMatchObject({ ok: true });
    expect(tech().pendingPages[0]?.assignedTo).toBe('B2');
    // The page follows its patches like any window.
    let copy = page.events[0]!.payload as WallState;
    for (const e of page.events.filter((e) => e.event === 'state:patch')) copy = applyPatch(copy, e.payload as EventPayload<'state:patch'>)!;
    expect(copy.technician?.pendingPages[0]?.assignedTo).toBe('B2');
    leave();
    expect(tech().pendingPages).toEqual([]);
    expect(await core.handle(page, 'screen:report', { screenId: 'B2', appliedRevision: 1, state: 'ready' })).toMatchObject({ ok: false });
  });

  it('refuses a malformed profile import whole, listing each problem on its own line', async () => {
    const { core, call, tech } = setup();
    const before = core.state.revision;
    const r = await call('profiles:import', { text: JSON.stringify({ format: 'toan-canh/calibration-profile', version: 1, wallId: 'demo-2x2', name: 'x', savedAt: '', calibration: { screens: { A1: { offset: { x: 0 } }, Q7: {} } } }) });
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.error.message.split('\n');
    expect(lines).toContain('calibration.screens.A1.offset.y: Invalid input: expected number, received undefined');
    expect(lines.some((l) => l.startsWith('calibration.screens.A1.colour:'))).toBe(true);
    expect(core.state.revision).toBe(before);
    expect(tech().calibration.draft).toBeNull();
    expect(await call('profiles:save', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'profiles/unavailable' } });
  });

  it('keeps calibration only for screens a reloaded wall still has', async () => {
    const { core, call, tech } = setup();
    await call('calibration:set', { screenId: 'B2', set: { offset: { x: 1 } } });
    await call('tech:selectScreen', { screenId: 'B2' });
    const smaller = { ...demo(), screens: demo().screens.slice(0, 3) };
    core.replaceWall(smaller, { ...layout, panels: [] });
    expect(tech().calibration.draft).toEqual({ screens: {} });
    expect(tech().selectedScreenId).toBeNull();
  });
});
