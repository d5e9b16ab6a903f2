import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ok, type Result } from '../../common/result.js';
import { dbFail, errorMessage, moveAsideHint } from './errors.js';

// The runner owns its bookkeeping table, so its SQL lives here rather than in statements.ts
// (those are prepared only after the app tables exist).
const sql = {
  createTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`,
  tableExists: `SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
  applied: 'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  record: 'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)',
};

/** One schema step. Released migrations are never edited, only appended. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
}

export function migrationChecksum(migration: Migration): string {
  // Line endings are not an edit (a Windows checkout may turn \n into \r\n).
  return createHash('sha256').update(migration.up.replace(/\r\n/g, '\n')).digest('hex');
}

/** Apply pending migrations, all in one transaction. Returns the versions applied now. */
export function migrate(db: Database.Database, list: readonly Migration[], now: () => number = Date.now): Result<number[]> {
  assertOrdered(list);
  const foreignKeysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  // SQLite's advice for schema changes: foreign keys off (a table rebuild would otherwise cascade
  // deletes), then foreign_key_check before commit. The pragma is ignored inside a transaction.
  db.pragma('foreign_keys = OFF');
  let current: Migration | undefined;
  try {
    return db
      .transaction((): Result<number[]> => {
        db.exec(sql.createTable);
        const pending = pendingMigrations(db.name, db.prepare<[], AppliedMigration>(sql.applied).all(), list);
        if (!pending.ok) return pending;
        const record = db.prepare(sql.record);
        for (const migration of pending.value) {
          current = migration;
          db.exec(migration.up);
          record.run({ version: migration.version, name: migration.name, checksum: migrationChecksum(migration), appliedAt: now() });
        }
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`${broken.length} row(s) break a foreign key afterwards`);
        return ok(pending.value.map((m) => m.version));
      })
      .immediate();
  } catch (error) {
    const which = current ? `migration ${current.version} "${current.name}"` : 'the migration check';
    return dbFail(
      'db/migration-failed',
      `${which} failed on "${db.name}": ${errorMessage(error)}. Nothing was changed. ` +
        `Report this with the file attached; to start over instead: ${moveAsideHint(db.name)}`,
      db.name,
    );
  } finally {
    if (foreignKeysWereOn) db.pragma('foreign_keys = ON');
  }
}

/** For a read-only connection: the schema must already be exactly what this app expects. */
export function checkMigrated(db: Database.Database, list: readonly Migration[]): Result<null> {
  assertOrdered(list);
  const applied = db.prepare(sql.tableExists).get() ? db.prepare<[], AppliedMigration>(sql.applied).all() : [];
  const pending = pendingMigrations(db.name, applied, list);
  if (!pending.ok) return pending;
  if (pending.value.length > 0) {
    const latest = applied.at(-1)?.version ?? 0;
    return dbFail(
      'db/needs-upgrade',
      `"${db.name}" is at schema version ${latest} but this app needs ${list.at(-1)?.version ?? 0}; ` +
        'it cannot be upgraded while opened read-only. Start Toàn Cảnh normally once to upgrade it.',
      db.name,
    );
  }
  return ok(null);
}

/** Whether this version can open `db` (a backup, say): not written by a newer version, no migration edited. */
export function checkRestorable(db: Database.Database, list: readonly Migration[]): Result<null> {
  assertOrdered(list);
  if (!db.prepare(sql.tableExists).get()) return dbFail('db/open-failed', `"${db.name}" is not a Toàn Cảnh database (it has no schema_migrations table)`, db.name);
  const pending = pendingMigrations(db.name, db.prepare<[], AppliedMigration>(sql.applied).all(), list);
  return pending.ok ? ok(null) : pending;
}

function pendingMigrations(file: string, applied: readonly AppliedMigration[], list: readonly Migration[]): Result<Migration[]> {
  const known = new Map(list.map((m) => [m.version, m]));
  const latestKnown = list.at(-1)?.version ?? 0;
  const latestApplied = applied.at(-1)?.version ?? 0;
  if (latestApplied > latestKnown) {
    return dbFail(
      'db/too-new',
      `"${file}" was written by a newer version of Toàn Cảnh (schema version ${latestApplied}; this version ` +
        `understands up to ${latestKnown}). Install the newer version again, or: ${moveAsideHint(file)}`,
      file,
    );
  }
  for (const row of applied) {
    const migration = known.get(row.version);
    if (migration && migrationChecksum(migration) === row.checksum) continue;
    return dbFail(
      'db/migration-edited',
      `migration ${row.version} "${row.name}" has changed since it was applied to "${file}". ` +
        'Released migrations must never be edited: restore its original SQL and put the change in a new migration.',
      file,
    );
  }
  const done = new Set(applied.map((r) => r.version));
  return ok(list.filter((m) => !done.has(m.version)));
}

// A programming error, not a database problem: fail loudly at startup.
function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3… in order; found ${m.version} at position ${i + 1}`);
  });
}
