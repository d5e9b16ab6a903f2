import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { StatePatch, WallState } from '../../common/state.js';
import { startHubProcess, type HubProcess } from './hub-process.js';
import { testNode, TOKENS, type TestNode } from './hub-fixture.js';
import { startPostgres, startRedis, type Postgres, type Redis } from './services.js';

// Two hub processes on one PostgreSQL and one Redis, two wall nodes (in this process) knowing both hubs,
// a burst of REST activations sent alternately through either hub, and one fault mid-burst: the hub the
// nodes follow killed (SIGKILL), PostgreSQL restarted, or Redis restarted. Measures what issue 18 asks:
// lost, applied twice, out of order, time to a live hub, time to the last revision on every screen.
// Used by tests/integration/hub-failover.test.ts (which asserts) and `npm run faults:failover` (which writes).

export type FailoverFault = 'hub-kill' | 'postgres-restart' | 'redis-restart';

export interface ScreenFigures {
  screenId: string;
  /** The scenario revisions the screen was told to switch to, in order (repeats of the shown one left out). */
  switches: number[];
  increasing: boolean;
  /** Revisions switched to more than once. */
  twice: number;
  /** From the moment the nodes were on a serving hub and the burst was answered, to this screen on the last revision. */
  lastRevisionMs: number | null;
}

export interface FailoverFigures {
  fault: FailoverFault;
  activations: number;
  everyMs: number;
  acknowledged: number;
  /** Requests answered only after a retry through the other hub (same Idempotency-Key). */
  retried: number;
  /** Requests never acknowledged within the deadline. */
  unanswered: number;
  /** What the hubs last answered them (a few distinct answers). */
  lastUnanswered: string[];
  /** Acknowledged but missing from the store (or stored as another scenario). */
  lost: number;
  /** Activations stored beyond one per request, or revisions given to two requests. */
  duplicated: number;
  /** Screens whose revisions were not strictly increasing. */
  outOfOrder: number;
  stored: number;
  lastRevision: number;
  /** From the fault to every node connected to a live hub (after a PostgreSQL restart: and the store back). */
  liveHubMs: number | null;
  /** Which hub each node ended on. */
  nodeHubs: string[];
  screens: ScreenFigures[];
  /** How long the fault lasted (the service down), ms. */
  downMs: number;
}

