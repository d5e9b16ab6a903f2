import { parseHubEvent } from '../../common/protocol/validate.js';
import { ask, connectNode, handshake, http, refusal, waitFor, type NodeClient, type Target } from './wire.js';

// The conformance suite: what docs/protocol.md promises a node, checked against a running hub over the
// wire. A province runs it against its own backend (`npm run conformance -- --help`); our tests run it
// against the reference hub. Each check names the section it holds the hub to.

export interface Check {
  id: string;
  section: string;
  title: string;
  run(target: Target): Promise<void>;
}

export interface CheckResult {
  id: string;
  section: string;
  title: string;
  ok: boolean;
  message?: string;
  ms: number;
}

function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const show = (v: unknown): string => JSON.stringify(v)?.slice(0, 300) ?? String(v);
const errorCode = (answer: unknown): unknown => (answer as { error?: { code?: unknown } } | null)?.error?.code;
const refusalCode = (data: unknown): unknown => (data as { code?: unknown } | null)?.code;

async function withNode<T>(target: Target, use: (client: NodeClient) => Promise<T>, nodeId = 'conformance-node'): Promise<T> {
  const client = await connectNode(target, handshake(target, { nodeId }));
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

async function activate(target: Target, key?: string): Promise<{ status: number; revision: number; applyAt: number }> {
  const res = await http(target, 'POST', `/api/scenarios/${encodeURIComponent(target.scenarioId)}/activate`, target.commandToken, key ? { 'idempotency-key': key } : {});
  const value = (res.json as { ok?: boolean; value?: { revision?: unknown; applyAt?: unknown } }).value;
  expectThat(res.status === 202 && typeof value?.revision === 'number' && typeof value.applyAt === 'number', `POST …/activate answered ${res.status} ${show(res.json)}; expected 202 { ok: true, value: { revision, applyAt } }`);
  return { status: res.status, revision: value.revision, applyAt: value.applyAt };
}

export const checks: Check[] = [
  {
    id: 'health', section: '§10', title: 'GET /api/health answers { protocol: { min, max }, time } without a token',
    async run(t) {
      const res = await http(t, 'GET', '/api/health', null);
      const v = (res.json as { value?: { protocol?: { min?: unknown; max?: unknown }; time?: unknown } }).value;
      expectThat(res.status === 200 && typeof v?.protocol?.min === 'number' && typeof v.protocol.max === 'number' && typeof v.time === 'number', `got ${res.status} ${show(res.json)}`);
      expectThat(v.protocol.min <= 1 && 1 <= (v.protocol.max as number), `protocol ${show(v.protocol)} does not include version 1`);
    },
  },
  {
    id: 'rest-no-token', section: '§10', title: 'a REST read without a token is 401 bad-token',
    async run(t) {
      const res = await http(t, 'GET', '/api/scenarios', null);
      expectThat(res.status === 401 && errorCode(res.json) === 'bad-token', `got ${res.status} ${show(res.json)}`);
    },
  },
  {
    id: 'rest-unknown', section: '§9, §10', title: 'an unknown REST endpoint is 404 unknown-event',
    async run(t) {
      const res = await http(t, 'GET', '/api/no-such-endpoint', t.commandToken);
      expectThat(res.status === 404 && errorCode(res.json) === 'unknown-event', `got ${res.status} ${show(res.json)}`);
    },
  },
  {
    id: 'rest-node-cannot-command', section: '§10', title: 'a node token may read but not activate (403 forbidden)',
    async run(t) {
      const read = await http(t, 'GET', '/api/scenarios', t.nodeToken);
      expectThat(read.status === 200, `GET /api/scenarios with the node token: ${read.status} ${show(read.json)}`);
      const res = await http(t, 'POST', `/api/scenarios/${encodeURIComponent(t.scenarioId)}/activate`, t.nodeToken);
      expectThat(res.status === 403 && errorCode(res.json) === 'forbidden', `got ${res.status} ${show(res.json)}`);
    },
  },
  {
    id: 'handshake-bad-token', section: '§2', title: 'an unknown token is refused with bad-token',
    async run(t) {
      const r = await refusal(t, handshake(t, { token: 'conformance-token-never-issued' }));
      expectThat(refusalCode(r.data) === 'bad-token', `connect_error data ${show(r.data)}`);
    },
  },
  {
    id: 'handshake-malformed', section: '§2', title: 'a malformed handshake (unknown field, bad screens) is refused with bad-handshake',
    async run(t) {
      for (const auth of [handshake(t, { extra: 1 }), handshake(t, { screens: [] }), handshake(t, { protocol: { min: 2, max: 1 } })]) {
        const r = await refusal(t, auth);
        expectThat(refusalCode(r.data) === 'bad-handshake', `${show(auth)} → ${show(r.data)}`);
      }
    },
  },
  {
    id: 'handshake-namespace', section: '§1', title: 'the root namespace is refused with bad-handshake',
    async run(t) {
      const r = await refusal(t, handshake(t), '/');
      expectThat(refusalCode(r.data) === 'bad-handshake', `connect_error ${r.message} ${show(r.data)}`);
    },
  },
  {
    id: 'handshake-version', section: '§2', title: 'no common version: protocol-unsupported with the supported range',
    async run(t) {
      const r = await refusal(t, handshake(t, { protocol: { min: 900, max: 901 } }));
      const supported = (r.data as { supported?: { min?: unknown; max?: unknown } } | null)?.supported;
      expectThat(refusalCode(r.data) === 'protocol-unsupported' && typeof supported?.min === 'number' && typeof supported.max === 'number', `connect_error data ${show(r.data)}`);
    },
  },
  {
    id: 'resync-burst', section: '§6', title: 'every connection starts with hub:hello, scenario:catalog … data:snapshot, each valid',
    async run(t) {
      await withNode(t, async (c) => {
        await waitFor(c, 'proposal:list', (r) => r.event === 'proposal:list');
        await waitFor(c, 'data:snapshot', (r) => r.event === 'data:snapshot', 0, 1000).catch(() => undefined); // a hub with no data yet sends none
        const events = c.received.map((r) => r.event);
        expectThat(events[0] === 'hub:hello' && events[1] === 'scenario:catalog', `the burst starts ${events.slice(0, 3).join(', ')}`);
        const order = ['hub:hello', 'scenario:catalog', 'wall:activation', 'activation:result', 'proposal:list', 'data:snapshot'];
        const seen = events.filter((e) => order.includes(e));
        const burstEnd = seen.includes('data:snapshot') ? seen.indexOf('data:snapshot') : seen.indexOf('proposal:list');
        const head = seen.slice(0, burstEnd + 1).filter((e, i, all) => all.indexOf(e) === i);
        expectThat(head.every((e, i) => i === 0 || order.indexOf(e) > order.indexOf(head[i - 1]!)), `out of order: ${head.join(', ')}`);
        for (const r of c.received) {
          const parsed = parseHubEvent(r.event, r.payload);
          expectThat(parsed.ok, `${r.event} does not match its schema: ${parsed.ok ? '' : parsed.error.message}`);
        }
        const hello = c.received[0]!.payload as { protocol?: unknown };
        expectThat(hello.protocol === 1, `hub:hello.protocol is ${show(hello.protocol)}, expected 1`);
      });
    },
  },
  {
    id: 'clock-sync', section: '§7', title: 'clock:sync is answered { ok: true, value: { t0 echoed, t1 ≤ t2 } }',
    async run(t) {
      await withNode(t, async (c) => {
        const t0 = Date.now() + 0.5;
        const answer = (await ask(c, 'clock:sync', { t0 })) as { ok?: unknown; value?: { t0?: unknown; t1?: unknown; t2?: unknown } };
        expectThat(answer?.ok === true && answer.value?.t0 === t0 && typeof answer.value.t1 === 'number' && typeof answer.value.t2 === 'number' && answer.value.t1 <= answer.value.t2, `answer ${show(answer)}`);
      });
    },
  },
  {
    id: 'event-errors', section: '§3, §9', title: 'unknown event, two payloads and an unknown field get unknown-event / invalid-payload',
    async run(t) {
      await withNode(t, async (c) => {
        const unknown = await ask(c, 'conformance:nonsense', {});
        expectThat(errorCode(unknown) === 'unknown-event', `unknown event → ${show(unknown)}`);
        const two = await ask(c, 'clock:sync', { t0: 1 }, { t0: 2 });
        expectThat(errorCode(two) === 'invalid-payload', `two payloads → ${show(two)}`);
        const strict = await ask(c, 'clock:sync', { t0: 1, extra: true });
        expectThat(errorCode(strict) === 'invalid-payload', `unknown field → ${show(strict)}`);
      });
    },
  },
  {
    id: 'ack-refusals', section: '§3.5', title: 'wall:ack for another wall is wrong-wall; for a screen the node does not drive, forbidden',
    async run(t) {
      await withNode(t, async (c) => {
        const other = await ask(c, 'wall:ack', { wallId: `${t.wallId}-other`, revision: 1, screens: [{ screenId: t.screens[0], status: 'applied', at: Date.now() }] });
        expectThat(errorCode(other) === 'wrong-wall', `another wall → ${show(other)}`);
        const foreign = await ask(c, 'wall:ack', { wallId: t.wallId, revision: 1, screens: [{ screenId: 'ZZ9', status: 'applied', at: Date.now() }] });
        expectThat(errorCode(foreign) === 'forbidden', `a screen not driven → ${show(foreign)}`);
      });
    },
  },
  {
    id: 'activation-flow', section: '§4, §3.4–3.6', title: 'a REST activation reaches the node, starts pending, and ends applied when the node acks',
    async run(t) {
      await withNode(t, async (c) => {
        await waitFor(c, 'proposal:list', (r) => r.event === 'proposal:list');
        const from = c.received.length;
        const { revision, applyAt } = await activate(t);
        const activation = (await waitFor(c, `wall:activation #${revision}`, (r) => r.event === 'wall:activation' && (r.payload as { revision?: unknown }).revision === revision, from)).payload as { applyAt: number; activatedAt: number; scenario: { id: string } };
        expectThat(activation.applyAt === applyAt && activation.applyAt >= activation.activatedAt && activation.scenario.id === t.scenarioId, `wall:activation ${show({ ...activation, scenario: activation.scenario.id })}`);
        await waitFor(c, 'a pending activation:result', (r) => r.event === 'activation:result' && (r.payload as { revision: number; outcome: string }).revision === revision && (r.payload as { outcome: string }).outcome === 'pending', from);
        const acked = await ask(c, 'wall:ack', { wallId: t.wallId, revision, screens: t.screens.map((screenId) => ({ screenId, status: 'applied', at: Date.now() })) });
        expectThat((acked as { ok?: unknown }).ok === true, `wall:ack → ${show(acked)}`);
        const result = (await waitFor(c, 'activation:result applied', (r) => r.event === 'activation:result' && (r.payload as { revision: number }).revision === revision && (r.payload as { outcome: string }).outcome === 'applied', from)).payload as { screens: Array<{ screenId: string; nodeId: string; status: string }> };
        for (const id of t.screens) expectThat(result.screens.some((s) => s.screenId === id && s.status === 'applied'), `screen ${id} is not applied in ${show(result.screens)}`);
      });
    },
  },
  {
    id: 'revisions-increase', section: '§5.1', title: 'two activations get consecutive, increasing revisions',
    async run(t) {
      const a = await activate(t);
      const b = await activate(t);
      expectThat(b.revision === a.revision + 1, `revisions ${a.revision} then ${b.revision}`);
    },
  },
  {
    id: 'idempotency', section: '§5.4', title: 'a repeated Idempotency-Key gets the first answer, not a new revision',
    async run(t) {
      const key = `conformance-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
      const first = await activate(t, key);
      const again = await activate(t, key);
      expectThat(again.revision === first.revision && again.applyAt === first.applyAt, `first ${show(first)}, repeat ${show(again)}`);
    },
  },
  {
    id: 'replaced-connection', section: '§2', title: 'a second connection of the same node replaces the first, which is told why',
    async run(t) {
      const first = await connectNode(t, handshake(t, { nodeId: 'conformance-twin' }));
      try {
        const closed = new Promise<string>((resolve) => first.socket.once('disconnect', (reason) => resolve(reason)));
        const second = await connectNode(t, handshake(t, { nodeId: 'conformance-twin' }));
        try {
          const reason = await Promise.race([closed, new Promise<string>((resolve) => setTimeout(() => resolve('still connected after 5 s'), 5000))]);
          expectThat(reason === 'io server disconnect', `the first connection: ${reason}`);
          const told = first.received.find((r) => r.event === 'hub:error');
          expectThat(errorCode({ error: told?.payload }) === 'forbidden', `the first connection got ${show(told ?? 'no hub:error')}`);
        } finally {
          second.close();
        }
      } finally {
        first.close();
      }
    },
  },
];

/** Runs every check (or those named) in order; one failing does not stop the rest. */
export async function runConformance(target: Target, only?: readonly string[], onResult?: (r: CheckResult) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    if (only && !only.includes(check.id)) continue;
    const start = Date.now();
    let result: CheckResult;
    try {
      await check.run(target);
      result = { id: check.id, section: check.section, title: check.title, ok: true, ms: Date.now() - start };
    } catch (err) {
      result = { id: check.id, section: check.section, title: check.title, ok: false, message: err instanceof Error ? err.message : String(err), ms: Date.now() - start };
    }
    results.push(result);
    onResult?.(result);
  }
  return results;
}
