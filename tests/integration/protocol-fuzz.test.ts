import fs from 'node:fs';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRandom, type Random } from '../../common/prng.js';
import { hubEvents, nodeEvents } from '../../common/protocol/events.js';
import { HUB_NAMESPACE, HUB_SOCKET_PATH, PROTOCOL_VERSIONS } from '../../common/protocol/handshake.js';
import { ScenarioSchema } from '../../common/protocol/scenario.js';
import { MAX_EVENT_BYTES, parseHubEvent, parseNodeEvent } from '../../common/protocol/validate.js';
import { startBareHub } from '../support/bare-hub.js';
import { mutate, nameOf, randomValue } from '../support/fuzz.js';
import { rest, testHub, testNode, TOKENS, until } from '../support/hub-fixture.js';

// At least 10,000 random and mutated payloads at the hub and at the wall node's link. Every one is
// invalid (checked with the protocol's own gate before it is sent): both must stay up, answer or
// ignore each with a reason, and change nothing. A valid command afterwards still works.

const COUNT = 10_000;
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const flood = ScenarioSchema.parse(JSON.parse(fs.readFileSync('config/scenarios/flood-response.json', 'utf8')));
const actor = { name: 'Lãnh đạo', role: 'leader' };
const nodeTemplates: Record<string, unknown> = {
  'clock:sync': { t0: 123.5 },
  'wall:ack': { wallId: 'demo-2x2', revision: 1, screens: [{ screenId: 'Z9', status: 'applied', at: 1 }] },
  'scenario:activate': { wallId: 'demo-2x2', scenarioId: 'storm', actor },
  'scenario:revert': { wallId: 'demo-2x2', actor },
  'proposal:confirm': { proposalId: 'p1', actor },
  'proposal:dismiss': { proposalId: 'p1', actor },
  'node:local-activation': { wallId: 'demo-2x2', scenarioId: 'storm', actor, localAt: 1, replacedByRevision: 1 },
  'scenario:publish': { scenario: flood, actor },
};
const activation = { wallId: 'demo-2x2', revision: 9, scenario: flood, activatedBy: actor, source: 'rest', activatedAt: 1, applyAt: 2 };
const gauges = { entries: [{ key: 'gauges.rivers', at: 1, value: { type: 'gauges', items: [{ id: 'kim-long', name: 'Kim Long', river: 'Hương', lat: 16.4, lon: 107.5, levelM: 3.7, alarmM: [1, 2, 3.5], at: 1 }] } }] };
const hubTemplates: Record<string, unknown> = {
  'hub:hello': { protocol: 1, hubId: 'hub-x', hubTime: 1, revision: 0, heartbeat: { pingInterval: 4000, pingTimeout: 4000 }, maxEventBytes: MAX_EVENT_BYTES },
  'wall:activation': activation,
  'scenario:catalog': { wallId: 'demo-2x2', scenarios: [flood] },
  'activation:result': { wallId: 'demo-2x2', revision: 9, scenarioId: 'flood-response', outcome: 'applied', screens: [{ screenId: 'A1', nodeId: 'n', status: 'applied', at: 1 }], updatedAt: 1 },
  'data:update': gauges,
  'data:snapshot': gauges,
  'proposal:list': { wallId: 'demo-2x2', proposals: [{ id: 'p1', wallId: 'demo-2x2', scenarioId: 'flood-response', reason: { vi: 'a', en: 'b' }, ruleId: 'r', createdAt: 1 }] },
  'hub:error': { code: 'internal', message: 'x' },
};

// socket.io's own parser closes a connection that carries one of these as an event name.
const BIG = ['wall:activation', 'scenario:catalog'];
const RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];

