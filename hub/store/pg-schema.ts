import type pg from 'pg';

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
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT,
  origin TEXT NOT NULL,
  ok INTEGER NOT NULL,
  result TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only: rows cannot be changed or removed'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`,
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
