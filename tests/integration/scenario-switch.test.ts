import { afterEach, describe, expect, it } from 'vitest';
import type { ActivationResult } from '../../common/protocol/scenario.js';
import { rest, testHub, testNode, TOKENS, until, type TestNode } from '../support/hub-fixture.js';

// An activation, end to end over loopback: hub → wall node → core → screens → acknowledgements → hub.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setup(nodes: Array<{ nodeId: string; screens?: string[] }> = [{ nodeId: 'node-1' }]) {
  const hub = await testHub();
  cleanup.push(() => hub.close());
  const started: TestNode[] = nodes.map((n) => testNode(hub.url, n));
  for (const n of started) cleanup.push(() => n.close());
  for (const n of started) await until('node connected', () => n.core.state.backend?.state === 'connected');
  return { hub, nodes: started };
}

const wallResult = (hub: { core: { activations: { result(w: string): ActivationResult | null } } }) => hub.core.activations.result('demo-2x2');

describe('scenario switching', () => {
  it('an activation over REST reaches the node, every screen applies it, and the hub records the result', async () => {
    const { hub, nodes } = await setup();
    const node = nodes[0]!;
    const before = node.core.state.revision;
    const answer = await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader, {});
    expect(answer).toMatchObject({ status: 202, body: { ok: true, value: { revision: 1 } } });

    await until('flood layout on the node', () => node.core.state.layout.id === 'scenario-flood-response');
    expect(node.core.state.revision).toBe(before + 1);
    expect(node.core.state.scenario).toMatchObject({ id: 'flood-response', revision: 1, severity: 'emergency', local: false, source: 'rest', activatedBy: { name: 'Lãnh đạo Nguyễn Văn A', role: 'leader' } });

    await until('applied on every screen', () => wallResult(hub)?.outcome === 'applied');
    expect(wallResult(hub)?.screens.map((s) => [s.screenId, s.status, s.nodeId])).toEqual([
      ['A1', 'applied', 'node-1'], ['A2', 'applied', 'node-1'], ['B1', 'applied', 'node-1'], ['B2', 'applied', 'node-1'],
    ]);
    await until('result reaches the console', () => node.core.scenarioOverview.result?.outcome === 'applied');
    const audit = (await hub.core.store.recentAudit(10));
    expect(audit.find((e) => e.action === 'scenario.activate')).toMatchObject({ actor: 'Lãnh đạo Nguyễn Văn A', role: 'leader', result: 'accepted: revision 1', origin: expect.stringMatching(/^rest /) });
    expect(audit.find((e) => e.action === 'scenario.result')).toMatchObject({ result: 'applied: applied on 4/4 screens', actor: 'Lãnh đạo Nguyễn Văn A' });
  });

  it("a leader's activation from the console goes through the node; a screen that fails is named with its reason", async () => {
    const { hub, nodes } = await setup();
    const node = nodes[0]!;
    node.screens.B2!.failWith('camera gateway unreachable');
    const answer = await node.core.handle(node.console, 'scenario:activate', { scenarioId: 'storm' });
    expect(answer).toMatchObject({ ok: true, value: { revision: 1, local: false } });
    await until('storm layout', () => node.core.state.scenario?.id === 'storm');
    await until('result final', () => wallResult(hub)?.outcome === 'partial');
    expect(wallResult(hub)?.screens.find((s) => s.screenId === 'B2')).toMatchObject({ status: 'failed', message: 'camera gateway unreachable' });
    const entry = (await hub.core.store.recentAudit(10)).find((e) => e.action === 'scenario.activate');
    expect(entry).toMatchObject({ actor: 'console console-1', origin: expect.stringMatching(/^node node-1 /) });
    expect((await hub.core.store.recentAudit(10)).find((e) => e.action === 'scenario.result')?.result).toMatch(/^partial: applied on 3\/4 screens; B2 failed: camera gateway unreachable/);
  });

  it('two nodes driving one wall and concurrent activations end on the same, latest revision everywhere', async () => {
    const { hub, nodes } = await setup([
      { nodeId: 'pc-1', screens: ['A1', 'A2'] },
      { nodeId: 'pc-2', screens: ['B1', 'B2'] },
    ]);
    const [pc1, pc2] = nodes as [TestNode, TestNode];
    const answers = await Promise.all([
      rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader),
      pc1.core.handle(pc1.console, 'scenario:activate', { scenarioId: 'storm' }),
      rest(hub, 'POST', '/api/scenarios/traffic-incident/activate', TOKENS.admin),
      pc2.core.handle(pc2.console, 'scenario:activate', { scenarioId: 'public-event' }),
    ]);
    expect(answers.every((a) => ('status' in a ? a.body.ok : a.ok))).toBe(true);
    const latest = (await hub.core.store.latestActivation('demo-2x2'));
    expect(latest?.revision).toBe(4);
    await until('both nodes on the latest', () => [pc1, pc2].every((n) => n.core.state.scenario?.revision === 4));
    expect(pc1.core.state.scenario?.id).toBe(latest?.scenario.id);
    expect(pc2.core.state.layout).toEqual(pc1.core.state.layout);
    await until('applied on all four screens', () => wallResult(hub)?.outcome === 'applied' && wallResult(hub)?.revision === 4);
    expect(wallResult(hub)?.screens.map((s) => `${s.screenId}@${s.nodeId}`)).toEqual(['A1@pc-1', 'A2@pc-1', 'B1@pc-2', 'B2@pc-2']);
    const superseded = (await hub.core.store.recentAudit(50)).filter((e) => e.action === 'scenario.result' && e.result.startsWith('superseded'));
    expect(superseded.length).toBe(3);
  });

  it('refuses REST activation with a bad token (401) or an operator token (403), and logs both', async () => {
    const { hub, nodes } = await setup();
    const bad = await rest(hub, 'POST', '/api/scenarios/flood-response/activate', 'not-a-real-token-at-all');
    expect(bad).toMatchObject({ status: 401, body: { ok: false, error: { code: 'bad-token' } } });
    const none = await rest(hub, 'POST', '/api/scenarios/flood-response/activate', null);
    expect(none.status).toBe(401);
    const operator = await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.operator);
    expect(operator).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden' } } });
    const audit = (await hub.core.store.recentAudit(10)).filter((e) => e.action === 'scenario.activate');
    expect(audit.map((e) => [e.actor, e.result.replace(/ \(token [0-9a-f]+\)| \(no token\)/, '')])).toEqual([
      ['Cán bộ vận hành B', 'refused: forbidden'],
      ['unknown', 'refused: bad-token'],
      ['unknown', 'refused: bad-token'],
    ]);
    expect((await hub.core.store.revision('demo-2x2'))).toBe(0);
    expect(nodes[0]!.core.state.scenario).toBeNull();
  });

  it('refuses unknown scenarios, a scenario for another wall and an operator at the console, with errors back', async () => {
    const { hub, nodes } = await setup();
    const node = nodes[0]!;
    expect(await rest(hub, 'POST', '/api/scenarios/no-such/activate', TOKENS.leader)).toMatchObject({ status: 404, body: { error: { code: 'unknown-scenario' } } });
    expect(await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader, { wallId: 'other-wall' })).toMatchObject({ status: 409, body: { error: { code: 'wrong-wall' } } });
    const operatorConsole = { ...node.console, id: 'console-op', actor: { name: 'Cán bộ vận hành B', role: 'operator' as const } };
    expect(await node.core.handle(operatorConsole, 'scenario:activate', { scenarioId: 'storm' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await hub.core.store.recentAudit(5))[0]).toMatchObject({ actor: 'Cán bộ vận hành B', role: 'operator', result: expect.stringMatching(/^refused: forbidden/) });
    expect(node.core.state.scenario).toBeNull();
  });
});
