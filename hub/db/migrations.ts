import type { Migration } from '../../node-common/db/migrate.js';
import { AUDIT_LOG_DDL, auditKeyColumnDdl } from '../../node-common/audit/schema.js';

// The hub's own schema, run by the same numbered, checksummed runner as the app's database.
// Released migrations are never edited, only appended; no BEGIN/COMMIT inside.

export const hubMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'scenarios-walls-activations-audit',
    up: `
CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  wall_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  scenario_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX scenarios_wall_id ON scenarios(wall_id);
CREATE TABLE wall_revisions (
  wall_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE activations (
  wall_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  scenario_id TEXT NOT NULL,
  activation_json TEXT NOT NULL,
  PRIMARY KEY (wall_id, revision)
);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  role TEXT,
  action TEXT NOT NULL,
  target TEXT,
  origin TEXT NOT NULL,
  result TEXT NOT NULL,
  detail_json TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
  },
  {
    // The wall node's hash-chained audit_log (its migration 2, the same columns, indexes and
    // triggers), so one implementation (node-common/audit) serves both. SQL cannot hash, so the old
    // rows wait in audit_log_unchained; openHubDatabase appends them to the chain in order and
    // drops that table, in one transaction, before anything else is written.
    version: 2,
    name: 'audit-log-hash-chained',
    up: `
DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
ALTER TABLE audit_log RENAME TO audit_log_unchained;
${AUDIT_LOG_DDL}`,
  },
  {
    // A repeated activation request (a REST Idempotency-Key, a console's request id) answers its first
    // result instead of making a second revision. Rows older than a day are removed as new ones come.
    version: 3,
    name: 'idempotency-keys',
    up: `
CREATE TABLE idempotency_keys (
  key TEXT PRIMARY KEY,
  answer_json TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys(created_at);
`,
  },
  {
    // The keyed audit chain: which key's HMAC a row carries; NULL on older (SHA-256) rows.
    version: 4,
    name: 'audit-log-key-id',
    up: auditKeyColumnDdl('sqlite'),
  },
];
