import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HUB_NAMESPACE, HUB_SOCKET_PATH } from '../../common/protocol/handshake.js';
import type { Proposal } from '../../common/protocol/scenario.js';
import fs from 'node:fs';
import { startBareHub } from '../support/bare-hub.js';
import { rest, testHub, testNode, TOKENS, until } from '../support/hub-fixture.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

// The wall node's link: heartbeat, refusals, clock offset, data and proposals.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function hubAndNode(hubOptions: Parameters<typeof testHub>[0] = {}, nodeOptions: Parameters<typeof testNode>[1] = {}) {
  const hub = await testHub(hubOptions);
  cleanup.push(() => hub.close());
  const node = testNode(hub.url, nodeOptions);
  cleanup.push(() => node.close());
  await until('connected', () => node.core.state.backend?.state === 'connected');
  return { hub, node };
}

const gaugeAbove3 = (at: number) => ({
  entries: [{ key: 'gauges.rivers', at, value: { type: 'gauges', items: [{ id: 'kim-long', name: 'Kim Long', river: 'Hương', lat: 16.46, lon: 107.55, levelM: 3.71, alarmM: [1, 2, 3.5], at }] } }],
});

describe('backend link', () => {
  it('notices a silent link (cable cut) by its heartbeat, and reconnects when the network is back', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: hub.port });
    cleanup.push(() => proxy.close());
    const node = testNode(proxy.url, { link: { syncIntervalMs: 200, deadAfterMs: 1200 } });
    cleanup.push(() => node.close());
    await until('connected', () => node.core.state.backend?.state === 'connected');
    proxy.freeze();
    await until('link lost', () => node.core.state.backend?.state === 'lost');
    expect(node.log.lines.some((l) => l.msg === 'hub silent; reconnecting')).toBe(true);
    expect(node.core.state.backend?.since).toBeGreaterThan(0);
    proxy.thaw();
    await until('reconnected', () => node.core.state.backend?.state === 'connected', 15_000);
  });

  it('a bad token is refused at the handshake, logged in the audit log, and shown on the node', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const node = testNode(hub.url, { token: 'a-token-the-hub-never-issued' });
    cleanup.push(() => node.close());
    await until('refusal shown', () => node.core.state.backend?.message?.startsWith('bad-token') === true);
    expect(node.core.state.backend?.state).toBe('connecting');
    expect((await hub.core.store.recentAudit(5))[0]).toMatchObject({ action: 'node.connect', result: expect.stringMatching(/^refused: bad-token \(token [0-9a-f]{8}\)$/) });
  });

  it('refuses a node that speaks no common protocol version, saying which it speaks', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const socket = io(`${hub.url}${HUB_NAMESPACE}`, {
      path: HUB_SOCKET_PATH, transports: ['websocket'], reconnection: false,
      auth: { token: TOKENS.node, protocol: { min: 2, max: 3 }, nodeId: 'future', wallId: 'demo-2x2', screens: ['A1'] },
    });
    cleanup.push(() => socket.close());
    const err = await new Promise<Error & { data?: unknown }>((resolve) => socket.once('connect_error', resolve));
    expect(err.data).toEqual({ code: 'protocol-unsupported', message: 'this hub speaks protocol 1–1', supported: { min: 1, max: 1 } });
  });

  it('refuses a second node claiming screens another node drives', async () => {
    const { hub } = await hubAndNode({}, { nodeId: 'pc-1', screens: ['A1', 'A2'] });
    const second = testNode(hub.url, { nodeId: 'pc-2', screens: ['A2', 'B1'] });
    cleanup.push(() => second.close());
    await until('refusal logged', () => second.log.lines.some((l) => l.msg === 'hub reported an error' && String(l.message).includes('driven by node "pc-1"')));
    expect(hub.core.registry.nodesOf('demo-2x2').map((n) => n.nodeId)).toEqual(['pc-1']);
  });

  it("estimates the hub's clock and expresses apply times on the node's own clock", async () => {
    const skew = 5000;
    const { hub, node } = await hubAndNode({}, { now: () => Date.now() + skew });
    await until('clock samples', () => node.sync.link.clock.sampleCount >= 4);
    expect(Math.abs((node.sync.link.clock.offset ?? 0) + skew)).toBeLessThan(5);
    const answer = await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader);
    const hubApplyAt = (answer.body.value as { applyAt: number }).applyAt;
    await until('storm', () => node.core.state.scenario?.id === 'storm');
    expect(Math.abs((node.core.state.scenario?.applyAt ?? 0) - (hubApplyAt + skew))).toBeLessThan(5);
  });

  it('an activation this node cannot take (a panel type it lacks) changes nothing and is reported failed on every screen', async () => {
    const bare = await startBareHub();
    cleanup.push(() => bare.close());
    const node = testNode(bare.url);
    cleanup.push(() => node.close());
    await until('connected', () => node.core.state.backend?.state === 'connected');
    const before = node.core.state.layout;
    const scenario = JSON.parse(fs.readFileSync('config/scenarios/storm.json', 'utf8')) as { layout: { panels: Array<{ type: string }> } };
    scenario.layout.panels[1]!.type = 'hologram';
    bare.connections[0]!.emit('wall:activation', { wallId: 'demo-2x2', revision: 7, scenario, activatedBy: { name: 'A', role: 'leader' }, source: 'rest', activatedAt: 1, applyAt: 2 });
    await until('failure reported', () => bare.received.some((r) => r.event === 'wall:ack'));
    const ack = bare.received.find((r) => r.event === 'wall:ack')!.payload as { revision: number; screens: Array<{ screenId: string; status: string; message: string }> };
    expect(ack.revision).toBe(7);
    expect(ack.screens.map((s) => s.status)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect(ack.screens[0]!.message).toMatch(/unknown panel type "hologram"/);
    expect(node.core.state.layout).toBe(before);
    expect(node.core.state.scenario).toBeNull();
    expect(node.core.state.problems.map((p) => p.code)).toContain('scenario/invalid');
  });

  it('a gauge above alarm level III proposes the flood scenario; a leader confirms it from the console', async () => {
    const { hub, node } = await hubAndNode();
    expect((await rest(hub, 'POST', '/api/data', TOKENS.leader, gaugeAbove3(Date.now()))).status).toBe(403);
    expect((await rest(hub, 'POST', '/api/data', TOKENS.admin, gaugeAbove3(Date.now()))).status).toBe(202);
    await until('proposal on the console', () => node.core.scenarioOverview.proposals.length === 1);
    const proposal = node.core.scenarioOverview.proposals[0] as Proposal;
    expect(proposal).toMatchObject({ scenarioId: 'flood-response', ruleId: 'flood-alarm-3', reason: { vi: expect.stringContaining('vượt báo động III') } });
    expect(node.screens.A1!.data.get('gauges.rivers')).toBeDefined();
    // The console's list of rules says what the flood rule did.
    await until('rule list on the console', () => node.core.scenarioOverview.rules?.find((r) => r.id === 'flood-alarm-3')?.last?.outcome === 'proposed');
    expect(node.core.scenarioOverview.rules?.find((r) => r.id === 'flood-alarm-3')).toMatchObject({ phase: 'fired', action: 'propose', scenarioId: 'flood-response' });

    const operator = { ...node.console, id: 'op', actor: { name: 'Cán bộ B', role: 'operator' as const } };
    expect(await node.core.handle(operator, 'proposal:dismiss', { proposalId: proposal.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await node.core.handle(node.console, 'proposal:confirm', { proposalId: proposal.id })).toMatchObject({ ok: true, value: { revision: 1 } });
    await until('flood on the wall', () => node.core.state.scenario?.id === 'flood-response');
    expect(node.core.state.scenario?.source).toBe('rule');
    await until('proposal closed', () => node.core.scenarioOverview.proposals.length === 0);
    expect(await node.core.handle(node.console, 'proposal:confirm', { proposalId: proposal.id })).toMatchObject({ ok: false, error: { code: 'unknown-proposal' } });
    const actions = (await hub.core.store.recentAudit(20)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['proposal.create', 'proposal.dismiss', 'proposal.confirm', 'scenario.activate']));
  });

  it('the simulated flood timeline, run fast, brings the proposal by itself; revert returns to the scenario before', async () => {
    const { hub, node } = await hubAndNode({ simulate: { seed: 3, timeScale: 60_000, tickSeconds: 1200 } });
    await until('rivers data on the node', () => node.core.dataCache.get('gauges.rivers') !== undefined);
    await rest(hub, 'POST', '/api/scenarios/normal-operations/activate', TOKENS.leader);
    await until('proposal', () => node.core.scenarioOverview.proposals.length === 1, 15_000);
    const id = node.core.scenarioOverview.proposals[0]!.id;
    await node.core.handle(node.console, 'proposal:confirm', { proposalId: id });
    await until('flood on the wall', () => node.core.state.scenario?.id === 'flood-response');
    expect(await node.core.handle(node.console, 'scenario:revert', {})).toMatchObject({ ok: true, value: { revision: 3 } });
    await until('back to normal operations', () => node.core.state.scenario?.id === 'normal-operations' && node.core.state.scenario.revision === 3);
    hub.simulator?.stop();
  });

  it('as the demo runs it, the gauges through its embedded MQTT broker and source: the flood timeline still brings the proposal', async () => {
    const { hub, node } = await hubAndNode({ simulate: { seed: 3, timeScale: 60_000, tickSeconds: 1200, feedsDir: 'config/sources/demo' } });
    await until('rivers data on the node', () => node.core.dataCache.get('gauges.rivers') !== undefined);
    await rest(hub, 'POST', '/api/scenarios/normal-operations/activate', TOKENS.leader);
    await until('proposal', () => node.core.scenarioOverview.proposals.length === 1, 15_000);
    expect(hub.sources.list().find((s) => s.id === 'tram-do-mo-phong')?.keys).toContain('gauges.rivers');
    hub.simulator?.stop();
  });
});
