// The chained audit_log, defined once for the three databases that keep it (the wall node's SQLite,
// the hub's SQLite, the hubs' shared PostgreSQL). Released migrations are never edited: the text the
// SQLite migrations were released with is checksummed, so what is generated here for them must stay
// byte for byte the same (tests/unit/node-common/audit-schema.test.ts). A new column is a new step.

export type AuditDialect = 'sqlite' | 'postgres';

interface AuditColumn {
  name: string;
  sqlite: string;
  postgres: string;
}

const text = (name: string, notNull = true): AuditColumn => {
  const type = notNull ? 'TEXT NOT NULL' : 'TEXT';
  return { name, sqlite: type, postgres: type };
};

/** The columns of the first chained table (hash = SHA-256 link), in order. */
const CHAINED_COLUMNS: readonly AuditColumn[] = [
  { name: 'seq', sqlite: 'INTEGER PRIMARY KEY', postgres: 'INTEGER PRIMARY KEY' },
  { name: 'at', sqlite: 'INTEGER NOT NULL', postgres: 'BIGINT NOT NULL' },
  text('actor'),
  text('role'),
  text('action'),
  text('target', false),
  text('detail', false),
  text('origin'),
  { name: 'ok', sqlite: 'INTEGER NOT NULL', postgres: 'INTEGER NOT NULL' },
  text('result'),
  text('prev_hash'),
  text('hash'),
];

/** Added by the keyed step: the id of the key whose HMAC is in `hash`; NULL for the older SHA-256 rows. */
const KEY_COLUMN: AuditColumn = text('key_id', false);

/** Every column, in table order. */
export const AUDIT_COLUMN_NAMES: readonly string[] = [...CHAINED_COLUMNS, KEY_COLUMN].map((c) => c.name);

/** CREATE TABLE audit_log and its indexes (without triggers: those differ by engine). */
export function auditTableDdl(dialect: AuditDialect): string {
  const lines = CHAINED_COLUMNS.map((c) => `  ${c.name} ${c[dialect]}`).join(',\n');
  return `CREATE TABLE audit_log (\n${lines}\n);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
`;
}

/** The SQLite table as the wall node's migration 2 and the hub's migration 2 created it (checksummed). */
export const AUDIT_LOG_DDL = `${auditTableDdl('sqlite')}CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be removed'); END;
`;

/** The PostgreSQL table, as the hubs' migration 1 creates it. */
export const AUDIT_LOG_PG_DDL = `${auditTableDdl('postgres')}CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only: rows cannot be changed or removed'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;

/** The keyed step, the same text in every engine (adding a column fires no row trigger). */
export function auditKeyColumnDdl(dialect: AuditDialect): string {
  return `ALTER TABLE audit_log ADD COLUMN ${KEY_COLUMN.name} ${KEY_COLUMN[dialect]};\n`;
}

/** INSERT of a whole row: named parameters (@seq) for better-sqlite3, numbered ($1) for pg, in AUDIT_COLUMN_NAMES order. */
export function auditInsertSql(dialect: AuditDialect): string {
  const values = AUDIT_COLUMN_NAMES.map((name, i) => (dialect === 'sqlite' ? `@${name}` : `$${i + 1}`));
  return `INSERT INTO audit_log (${AUDIT_COLUMN_NAMES.join(', ')}) VALUES (${values.join(', ')})`;
}
