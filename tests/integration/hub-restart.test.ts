import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../support/hub-process.js';
import { rest, tempDir, testHub, testNode, TOKENS, until } from '../support/hub-fixture.js';

// Losing the hub: the wall keeps showing what it showed, refuses to diverge, and converges after
// the hub is back, whether the hub kept its database or lost it.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

type Walls = Array<{ wallId: string; revision: number; result: { revision: number; outcome: string } | null }>;
const wallOf = async (hub: { url: string }) => ((await rest(hub, 'GET', '/api/walls', TOKENS.admin)).body.value as Walls).find((w) => w.wallId === 'demo-2x2');

describe('hub restarts', () => {
  it('the hub is killed mid-session and restarted; activations on the restarted hub reach the wall', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'hub.db');
    let hub: HubProcess = await startHubProcess(dir, { db });
    cleanup.push(() => hub.kill());
    const node = testNode(hub.url);
    cleanup.push(() => node.close());
    await until('connected', () => node.core.state.backend?.state === 'connected');
    expect((await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader)).body).toMatchObject({ ok: true, value: { revision: 1 } });
    await until('flood on the wall', () => node.core.state.scenario?.revision === 1);
    node.core.publishData([{ key: 'kpi.flood.rescue-teams', value: { type: 'kpi', value: 12, unit: 'đội' }, at: Date.now() }]);

    await hub.kill();
    await until('link lost', () => node.core.state.backend?.state === 'lost');
    expect(node.core.state.layout.id).toBe('scenario-flood-response');
    expect(node.core.dataCache.get('kpi.flood.rescue-teams')).toBeDefined();
    const refused = await node.core.handle(node.console, 'scenario:activate', { scenarioId: 'storm' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backend-offline', message: expect.stringContaining('Backend connection lost'), params: { sinceAt: expect.any(Number) } } });

    hub = await startHubProcess(dir, { db, port: hub.port });
    await until('reconnected', () => node.core.state.backend?.state === 'connected');
    expect((await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader)).body).toMatchObject({ ok: true, value: { revision: 2 } });
    await until('storm on the wall', () => node.core.state.scenario?.id === 'storm' && node.core.state.scenario.revision === 2);
    await until('applied, as the restarted hub sees it', async () => (await wallOf(hub))?.result?.outcome === 'applied');

    // A hub that lost its database continues from the revision the wall shows, never below it.
    await hub.kill();
    hub = await startHubProcess(dir, { db: ':memory:', port: hub.port });
    await until('reconnected to the empty hub', () => node.core.state.backend?.state === 'connected');
    await until('hub adopted revision 2', async () => (await wallOf(hub))?.revision === 2);
    expect((await rest(hub, 'POST', '/api/scenarios/normal-operations/activate', TOKENS.leader)).body).toMatchObject({ ok: true, value: { revision: 3 } });
    await until('normal operations on the wall', () => node.core.state.scenario?.id === 'normal-operations' && node.core.state.scenario.revision === 3);
  });

  it('a repeated activation (resync after a restart) changes nothing on the wall', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'hub.db');
    let hub = await testHub({ dbFile });
    cleanup.push(() => hub.close());
    const node = testNode(hub.url);
    cleanup.push(() => node.close());
    await until('connected', () => node.core.state.backend?.state === 'connected');
    await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader);
    await until('flood on the wall', () => node.core.state.scenario?.revision === 1);
    await hub.close();
    await until('link lost', () => node.core.state.backend?.state === 'lost');
    const before = node.core.state;

    hub = await testHub({ dbFile, port: hub.port });
    await until('reconnected', () => node.core.state.backend?.state === 'connected');
    await until('hub has the result again', () => hub.core.activations.result('demo-2x2')?.outcome === 'applied');
    expect(node.log.lines.some((l) => l.msg === 'activation already shown or older')).toBe(true);
    expect(node.core.state.layout).toBe(before.layout);
    expect(node.core.state.scenario).toBe(before.scenario);
    // Only the backend status changed since: lost → connecting is not a step, connected is one.
    expect(node.core.state.revision).toBe(before.revision + 1);
  });

  it('offline with local-only activation allowed: applied here, reported, and replaced by the centre on reconnect', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'hub.db');
    let hub = await testHub({ dbFile });
    cleanup.push(() => hub.close());
    const node = testNode(hub.url, { allowLocalActivation: true });
    cleanup.push(() => node.close());
    await until('connected', () => node.core.state.backend?.state === 'connected');
    await rest(hub, 'POST', '/api/scenarios/normal-operations/activate', TOKENS.leader);
    await until('normal operations on the wall', () => node.core.state.scenario?.revision === 1);
    await until('catalog received', () => node.core.scenarioOverview.scenarios.length === fs.readdirSync('config/scenarios').filter((f) => f.endsWith('.json')).length);
    await hub.close();
    await until('link lost', () => node.core.state.backend?.state === 'lost');

    expect(await node.core.handle(node.console, 'scenario:activate', { scenarioId: 'flood-response' })).toMatchObject({ ok: false, error: { code: 'backend-offline' } });
    const local = await node.core.handle(node.console, 'scenario:activate', { scenarioId: 'flood-response', localOnly: true });
    expect(local).toMatchObject({ ok: true, value: { revision: 1, local: true } });
    expect(node.core.state.scenario).toMatchObject({ id: 'flood-response', local: true, source: 'local' });

    hub = await testHub({ dbFile, port: hub.port });
    await until('centre state back on the wall', () => node.core.state.scenario?.id === 'normal-operations' && !node.core.state.scenario.local);
    await until('local activation in the audit log', async () => (await hub.core.store.recentAudit(20)).some((e) => e.action === 'scenario.local-activate'));
    expect((await hub.core.store.recentAudit(20)).find((e) => e.action === 'scenario.local-activate')).toMatchObject({
      actor: 'console console-1',
      target: 'flood-response → demo-2x2',
      result: 'applied on this node only while offline; replaced by revision 1 on reconnect',
    });
  });
});
