import pg from 'pg';
import { storedReader } from './stored-json.js';
import { ActivationSchema, ProposalSchema, ScenarioSchema, type Activation } from '../../common/protocol/scenario.js';
import { toEntry, type AuditRow } from '../../node-common/audit/audit-table.js';
import type { AuditKeyring } from '../../node-common/audit/audit-key.js';
import { handOverRow, nextRows, type AuditHead } from '../../node-common/audit/next-rows.js';
import { AUDIT_COLUMN_NAMES, auditInsertSql } from '../../node-common/audit/schema.js';
import type { Logger } from '../../node-common/log.js';
import { redactPgUrl } from '../../node-common/pg-url.js';
import { hubAuditEntry, hubAuditView, type HubAuditInput } from '../db/hub-audit.js';
import { StoreUnavailable, type CommitOutcome, type HubStore } from './hub-store.js';
import { LOCK, migratePg } from './pg-schema.js';

// The shared store of several hubs: PostgreSQL. A wall's next revision comes from an UPSERT on its
// wall_revisions row, whose row lock serialises commits to one wall across hubs; the activation, its
// audit row and the request key are written in the same transaction. Audit appends take one advisory
// lock, so the chain's head is read and extended by one hub at a time and stays a single chain.

const DAY_MS = 24 * 3600 * 1000;

/** BIGINT columns (times) as numbers: every value the hub stores fits well within 2^53. */
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };

/** A failure of the link or the server, as opposed to a statement the database refused. */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true; // ECONNREFUSED, timeouts, "Connection terminated"
  return code.startsWith('08') || code.startsWith('57') || code.startsWith('53');
}

/** The chain's keys (every hub on one database needs the same key file) and this hub's anchor file. */
export interface PgAuditOptions {
  keys: AuditKeyring | null;
  anchorFile: string | null;
}

const insertAuditSql = auditInsertSql('postgres');
const auditValues = (row: AuditRow): unknown[] => AUDIT_COLUMN_NAMES.map((name) => row[name as keyof AuditRow]);

