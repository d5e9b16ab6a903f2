import type pg from 'pg';
import { AUDIT_LOG_PG_DDL, auditKeyColumnDdl } from '../../node-common/audit/schema.js';

// The hub's tables in PostgreSQL, the same data as the SQLite file plus what several hubs must share
// (open proposals, answered request keys). Numbered, applied once under an advisory lock so two hubs
// starting together do not both migrate; released migrations are never edited, only appended.

export interface PgMigration {
  version: number;
  name: string;
  up: string;
}

export const pgMigrations: readonly PgMigration[] = [
  {
    version: 1,
    name: 'hub-shared-state',
    up: `
CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  wall_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  scenario_json TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX scenarios_wall_id ON scenarios(wall_id);
CREATE TABLE wall_revisions (
  wall_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE activations (
  wall_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  scenario_id TEXT NOT NULL,
  activation_json TEXT NOT NULL,
  PRIMARY KEY (wall_id, revision)
);
CREATE TABLE proposals (
  id TEXT PRIMARY KEY,
  wall_id TEXT NOT NULL,
  proposal_json TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  answer_json TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys(created_at);
${AUDIT_LOG_PG_DDL}`,
  },
  {
    // The keyed audit chain: which key's HMAC a row carries (every hub on one database has the same key file).
    version: 2,
    name: 'audit-log-key-id',
    up: auditKeyColumnDdl('postgres'),
  },
];

/** Advisory lock keys (two-int form): migrations, the audit chain's head, and request keys (with their hash). */
export const LOCK = { space: 0x7443, migrate: 1, auditHead: 2, requestKeys: 3 } as const;

export async function migratePg(client: pg.ClientBase, now: number): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK.space, LOCK.migrate]);
    await client.query('CREATE TABLE IF NOT EXISTS hub_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM hub_migrations')).rows.map((r) => r.version));
    const known = Math.max(...pgMigrations.map((m) => m.version));
    const newer = [...done].filter((v) => v > known);
    if (newer.length) throw new Error(`the database was migrated by a newer hub (migration ${Math.max(...newer)}; this hub knows up to ${known}); run the newer hub`);
    let applied = 0;
    for (const m of pgMigrations) {
      if (done.has(m.version)) continue;
      await client.query(m.up);
      await client.query('INSERT INTO hub_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now]);
      applied++;
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
