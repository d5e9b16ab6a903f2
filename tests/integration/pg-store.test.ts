import fs from 'node:fs';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioSchema, type Activation, type Scenario } from '../../common/protocol/scenario.js';
import type { HubAuditInput } from '../../hub/db/hub-audit.js';
import { StoreUnavailable, type HubStore } from '../../hub/store/hub-store.js';
import { openPgStore } from '../../hub/store/pg-store.js';
import type { AuditRow } from '../../node-common/audit/audit-table.js';
import { verifyRows } from '../../node-common/audit/verify.js';
import { memoryLogger } from '../../node-common/log.js';
import { missingServices, startPostgres, type Postgres } from '../support/services.js';

// Two hubs' stores on one PostgreSQL: revisions handed out once each, one audit chain, a retried
// request answered with its first revision, and a clear refusal while the database is away.

const missing = missingServices();
const scenario: Scenario = ScenarioSchema.parse(JSON.parse(fs.readFileSync('config/scenarios/storm.json', 'utf8')));
const wallId = scenario.layout.wallId;
let pg: Postgres;
let a: HubStore;
let b: HubStore;

const commit = (store: HubStore, extra: { idempotencyKey?: string; ifRevision?: number } = {}) =>
  store.commitActivation({
    wallId,
    activation: (revision): Activation => ({ wallId, revision, scenario, activatedBy: { name: 'Lãnh đạo', role: 'leader' }, source: 'rest', activatedAt: Date.now(), applyAt: Date.now() + 150 }),
    audit: (act): HubAuditInput => ({ at: Date.now(), actor: 'Lãnh đạo', role: 'leader', action: 'scenario.activate', target: `storm → ${wallId}`, origin: 'rest test', result: `accepted: revision ${act.revision}` }),
    ...extra,
  });

describe.skipIf(missing)(`hub store on PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    pg = await startPostgres();
    [a, b] = await Promise.all([openPgStore(pg.url, memoryLogger()), openPgStore(pg.url, memoryLogger())]);
    await a.saveScenario(scenario);
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg?.stop();
  });

  it('hands out every revision once across two hubs and keeps one audit chain', async () => {
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => commit(i % 2 ? a : b)));
    const revisions = outcomes.map((o) => (o.kind === 'committed' ? o.activation.revision : -1)).sort((x, y) => x - y);
    expect(revisions).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(await b.revision(wallId)).toBe(60);
    expect((await a.latestActivation(wallId))?.revision).toBe(60);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).audit({ at: Date.now(), actor: 'x', role: null, action: 'node.connect', target: null, origin: 'test', result: 'refused: bad-token' })));
    const rows = (await a.recentAudit(1000)).length;
    expect(rows).toBe(80);
    // The chain as stored, checked by the same verifier as audit:verify.
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    const raw = await client.query<AuditRow>('SELECT seq, at::float8 AS at, actor, role, action, target, detail, origin, ok, result, prev_hash, hash FROM audit_log ORDER BY seq');
    await client.end();
    expect(verifyRows(raw.rows)).toMatchObject({ ok: true, rows: 80 });
  });

  it('answers a retried request with its first revision, through either hub', async () => {
    const [first, again] = await Promise.all([commit(a, { idempotencyKey: 'k-1' }), commit(b, { idempotencyKey: 'k-1' })]);
    const revisions = [first, again].map((o) => (o.kind === 'committed' ? o.activation.revision : o.kind === 'repeated' ? o.revision : -1));
    expect(revisions[0]).toBe(revisions[1]);
    expect([first.kind, again.kind].sort()).toEqual(['committed', 'repeated']);
    expect(await commit(a, { ifRevision: 3 })).toEqual({ kind: 'moved-on', revision: await a.revision(wallId) });
  });

  it('refuses plainly while PostgreSQL is away and works again when it is back', async () => {
    await pg.stop('immediate');
    await expect(commit(a)).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(a.ping()).rejects.toThrow(/cannot reach its database \(postgres:\/\/toan@127\.0\.0\.1/);
    const before = await (async () => {
      await pg.start();
      return b.revision(wallId);
    })();
    const after = await commit(a);
    expect(after.kind === 'committed' && after.activation.revision).toBe(before + 1);
  }, 60_000);
});