/** Invalid (event, args) pairs: random names and values, mutated templates, wrong argument counts. */
function* invalidEvents(rnd: Random, templates: Record<string, unknown>, isValid: (event: string, payload: unknown) => boolean): Generator<{ event: string; args: unknown[] }> {
  const names = Object.keys(templates);
  for (;;) {
    const roll = rnd.next();
    const event = roll < 0.1 ? nameOf(randomValue(rnd)) : rnd.pick(names);
    if (RESERVED.includes(event)) continue;
    // Templates holding a whole scenario are large: mutate them less often so the run stays quick.
    const source = rnd.chance(0.9) ? event : rnd.pick(names);
    if (BIG.includes(source) && rnd.chance(0.7)) continue;
    const payload = roll < 0.25 ? randomValue(rnd) : mutate(rnd, templates[source]);
    if (rnd.chance(0.03)) yield { event, args: [payload, randomValue(rnd)] };
    else if (!isValid(event, payload)) yield { event, args: [payload] };
  }
}

describe('fuzzing', () => {
  it(`the hub survives ${COUNT} invalid events and raw garbage, refuses each, and changes nothing`, async () => {
    // The fuzzer sends as fast as it can: the rate limit (tested in refusal-flood.test.ts) is lifted here.
    const hub = await testHub({ rateLimits: { events: { burst: 1e9, perSecond: 1e9 } } });
    cleanup.push(() => hub.close());
    const node = testNode(hub.url);
    cleanup.push(() => node.close());
    await until('node connected', () => node.core.state.backend?.state === 'connected');
    await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader);
    await until('flood applied', () => hub.core.activations.result('demo-2x2')?.outcome === 'applied');

    const attacker: ClientSocket = io(`${hub.url}${HUB_NAMESPACE}`, {
      path: HUB_SOCKET_PATH, transports: ['websocket'], reconnection: false,
      auth: { token: TOKENS.node, protocol: PROTOCOL_VERSIONS, nodeId: 'fuzzer', wallId: 'demo-2x2', screens: ['Z9'] },
    });
    cleanup.push(() => attacker.close());
    await new Promise<void>((resolve) => attacker.once('connect', () => resolve()));
    const hubErrors: unknown[] = [];
    attacker.on('hub:error', (e: unknown) => hubErrors.push(e));
    const before = { revision: (await hub.core.store.revision('demo-2x2')), activation: (await hub.core.store.latestActivation('demo-2x2')), nodeState: node.core.state, audit: (await hub.core.store.recentAudit(1000)).length };

    const rnd = createRandom(20251104);
    const events = invalidEvents(rnd, nodeTemplates, (e, p) => parseNodeEvent(e, p).ok);
    const answers: Array<Promise<unknown>> = [];
    let withoutAck = 0;
    for (let i = 0; i < COUNT; i++) {
      const { event, args } = events.next().value as { event: string; args: unknown[] };
      if (i % 2 === 0) {
        answers.push(attacker.timeout(20_000).emitWithAck(event, ...args));
      } else {
        attacker.emit(event, ...args);
        withoutAck++;
      }
      if (answers.length >= 500) await Promise.all(answers.splice(0));
    }
    for (let i = 0; i < 3; i++) answers.push(attacker.timeout(20_000).emitWithAck('clock:sync', { t0: 1, pad: 'x'.repeat(MAX_EVENT_BYTES + 10) }));
    const answered = (await Promise.all(answers)) as Array<{ ok: boolean; error?: { code: string } }>;
    expect(answered.every((a) => a.ok === false && typeof a.error?.code === 'string')).toBe(true);
    expect(answered.slice(-3).map((a) => a.error?.code)).toEqual(['too-large', 'too-large', 'too-large']);
    await until('errors for events sent without acknowledgement', () => hubErrors.length >= withoutAck - 50);

    // Raw WebSocket garbage at the socket.io endpoint.
    const raw = new WebSocket(`${hub.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    await new Promise((resolve) => raw.once('open', resolve));
    for (let i = 0; i < 200; i++) raw.send(i % 2 ? JSON.stringify(randomValue(rnd)) : Buffer.from(Array.from({ length: 64 }, () => rnd.int(0, 255))));
    raw.close();

    expect(attacker.connected).toBe(true);
    expect((await attacker.timeout(5000).emitWithAck('clock:sync', { t0: 7 })) as unknown).toMatchObject({ ok: true, value: { t0: 7 } });
    // A reserved event name, written as a raw socket.io packet, costs the sender its connection, nothing more.
    const dropped = new Promise<string>((resolve) => attacker.once('disconnect', resolve));
    attacker.io.engine.send(`2${HUB_NAMESPACE},${JSON.stringify(['disconnect', { forged: true }])}`);
    expect(await dropped).toBe('transport close');
    expect((await rest(hub, 'GET', '/api/health', null)).status).toBe(200);
    expect((await hub.core.store.revision('demo-2x2'))).toBe(before.revision);
    expect((await hub.core.store.latestActivation('demo-2x2'))).toEqual(before.activation);
    expect(await hub.core.allProposals()).toEqual([]);
    expect(node.core.state).toBe(before.nodeState);
    expect(hub.log.lines.filter((l) => l.msg === 'node event refused').length).toBeGreaterThanOrEqual(COUNT - 200);
    // Malformed events stop at the gate (logged, not commands): the audit log gains only the result
    // that changed because the fuzzer's screen joined the wall and never answered.
    const written = (await hub.core.store.recentAudit(100_000)).slice(0, -before.audit);
    expect(written.every((e) => e.action === 'scenario.result')).toBe(true);

    expect((await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader)).body).toMatchObject({ ok: true, value: { revision: 2 } });
    await until('the node still follows', () => node.core.state.scenario?.revision === 2);
  });

  it(`the wall node's link survives ${COUNT} invalid events from a hostile hub and changes nothing`, async () => {
    const bare = await startBareHub();
    cleanup.push(() => bare.close());
    const { connections } = bare;
    const node = testNode(bare.url, { link: { deadAfterMs: 60_000 } });
    cleanup.push(() => node.close());
    await until('node connected', () => node.core.state.backend?.state === 'connected');
    const hubSide = connections[0]!;
    const before = node.core.state;

    const rnd = createRandom(1104);
    const events = invalidEvents(rnd, hubTemplates, (e, p) => parseHubEvent(e, p).ok);
    for (let i = 0; i < COUNT; i++) {
      const { event, args } = events.next().value as { event: string; args: unknown[] };
      hubSide.emit(event, ...args);
    }
    for (let i = 0; i < 3; i++) hubSide.emit('data:update', { entries: [], pad: 'x'.repeat(MAX_EVENT_BYTES + 10) });
    // Events arrive in order: once this marker is in the cache, every event before it was handled.
    const marker = { key: 'fuzz.marker', at: 1, value: { type: 'kpi', value: 1, unit: '' } };
    hubSide.emit('data:update', { entries: [marker] });
    await until('marker received', () => node.core.dataCache.get('fuzz.marker') !== undefined, 30_000);

    // The wall shows what it showed. Mutated activations that still name this wall and a revision are
    // reported back as failed and noted once on the console; nothing else in the state moved.
    const { revision: _r, problems, ...shown } = node.core.state;
    const { revision: _b, problems: _p, ...shownBefore } = before;
    expect(shown).toEqual(shownBefore);
    expect(node.core.state.layout).toBe(before.layout);
    expect(problems.map((p) => `${p.code} ${p.where ?? ''}`)).toEqual(['scenario/invalid hub activation']);
    expect(node.core.dataCache.list().map((e) => e.key)).toEqual(['fuzz.marker']);
    expect(node.core.scenarioOverview).toEqual({ scenarios: [], proposals: [], result: null });
    expect(node.log.lines.filter((l) => l.msg === 'hub event refused').length).toBeGreaterThanOrEqual(COUNT - 200);
    expect(node.log.lines.some((l) => l.msg === 'hub event handler failed')).toBe(false);

    // A reserved event name costs the connection (socket.io's parser refuses it); the link reconnects.
    hubSide.conn.send(`2${HUB_NAMESPACE},${JSON.stringify(['disconnect', 'forged'])}`);
    await until('reconnected', () => connections.length === 2 && node.core.state.backend?.state === 'connected');
    expect(node.core.state.layout).toBe(before.layout);
    expect(node.core.state.scenario).toBeNull();
    connections[1]!.emit('wall:activation', activation);
    await until('a valid activation still applies', () => node.core.state.scenario?.revision === 9);
    expect(Object.keys(hubEvents).length + Object.keys(nodeEvents).length).toBeGreaterThan(10);
  });
});