export async function openPgStore(url: string, log: Logger, now: () => number = Date.now, audit: PgAuditOptions = { keys: null, anchorFile: null }): Promise<HubStore> {
  const where = redactPgUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Also the wait for a free connection under a burst; a server that is down refuses at once anyway.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 10_000,
    statement_timeout: 5000,
    query_timeout: 6000,
    keepAlive: true,
    application_name: 'toan-canh-hub',
    types,
  });
  // An idle connection the server dropped (a restart) must not end the process: the next query reconnects.
  pool.on('error', (error) => log.warn('postgres connection lost', { where, error: String(error) }));
  const fail = (error: unknown): never => {
    throw unreachable(error) ? new StoreUnavailable(where, error) : error;
  };

  try {
    const client = await pool.connect();
    try {
      const applied = await migratePg(client, now());
      if (applied) log.info('postgres schema migrated', { where, applied });
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the hub store ${where}: ${error instanceof Error ? error.message : String(error)}; check --store (postgres://user[:password]@host:port/database) and that PostgreSQL runs there`);
  }

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> => {
    try {
      return (await pool.query<R>(sql, params)).rows;
    } catch (error) {
      return fail(error);
    }
  };
  const tx = async <T>(run: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      return fail(error);
    }
    let broken: unknown = undefined;
    // pg emits "error" on a client whose server goes (a restart: "terminating connection due to administrator
    // command") even with a query running; checked out, the pool no longer listens, and unheard it ends the process.
    const lost = (error: Error) => {
      broken ??= error;
      log.warn('postgres connection lost in a transaction', { where, error: String(error) });
    };
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const value = await run(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      broken = error;
      await client.query('ROLLBACK').catch(() => undefined);
      return fail(error);
    } finally {
      // A connection that failed mid-transaction is thrown away rather than handed out again.
      client.off('error', lost);
      client.release(broken !== undefined && unreachable(broken) ? (broken as Error) : undefined);
    }
  };
  const read = storedReader(log);
  const activationOf = (row: { activation_json: string; revision: number } | undefined, wallId: string) =>
    row ? read(ActivationSchema, row.activation_json, `activation ${wallId}#${row.revision}`) : null;

  const auditHeadOf = async (c: pg.PoolClient): Promise<AuditHead | null> =>
    (await c.query<AuditHead>('SELECT seq, hash, key_id, action, target FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0] ?? null;
  const appendAudit = async (c: pg.PoolClient, input: HubAuditInput): Promise<void> => {
    await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK.space, LOCK.auditHead]);
    for (const row of nextRows(await auditHeadOf(c), hubAuditEntry(input), audit.keys, now())) await c.query(insertAuditSql, auditValues(row));
  };
  // A hub started with a (new) key hands the chain over at once, as the SQLite stores do at open.
  const sealed = await tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK.space, LOCK.auditHead]);
    const row = handOverRow(await auditHeadOf(c), audit.keys, now());
    if (row) await c.query(insertAuditSql, auditValues(row));
    return row;
  }).catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  if (sealed) log.info(`audit log ${sealed.action} at row ${sealed.seq}`, { where, key: audit.keys?.current.id });
  let keyedFrom: number | null = null;
  const insertActivation = (c: pg.PoolClient, a: Activation) =>
    c.query('INSERT INTO activations (wall_id, revision, scenario_id, activation_json) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [a.wallId, a.revision, a.scenario.id, JSON.stringify(a)]);

  return {
    kind: 'postgres',
    where,
    backupSource: null,
    saveScenario: async (s) =>
      void (await query(
        `INSERT INTO scenarios (id, wall_id, version, scenario_json, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET wall_id = excluded.wall_id, version = excluded.version, scenario_json = excluded.scenario_json, updated_at = excluded.updated_at`,
        [s.id, s.layout.wallId, s.version, JSON.stringify(s), now()],
      )),
    scenario: async (id) => {
      const row = (await query<{ scenario_json: string }>('SELECT scenario_json FROM scenarios WHERE id = $1', [id]))[0];
      return row ? read(ScenarioSchema, row.scenario_json, `scenario "${id}"`) : null;
    },
    scenarios: async () =>
      (await query<{ id: string; scenario_json: string }>('SELECT id, scenario_json FROM scenarios ORDER BY wall_id, id')).flatMap((r) => read(ScenarioSchema, r.scenario_json, `scenario "${r.id}"`) ?? []),
    walls: async () => (await query<{ wall_id: string }>('SELECT wall_id FROM wall_revisions ORDER BY wall_id')).map((r) => r.wall_id),
    revision: async (wallId) => (await query<{ revision: number }>('SELECT revision FROM wall_revisions WHERE wall_id = $1', [wallId]))[0]?.revision ?? 0,
    revisions: async () => new Map((await query<{ wall_id: string; revision: number }>('SELECT wall_id, revision FROM wall_revisions')).map((r) => [r.wall_id, r.revision])),
    commitActivation: (r) =>
      tx(async (c): Promise<CommitOutcome> => {
        if (r.idempotencyKey !== undefined) {
          // Two hubs given the same retried request: the second waits here, then finds the first's answer.
          await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.requestKeys, r.idempotencyKey]);
          const seen = (await c.query<{ answer_json: string }>('SELECT answer_json FROM idempotency_keys WHERE key = $1', [r.idempotencyKey])).rows[0];
          if (seen) return { kind: 'repeated', ...(JSON.parse(seen.answer_json) as { scenarioId: string; revision: number; applyAt: number }) };
        }
        const at = now();
        if (r.ifRevision !== undefined) {
          const current = (await c.query<{ revision: number }>('SELECT revision FROM wall_revisions WHERE wall_id = $1 FOR UPDATE', [r.wallId])).rows[0]?.revision ?? 0;
          if (current !== r.ifRevision) return { kind: 'moved-on', revision: current };
        }
        const { revision } = (await c.query<{ revision: number }>(
          `INSERT INTO wall_revisions (wall_id, revision, updated_at) VALUES ($1, 1, $2)
           ON CONFLICT (wall_id) DO UPDATE SET revision = wall_revisions.revision + 1, updated_at = excluded.updated_at RETURNING revision`,
          [r.wallId, at],
        )).rows[0]!;
        const activation = r.activation(revision);
        await insertActivation(c, activation);
        await appendAudit(c, r.audit(activation));
        if (r.idempotencyKey !== undefined) {
          await c.query('INSERT INTO idempotency_keys (key, answer_json, created_at) VALUES ($1, $2, $3)', [r.idempotencyKey, JSON.stringify({ scenarioId: activation.scenario.id, revision, applyAt: activation.applyAt }), at]);
          await c.query('DELETE FROM idempotency_keys WHERE created_at < $1', [at - DAY_MS]);
        }
        return { kind: 'committed', activation };
      }),
    adopt: (wallId, revision, activation, audit) =>
      tx(async (c) => {
        const current = (await c.query<{ revision: number }>('SELECT revision FROM wall_revisions WHERE wall_id = $1 FOR UPDATE', [wallId])).rows[0]?.revision ?? 0;
        if (revision <= current) return false;
        await c.query(
          `INSERT INTO wall_revisions (wall_id, revision, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (wall_id) DO UPDATE SET revision = GREATEST(wall_revisions.revision, excluded.revision), updated_at = excluded.updated_at`,
          [wallId, revision, now()],
        );
        if (activation) await insertActivation(c, activation);
        await appendAudit(c, audit);
        return true;
      }),
    latestActivation: async (wallId) =>
      activationOf((await query<{ revision: number; activation_json: string }>('SELECT revision, activation_json FROM activations WHERE wall_id = $1 ORDER BY revision DESC LIMIT 1', [wallId]))[0], wallId),
    previousActivation: async (wallId, before, otherThan) =>
      activationOf(
        (await query<{ revision: number; activation_json: string }>(
          'SELECT revision, activation_json FROM activations WHERE wall_id = $1 AND revision < $2 AND scenario_id <> $3 ORDER BY revision DESC LIMIT 1',
          [wallId, before, otherThan],
        ))[0],
        wallId,
      ),
    openProposals: async () =>
      (await query<{ id: string; proposal_json: string }>('SELECT id, proposal_json FROM proposals ORDER BY created_at, id')).flatMap((r) => read(ProposalSchema, r.proposal_json, `proposal "${r.id}"`) ?? []),
    addProposal: async (p) =>
      void (await query('INSERT INTO proposals (id, wall_id, proposal_json, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [p.id, p.wallId, JSON.stringify(p), p.createdAt])),
    closeProposal: async (id) => (await query<{ id: string }>('DELETE FROM proposals WHERE id = $1 RETURNING id', [id])).length > 0,
    audit: (e) => tx((c) => appendAudit(c, e)),
    auditKeys: audit.keys,
    auditAnchorFile: audit.anchorFile,
    auditHead: async () => {
      const head = (await query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'))[0];
      if (!head) return null;
      keyedFrom ??= (await query<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM audit_log WHERE key_id IS NOT NULL'))[0]?.seq ?? null;
      return { seq: head.seq, hash: head.hash, keyedFrom };
    },
    recentAudit: async (limit) => (await query<AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT $1', [Math.max(1, Math.min(limit, 10_000))])).map((row) => hubAuditView(toEntry(row))),
    setting: async (key, schema) => {
      const row = (await query<{ value_json: string }>('SELECT value_json FROM settings WHERE key = $1', [key]))[0];
      return row ? read(schema, row.value_json, `setting "${key}"`) : null;
    },
    setSetting: async (key, value) =>
      void (await query(
        `INSERT INTO settings (key, value_json, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        [key, JSON.stringify(value), now()],
      )),
    ping: async () => void (await query('SELECT 1')),
    close: () => pool.end(),
  };
}