const SCENARIOS = ['flood-response', 'storm', 'traffic-incident', 'public-event', 'normal-operations'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function within(timeoutMs: number, check: () => boolean | Promise<boolean>, everyMs = 10): Promise<number | null> {
  const start = Date.now();
  while (Date.now() - start <= timeoutMs) {
    if (await check()) return Date.now() - start;
    await sleep(everyMs);
  }
  return null;
}

async function post(hubUrl: string, route: string, key: string): Promise<{ status: number; body: { ok: boolean; value?: { revision: number } } } | null> {
  try {
    const res = await fetch(`${hubUrl}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: '{}',
      signal: AbortSignal.timeout(4000),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; value?: { revision: number } } };
  } catch {
    return null; // refused, reset, or no answer: retried through the other hub
  }
}

/** Everything started, stopped by its id in reverse order (also when the run throws). */
class Started {
  private stops: Array<() => unknown> = [];
  add(stop: () => unknown): void {
    this.stops.push(stop);
  }
  async stop(): Promise<void> {
    for (const s of this.stops.reverse()) await Promise.resolve().then(s).catch(() => undefined);
    this.stops = [];
  }
}

export interface FailoverRunOptions {
  activations?: number;
  everyMs?: number;
  /** The request the fault comes with (0-based). */
  faultAt?: number;
  /** The hub URLs each node is given (default both hubs); the test gives one to prove it can fail. */
  nodeUrls?: (a: string, b: string) => string[];
}

export async function runFailover(fault: FailoverFault, options: FailoverRunOptions = {}): Promise<FailoverFigures> {
  const { activations = 100, everyMs = 25, faultAt = Math.floor(activations / 2) } = options;
  const started = new Started();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-failover-'));
  started.add(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const pg: Postgres = await startPostgres();
    started.add(() => pg.stop('immediate'));
    const redis: Redis = await startRedis();
    started.add(() => redis.stop());
    // One after the other: the first creates the schema.
    const hubs: HubProcess[] = [];
    for (const id of ['hub-a', 'hub-b']) {
      const hub = await startHubProcess(dir, { db: path.join(dir, `${id}.db`), store: pg.url, redis: redis.url, hubId: id });
      started.add(() => hub.kill());
      hubs.push(hub);
    }
    const [a, b] = hubs as [HubProcess, HubProcess];
    const urls = options.nodeUrls?.(a.url, b.url) ?? [a.url, b.url];
    // The link's own defaults (not the fast ones other tests use), so the times are the product's.
    const link = { reconnectDelayMs: 500, reconnectDelayMaxMs: 5000, refusedRetryMs: 10_000, syncIntervalMs: urls.length > 1 ? 1000 : 2000 };
    const nodes: TestNode[] = [
      testNode(a.url, { url: urls, nodeId: 'node-row-a', screens: ['A1', 'A2'], link }),
      testNode(a.url, { url: urls, nodeId: 'node-row-b', screens: ['B1', 'B2'], link }),
    ];
    for (const n of nodes) started.add(() => n.close());
    const seen = new Map<string, number[]>();
    for (const n of nodes) {
      for (const [id, screen] of Object.entries(n.screens)) {
        const revisions: number[] = [];
        seen.set(id, revisions);
        const send = screen.send.bind(screen);
        screen.send = ((event: string, payload: unknown) => {
          const scenario = event === 'state:snapshot' ? (payload as WallState).scenario : event === 'state:patch' ? (payload as StatePatch).set.scenario : undefined;
          if (scenario && revisions.at(-1) !== scenario.revision) revisions.push(scenario.revision);
          send(event as never, payload as never);
        }) as typeof screen.send;
      }
    }
    if ((await within(30_000, () => nodes.every((n) => n.core.state.backend?.state === 'connected' && n.core.state.backend.hubUrl === a.url))) === null) {
      throw new Error(`the nodes did not connect to ${a.url} within 30 s: ${nodes.map((n) => JSON.stringify(n.core.state.backend)).join(' ')}`);
    }

    // The burst: request i goes through hub A or B in turn; a failure (no answer, 503, 429) is retried
    // through the other hub with the same Idempotency-Key, as a client of two hubs would.
    const answers: Array<{ revision: number; scenarioId: string; tries: number } | null> = new Array<null>(activations).fill(null);
    const wrong: string[] = [];
    const lastAnswers: string[] = [];
    const deadline = () => Date.now() + 30_000;
    const send = async (i: number) => {
      const scenarioId = SCENARIOS[i % SCENARIOS.length]!;
      const end = deadline();
      for (let tries = 1; Date.now() < end; tries++) {
        const hub = (i + tries - 1) % 2 === 0 ? a : b;
        const answer = await post(hub.url, `/api/scenarios/${scenarioId}/activate`, `failover-burst-${i}`);
        lastAnswers[i] = answer ? `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}` : 'no answer';
        if (answer?.status === 202 && answer.body.ok && answer.body.value) return void (answers[i] = { revision: answer.body.value.revision, scenarioId, tries });
        if (answer && answer.status !== 503 && answer.status !== 429) return void (wrong[i] = `request ${i}: the hub answered ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        // Rate-limited: the hub asks for a second (Retry-After); otherwise a short, growing wait.
        await sleep(answer?.status === 429 ? 1000 : Math.min(200 * tries, 1000));
      }
    };
    const live = fault === 'hub-kill' ? [b.url] : [a.url, b.url];
    // Every node connected to a live hub (the one killed is not), at the time its link said so; after a
    // PostgreSQL restart also the store back, since until then no hub can serve.
    let storeBack = fault !== 'postgres-restart';
    let storeBackAt: number | null = null;
    const onLiveHub = () => storeBack && nodes.every((n) => n.core.state.backend?.state === 'connected' && live.includes(n.core.state.backend.hubUrl ?? ''));
    const liveSince = () => Math.max(...nodes.map((n) => n.core.state.backend?.since ?? 0));
    let faultAt0 = 0;
    let faultDone: Promise<{ end: number; liveAt: Promise<number | null> }> | null = null;
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < activations; i++) {
      pending.push(send(i));
      if (i === faultAt) {
        faultAt0 = Date.now();
        faultDone = (async () => {
          if (fault === 'hub-kill') await a.kill();
          else if (fault === 'postgres-restart') await pg.stop('fast');
          else await redis.stop();
          // Watched from the moment the service is down, concurrently with its restart.
          const downAt = Date.now();
          const liveAt = within(25_000, onLiveHub, 10).then((ms) => (ms === null ? null : Math.max(liveSince(), storeBackAt ?? downAt)));
          if (fault === 'postgres-restart') {
            await pg.start();
            storeBackAt = Date.now();
            storeBack = true;
          }
          else if (fault === 'redis-restart') await redis.start();
          return { end: Date.now(), liveAt };
        })();
      }
      await sleep(everyMs);
    }
    if (!faultDone) throw new Error(`faultAt ${faultAt} is beyond the ${activations} activations`);
    const { end: faultEnd, liveAt: liveWatch } = await faultDone;
    await Promise.all(pending);
    if (wrong.some(Boolean)) throw new Error(wrong.filter(Boolean).slice(0, 3).join('; '));
    const answeredAt = Date.now();
    const liveAt = await liveWatch;

    const client = new Client({ connectionString: pg.url });
    await client.connect();
    const rows = (await client.query<{ revision: number; scenario_id: string }>("SELECT revision, scenario_id FROM activations WHERE wall_id = 'demo-2x2' ORDER BY revision")).rows;
    await client.end();
    const stored = new Map(rows.map((r) => [r.revision, r.scenario_id]));
    const lastRevision = rows.at(-1)?.revision ?? 0;

    // Every screen on the last revision, counted from when the nodes were on a serving hub and the burst answered.
    const from = Math.max(liveAt ?? answeredAt, answeredAt);
    const reached = new Map<string, number | null>();
    await Promise.all([...seen].map(async ([id, revisions]) => {
      const ms = await within(15_000, () => revisions.at(-1) === lastRevision);
      reached.set(id, ms === null ? null : Math.max(0, Date.now() - from));
    }));
    await sleep(1000); // anything sent twice would arrive now

    if (process.env.TOAN_CANH_FAILOVER_DEBUG) for (const n of nodes) for (const l of n.log.lines) if (/link|hub/.test(JSON.stringify(l))) console.log(JSON.stringify(l).slice(0, 400));
    const acked = answers.filter((x): x is NonNullable<typeof x> => x !== null);
    const ackedRevisions = acked.map((x) => x.revision);
    const screens: ScreenFigures[] = [...seen].sort(([x], [y]) => x.localeCompare(y)).map(([screenId, switches]) => ({
      screenId,
      switches: [...switches],
      increasing: switches.every((r, k) => k === 0 || r > switches[k - 1]!),
      twice: switches.length - new Set(switches).size,
      lastRevisionMs: reached.get(screenId) ?? null,
    }));
    return {
      fault,
      activations,
      everyMs,
      acknowledged: acked.length,
      retried: acked.filter((x) => x.tries > 1).length,
      unanswered: activations - acked.length,
      lastUnanswered: [...new Set(lastAnswers.filter((_, i) => answers[i] === null))].slice(0, 3),
      lost: acked.filter((x) => stored.get(x.revision) !== x.scenarioId).length,
      duplicated: Math.max(0, rows.length - activations) + (ackedRevisions.length - new Set(ackedRevisions).size) + screens.reduce((n, s) => n + s.twice, 0),
      outOfOrder: screens.filter((s) => !s.increasing).length,
      stored: rows.length,
      lastRevision,
      liveHubMs: liveAt === null ? null : liveAt - faultAt0,
      nodeHubs: nodes.map((n) => n.core.state.backend?.hubUrl === a.url ? 'hub-a' : n.core.state.backend?.hubUrl === b.url ? 'hub-b' : 'none'),
      screens,
      downMs: faultEnd - faultAt0,
    };
  } finally {
    await started.stop();
  }
}
