import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedEventChannel, FeedEventPayload } from '../../../common/contract.js';
import type { ScenarioState, ScreenStatus } from '../../../common/state.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import type { CoreClient } from '../../../electron/wall/client.js';
import { DataCache } from '../../../node-common/data-cache.js';
import { memoryLogger } from '../../../node-common/log.js';
import { ScenarioAcks } from '../../../electron/hub-link/scenario-acks.js';
import { supersedes } from '../../../electron/hub-link/scenario-state.js';
import { WallCore } from '../../../electron/wall/wall-core.js';

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const flood = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/scenarios/flood-response.json', 'utf8')).layout);

const scenario = (revision: number, extra: Partial<ScenarioState> = {}): ScenarioState => ({
  id: 'flood-response', name: { vi: 'Ứng phó lũ lụt', en: 'Flood response' }, severity: 'emergency', revision,
  activatedBy: { name: 'Lãnh đạo', role: 'leader' }, source: 'rest', activatedAt: 10, applyAt: 20, local: false, ...extra,
});

function feedClient(role: 'screen' | 'console', screenId?: string) {
  const feed: Array<{ event: FeedEventChannel; payload: unknown }> = [];
  const client: CoreClient & { feed: typeof feed } = {
    id: `${role}-${screenId ?? 'c'}`, transport: 'browser', role, ...(screenId ? { screenId } : {}), feed,
    send: () => undefined,
    sendFeed<E extends FeedEventChannel>(event: E, payload: FeedEventPayload<E>) {
      feed.push({ event, payload });
    },
  };
  return client;
}

describe('scenario ordering', () => {
  it('a newer revision wins; the same or an older one does not; the hub replaces a local activation', () => {
    expect(supersedes(scenario(1), null)).toBe(true);
    expect(supersedes(scenario(3), scenario(2))).toBe(true);
    expect(supersedes(scenario(2), scenario(2))).toBe(false);
    expect(supersedes(scenario(1), scenario(2))).toBe(false);
    expect(supersedes(scenario(2), scenario(2, { local: true }))).toBe(true);
    expect(supersedes(scenario(2, { local: true }), scenario(2))).toBe(true);
    expect(supersedes(scenario(1, { local: true }), scenario(2))).toBe(false);
  });

  it('WallCore applies a scenario once, and never goes back to an older one', () => {
    const core = new WallCore({ wall, layout, log: memoryLogger() });
    expect(core.state.scenario).toBeNull();
    expect(core.applyScenario(scenario(2), flood)).toEqual({ applied: true, revision: 2 });
    expect(core.state.layout.id).toBe('scenario-flood-response');
    expect(core.applyScenario(scenario(2), flood)).toEqual({ applied: false, revision: 2 });
    expect(core.applyScenario(scenario(1, { id: 'normal-operations' }), layout)).toEqual({ applied: false, revision: 2 });
    expect(core.state.scenario?.revision).toBe(2);
    expect(core.state.layout.id).toBe('scenario-flood-response');
  });
});

describe('data and feed events', () => {
  it('the cache keeps the newest value per key and the wall sends feed events only to clients that take them', () => {
    const core = new WallCore({ wall, layout, log: memoryLogger() });
    const screen = feedClient('screen', 'A1');
    const plain: CoreClient = { id: 'old', transport: 'browser', role: 'screen', screenId: 'A2', send: () => undefined };
    core.connect(screen);
    core.connect(plain);
    const kpi = (value: number, at: number) => ({ key: 'kpi.flood.evacuated-households', value: { type: 'kpi' as const, value, unit: 'hộ' }, at });
    core.publishData([kpi(10, 100)]);
    core.publishData([kpi(5, 50)]);
    expect(core.dataCache.get('kpi.flood.evacuated-households')?.value).toMatchObject({ value: 10 });
    expect(screen.feed.map((f) => f.event)).toEqual(['data:snapshot', 'data:update']);
    const late = feedClient('screen', 'B1');
    core.connect(late);
    expect(late.feed[0]).toEqual({ event: 'data:snapshot', payload: { entries: [kpi(10, 100)] } });
  });

  it('evicts the least recently updated keys beyond its size', () => {
    const cache = new DataCache(2);
    const e = (key: string, at: number) => ({ key, value: { type: 'kpi' as const, value: 1, unit: '' }, at });
    cache.merge([e('a', 1), e('b', 2)]);
    cache.merge([e('a', 3), e('c', 4)]);
    expect(cache.list().map((x) => x.key)).toEqual(['a', 'c']);
  });

  it('answers clock sync on its own clock, for screens and consoles', async () => {
    let t = 1000;
    const core = new WallCore({ wall, layout, log: memoryLogger(), now: () => (t += 5) });
    const screen = feedClient('screen', 'A1');
    core.connect(screen);
    t = 1000;
    expect(await core.handle(screen, 'clock:sync', { t0: 42 })).toEqual({ ok: true, value: { t0: 42, t1: 1005, t2: 1010 } });
  });

  it('refuses scenario commands clearly when no backend is configured', async () => {
    const core = new WallCore({ wall, layout, log: memoryLogger() });
    const console_ = feedClient('console');
    core.connect(console_);
    expect(await core.handle(console_, 'scenario:activate', { scenarioId: 'flood-response' })).toMatchObject({ ok: false, error: { code: 'backend-off' } });
    expect(await core.handle(feedClient('screen', 'A1'), 'scenario:activate', { scenarioId: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('screen acknowledgements', () => {
  const status = (screenId: string, s: Partial<ScreenStatus>): ScreenStatus => ({ screenId, online: true, appliedRevision: 4, state: 'ready', lastSeen: 100, transport: 'browser', ...s });

  it('applied at or after the carrying revision; offline; failed only for errors after the change; timeout after the wait', () => {
    const acks = new ScenarioAcks(['A1', 'A2', 'B1', 'B2', 'C1'], () => 500);
    expect(acks.compute([])).toBeNull();
    acks.track({ revision: 7, localRevision: 5, committedAt: 200 });
    const statuses = [
      status('A1', { appliedRevision: 6 }),
      status('A2', { online: false, appliedRevision: null }),
      status('B1', { state: 'error', message: 'old problem', lastSeen: 150 }),
      status('B2', { state: 'error', message: 'stream failed', lastSeen: 300 }),
    ];
    const first = acks.compute(statuses);
    expect(first?.changed).toBe(true);
    expect(first?.screens.map((s) => [s.screenId, s.status, s.message])).toEqual([
      ['A1', 'applied', undefined],
      ['A2', 'offline', 'the screen is not connected to its wall node'],
      ['B1', 'pending', undefined],
      ['B2', 'failed', 'stream failed'],
      ['C1', 'offline', 'the screen is not connected to its wall node'],
    ]);
    expect(acks.compute(statuses)?.changed).toBe(false);
    acks.expire();
    expect(acks.compute(statuses)?.screens.find((s) => s.screenId === 'B1')?.status).toBe('timeout');
  });
});
