import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventChannel, EventPayload } from '../../../common/contract.js';
import { applyPatch, type WallState } from '../../../common/state.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import type { CoreClient } from '../../../electron/wall/client.js';
import { memoryLogger } from '../../../node-common/log.js';
import { WallCore } from '../../../electron/wall/wall-core.js';

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));

interface Recorded { event: EventChannel; payload: unknown }
function client(role: 'screen' | 'console', screenId?: string): CoreClient & { events: Recorded[] } {
  const events: Recorded[] = [];
  return {
    id: `${role}-${screenId ?? 'c'}`,
    transport: 'browser',
    role,
    ...(screenId ? { screenId } : {}),
    events,
    send<E extends EventChannel>(event: E, payload: EventPayload<E>) {
      events.push({ event, payload });
    },
  };
}

function setup() {
  const log = memoryLogger();
  const core = new WallCore({ wall, layout, log, now: () => 1000 });
  return { core, log };
}

describe('WallCore', () => {
  it('sends a snapshot on connect, then patches that rebuild the same state', async () => {
    const { core } = setup();
    const screen = client('screen', 'A2');
    const console_ = client('console');
    core.connect(screen);
    core.connect(console_);
    expect(screen.events[0]).toEqual({ event: 'state:snapshot', payload: core.state });

    expect(await core.handle(console_, 'wall:setBezelCompensation', { enabled: false })).toEqual({ ok: true, value: 2 });
    expect(await core.handle(console_, 'settings:setLanguage', { language: 'en' })).toEqual({ ok: true, value: 3 });

    let copy = screen.events[0]!.payload as WallState;
    for (const e of screen.events.filter((e) => e.event === 'state:patch')) {
      copy = applyPatch(copy, e.payload as EventPayload<'state:patch'>)!;
    }
    expect(copy).toEqual(core.state);
    expect(copy.wall.bezelCompensation).toBe(false);
    expect(copy.language).toBe('en');
  });

  it('refuses a console command from a screen window, and logs the refusal', async () => {
    const { core, log } = setup();
    const screen = client('screen', 'A1');
    core.connect(screen);
    const result = await core.handle(screen, 'wall:setIdentify', { enabled: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.state.identify).toBe(false);
    expect(log.lines.some((l) => l.msg === 'channel refused for role')).toBe(true);
  });

  it('answers unknown channels, bad payloads and oversized ones with errors and no change', async () => {
    const { core } = setup();
    const console_ = client('console');
    core.connect(console_);
    const before = core.state;
    expect(await core.handle(console_, 'wall:explode', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await core.handle(console_, 'wall:setIdentify', { enabled: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('enabled') },
    });
    expect(await core.handle(console_, 'wall:setIdentify', { enabled: true, extra: 1 })).toMatchObject({ ok: false });
    expect(await core.handle(console_, 'wall:setIdentify', { enabled: true, pad: 'x'.repeat(2_000_000) })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    expect(core.state).toBe(before);
  });

  it('lets a screen report only for itself and shows reports on the console', async () => {
    const { core } = setup();
    const a1 = client('screen', 'A1');
    const console_ = client('console');
    core.connect(a1);
    core.connect(console_);
    expect(await core.handle(a1, 'screen:report', { screenId: 'B2', appliedRevision: 1, state: 'ready' })).toMatchObject({ ok: false });
    expect(await core.handle(a1, 'screen:report', { screenId: 'A1', appliedRevision: 1, state: 'ready' })).toEqual({ ok: true, value: null });
    const statuses = core.screenStatuses;
    expect(statuses.find((s) => s.screenId === 'A1')).toMatchObject({ online: true, appliedRevision: 1, state: 'ready', transport: 'browser' });
    expect(statuses.find((s) => s.screenId === 'B2')).toMatchObject({ online: false, appliedRevision: null, state: 'waiting' });
    const lastStatus = console_.events.filter((e) => e.event === 'screens:status').at(-1)!.payload as EventPayload<'screens:status'>;
    expect(lastStatus.find((s) => s.screenId === 'A1')?.appliedRevision).toBe(1);
  });

  it('takes a screen\'s panel faults, logs each once as it appears and clears, shows them on the console, and drops them when the screen goes', async () => {
    const { core, log } = setup();
    const b1 = client('screen', 'B1');
    const console_ = client('console');
    const leave = core.connect(b1);
    core.connect(console_);
    const camera = { panelId: 'cameras', subject: 'cam-de-huu-ngan', kind: 'camera' as const, message: 'network: 404 Not Found', since: 900 };
    const crashed = { panelId: 'kpi', subject: '', kind: 'crashed' as const, message: 'boom', since: 950 };
    expect(await core.handle(b1, 'screen:faults', { screenId: 'A1', faults: [camera] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.handle(b1, 'screen:faults', { screenId: 'B1', faults: [{ ...camera, kind: 'weather' }] })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await core.handle(b1, 'screen:faults', { screenId: 'B1', faults: Array(51).fill(camera) })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await core.handle(b1, 'screen:faults', { screenId: 'B1', faults: [camera] })).toEqual({ ok: true, value: null });
    expect(await core.handle(b1, 'screen:faults', { screenId: 'B1', faults: [{ ...camera, message: 'stall: no new frame' }, crashed] })).toEqual({ ok: true, value: null });
    expect(await core.handle(b1, 'screen:faults', { screenId: 'B1', faults: [crashed] })).toEqual({ ok: true, value: null });
    const lines = log.lines.filter((l) => l.msg === 'panel fault' || l.msg === 'panel fault cleared').map((l) => [l.msg, l.panelId, l.subject]);
    expect(lines).toEqual([
      ['panel fault', 'cameras', 'cam-de-huu-ngan'],
      ['panel fault', 'kpi', ''],
      ['panel fault cleared', 'cameras', 'cam-de-huu-ngan'],
    ]);
    const shown = console_.events.filter((e) => e.event === 'screens:status').at(-1)!.payload as EventPayload<'screens:status'>;
    expect(shown.find((s) => s.screenId === 'B1')?.faults).toEqual([crashed]);
    leave();
    expect(core.screenStatuses.find((s) => s.screenId === 'B1')).toMatchObject({ online: false, faults: [] });
  });

  it('marks a screen offline only when its last client leaves', () => {
    const { core } = setup();
    const first = client('screen', 'B1');
    const second = client('screen', 'B1');
    const leaveFirst = core.connect(first);
    const leaveSecond = core.connect(second);
    leaveFirst();
    expect(core.screenStatuses.find((s) => s.screenId === 'B1')?.online).toBe(true);
    leaveSecond();
    expect(core.screenStatuses.find((s) => s.screenId === 'B1')?.online).toBe(false);
  });

  it('refuses a screen client for a screen the wall does not have', () => {
    const { core } = setup();
    expect(() => core.connect(client('screen', 'Z9'))).toThrow(/unknown screen "Z9"; known screens: A1, A2, B1, B2/);
  });

  it('keeps the wall when a problem is reported, and clears config problems on reload', () => {
    const { core } = setup();
    core.reportProblem({ code: 'config/invalid', message: 'demo.json: screens[0].bezelMm: too wide', where: 'demo.json' });
    expect(core.state.wall).toBe(wall);
    expect(core.state.problems).toHaveLength(1);
    core.reportProblem({ code: 'config/invalid', message: 'again', where: 'demo.json' });
    expect(core.state.problems.map((p) => p.message)).toEqual(['again']);
    core.replaceWall(wall, layout);
    expect(core.state.problems).toEqual([]);
  });
});
