import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyOverrides } from '../../common/overrides.js';
import { cameraProps } from '../../common/panels/camera.js';
import type { CoreClient } from '../../electron/wall/client.js';
import { DEMO_CAMERAS } from '../../hub/cameras/catalogue.js';
import { consoleCore, type ConsoleCore } from '../support/console-core.js';

// Cameras put on the wall by hand, through the core as a console would: checked against the catalogue
// and the layout, audited, undone, and an enlarged camera gone by itself after its time.

let t: ConsoleCore;
let operator: CoreClient;
let technician: CoreClient;

beforeEach(async () => {
  t = consoleCore();
  const admin = t.console('c-admin');
  expect(await t.core.handle(admin, 'auth:setup', { username: 'quantri', displayName: 'Quản trị', password: 'quan-tri-mat-khau' })).toMatchObject({ ok: true });
  for (const [username, role] of [['vanhanh', 'operator'], ['kythuat', 'technician']] as const) {
    expect(await t.core.handle(admin, 'accounts:create', { username, displayName: username, role, password: `${username}-mat-khau` })).toMatchObject({ ok: true });
  }
  operator = t.console('c-op');
  technician = t.console('c-tech');
  expect(await t.core.handle(operator, 'auth:login', { username: 'vanhanh', password: 'vanhanh-mat-khau' })).toMatchObject({ ok: true });
  expect(await t.core.handle(technician, 'auth:login', { username: 'kythuat', password: 'kythuat-mat-khau' })).toMatchObject({ ok: true });
  t.core.publishData([{ key: 'cameras', value: { type: 'cameras', items: DEMO_CAMERAS.map((c) => ({ ...c, status: 'online' as const })) }, at: t.clock.now }]);
});
afterEach(() => {
  vi.useRealTimers();
  t.close();
});

const shownCameras = (panelId: string) =>
  cameraProps.parse(applyOverrides(t.core.state.layout, t.core.state.overrides).panels.find((p) => p.id === panelId)?.props).cameras.map((c) => c.id);

describe('camera overrides through the core', () => {
  it('places a catalogue camera in a grid cell, leaves the saved layout as it was, logs it, and undoes it', async () => {
    const saved = t.core.state.layout;
    const placed = await t.core.handle(operator, 'overrides:apply', { action: 'place', cameraId: 'ubnd-tinh', panelId: 'cameras', cell: 2 });
    expect(placed).toMatchObject({ ok: true });
    expect(shownCameras('cameras')[2]).toBe('ubnd-tinh');
    expect(t.core.state.layout).toBe(saved);
    expect(t.core.state.overrides).toMatchObject([{ kind: 'place', by: 'vanhanh', camera: { id: 'ubnd-tinh', name: 'UBND tỉnh' } }]);
    const logged = t.db.audit.query({ limit: 5 }).entries.find((r) => r.action === 'overrides:apply');
    expect(logged).toMatchObject({ actor: 'vanhanh', target: 'ubnd-tinh', ok: true });
    expect(await t.core.handle(operator, 'overrides:undo', {})).toMatchObject({ ok: true });
    expect(t.core.state.overrides).toEqual([]);
    expect(await t.core.handle(operator, 'overrides:undo', {})).toMatchObject({ ok: false, error: { code: 'overrides/none' } });
  });

  it('refuses an unknown camera, a panel that is no camera tile, and a technician', async () => {
    expect(await t.core.handle(operator, 'overrides:apply', { action: 'place', cameraId: 'khong-co', panelId: 'cameras', cell: 0 })).toMatchObject({ ok: false, error: { code: 'camera/unknown' } });
    expect(await t.core.handle(operator, 'overrides:apply', { action: 'place', cameraId: 'ubnd-tinh', panelId: 'clock', cell: 0 })).toMatchObject({ ok: false, error: { code: 'overrides/no-target' } });
    expect(await t.core.handle(operator, 'overrides:apply', { action: 'place', cameraId: 'ubnd-tinh', panelId: 'camera-dike', cell: 1 })).toMatchObject({ ok: false, error: { code: 'overrides/no-target' } });
    expect(await t.core.handle(technician, 'overrides:apply', { action: 'add', cameraId: 'ubnd-tinh', x: 100, y: 100 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.core.state.overrides).toEqual([]);
  });

  it('takes an enlarged camera off the wall when its time is up, and logs that', async () => {
    vi.useFakeTimers();
    const answer = await t.core.handle(operator, 'overrides:apply', { action: 'enlarge', cameraId: 'de-huu-ngan', target: { screenId: 'A1' }, seconds: 30 });
    expect(answer).toMatchObject({ ok: true });
    const panel = applyOverrides(t.core.state.layout, t.core.state.overrides).panels.at(-1);
    expect(panel).toMatchObject({ type: 'camera', rect: { x: 0, y: 0 } });
    t.clock.now += 29_000;
    vi.advanceTimersByTime(29_000);
    expect(t.core.state.overrides).toHaveLength(1);
    t.clock.now += 1_000;
    vi.advanceTimersByTime(1_000);
    expect(t.core.state.overrides).toEqual([]);
    expect(t.db.audit.query({ limit: 5 }).entries.find((r) => r.action === 'overrides:expired')).toMatchObject({ actor: 'core', target: 'de-huu-ngan' });
  });

  it('clears overrides at the next activation unless that scenario keeps them (where they still fit)', async () => {
    await t.core.handle(operator, 'overrides:apply', { action: 'place', cameraId: 'ubnd-tinh', panelId: 'cameras', cell: 0 });
    await t.core.handle(operator, 'overrides:apply', { action: 'add', cameraId: 'ham-hai-van', x: 100, y: 100 });
    const scenario = (revision: number) => ({ id: 's', name: { vi: 's', en: 's' }, severity: 'normal' as const, revision, activatedBy: { name: 'lanhdao', role: 'leader' as const }, source: 'console' as const, activatedAt: 0, applyAt: 0, local: false });
    const without = { ...t.core.state.layout, panels: t.core.state.layout.panels.filter((p) => p.id !== 'cameras') };
    t.core.applyScenario(scenario(1), without, { keepOverrides: true });
    expect(t.core.state.overrides?.map((o) => o.kind)).toEqual(['add']);
    t.core.applyScenario(scenario(2), without);
    expect(t.core.state.overrides).toEqual([]);
  });
});
