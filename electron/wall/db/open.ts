import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ok, type Result } from '../../../common/result.js';
import { auditTable, type AuditTable } from '../../../node-common/audit/audit-table.js';
import { anchorFileFor } from '../../../node-common/audit/anchor.js';
import { auditKeyFileFor, ephemeralKeyring, loadAuditKeys, type AuditKeyring } from '../../../node-common/audit/audit-key.js';
import { calibrationProfilesTable, type CalibrationProfilesTable } from './calibration-profiles.js';
import { attemptsTable, type AttemptStore } from '../auth/login-throttle.js';
import { usersTable, type UsersTable } from '../auth/users-table.js';
import { libraryTable, type LibraryTable } from '../scenarios/library-table.js';
import { draftsTable, scenarioDraftsTable, type DraftsTable, type ScenarioDraftsTable } from './drafts.js';
import { DbEmitter, type DbEvents, type Unsubscribe } from './events.js';
import { dbFail, openError, quickCheck } from '../../../node-common/db/errors.js';
import { makePrivateFile } from '../../../node-common/private-file.js';
import { lastShownTable, type LastShownTable } from './last-shown.js';
import { layoutsTable, type LayoutsTable } from './layouts.js';
import { procedureTable, type ProcedureTable } from '../procedure/procedure-table.js';
import type { Logger } from '../../../node-common/db/logger.js';
import type { BackupSource } from '../../../node-common/db/backup.js';
import { checkMigrated, migrate } from '../../../node-common/db/migrate.js';
import { migrations } from './migrations.js';
import { settingsTable, type SettingsTable } from './settings.js';
import { prepareStatements } from './statements.js';
import { wallsTable, type WallsTable } from './walls.js';

export interface OpenOptions {
  /** Read only: no folder is created, nothing is migrated, writes throw. */
  readonly?: boolean;
  logger?: Logger;
  /** Clock for updated_at / applied_at, in ms. */
  now?: () => number;
  busyTimeoutMs?: number;
  /** The audit log's key file (default: beside the database, <name>.audit-key; created 0600 on first start). */
  auditKeyFile?: string;
}

const inMemory = (file: string): boolean => file === '' || file === ':memory:' || file.startsWith('file:');

export interface AppDatabase {
  readonly file: string;
  readonly walls: WallsTable;
  readonly layouts: LayoutsTable;
  readonly settings: SettingsTable;
  readonly users: UsersTable;
  /** Sign-in attempts per account and address, for the backoff (auth/login-throttle.ts). */
  readonly loginAttempts: AttemptStore;
  readonly audit: AuditTable;
  readonly drafts: DraftsTable;
  readonly scenarioLibrary: LibraryTable;
  readonly scenarioDrafts: ScenarioDraftsTable;
  readonly calibrationProfiles: CalibrationProfilesTable;
  /** The scenario and data the wall showed last, shown again after a restart. */
  readonly lastShown: LastShownTable;
  /** The response procedures run on this wall (live checklists), open and closed. */
  readonly procedures: ProcedureTable;
  on<K extends keyof DbEvents>(event: K, listener: (data: DbEvents[K]) => void): Unsubscribe;
  off<K extends keyof DbEvents>(event: K, listener: (data: DbEvents[K]) => void): void;
  /** For online backups (node-common/db/backup.ts) while the app runs. */
  readonly backupSource: BackupSource;
  /** Idempotent; drops every listener. */
  close(): void;
}

/** Open (creating if needed) and migrate the app database at `file`. Never throws for a bad file. */
export function openDatabase(file: string, opts: OpenOptions = {}): Result<AppDatabase> {
  const readonly = opts.readonly ?? false;
  const logger = opts.logger ?? console;
  const now = opts.now ?? Date.now;
  if (readonly && !existsSync(file)) {
    return dbFail('db/cannot-open', `"${file}" does not exist; it is created when Toàn Cảnh first starts normally.`, file);
  }
  let keys: AuditKeyring | null = null;
  if (inMemory(file)) keys = ephemeralKeyring();
  else {
    const loaded = loadAuditKeys(opts.auditKeyFile ?? auditKeyFileFor(file), !readonly);
    if (loaded.ok) keys = loaded.value;
    else if (!readonly || loaded.error.code !== 'audit/no-key') return loaded;
  }
  let db: Database.Database | undefined;
  try {
    if (!readonly) makePrivateFile(file);
    db = new Database(file, { readonly, fileMustExist: readonly });
    db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
    if (!readonly) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      // WAL needs shared memory, which network drives often lack; the app still works, only slower.
      if (mode !== 'wal') logger.warn(`"${file}" could not switch to WAL (journal mode is ${String(mode)}); is it on a network drive?`);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const check = quickCheck(db, file);
    if (!check.ok) {
      db.close();
      return check;
    }
    const schema = readonly ? checkMigrated(db, migrations) : migrate(db, migrations, now);
    if (!schema.ok) {
      db.close();
      return schema;
    }
    const app = assemble(db, file, logger, now, keys);
    // Older rows stay SHA-256 linked; a row signed with the key seals them before anything else is written.
    if (!readonly) app.audit.seal();
    return ok(app);
  } catch (error) {
    if (db?.open) db.close(); // release the file so it can be moved aside
    return openError(file, error);
  }
}

function assemble(db: Database.Database, file: string, logger: Logger, now: () => number, keys: AuditKeyring | null): AppDatabase {
  const emitter = new DbEmitter(logger);
  const context = { db, statements: prepareStatements(db), emitter, logger, now };
  return {
    file,
    walls: wallsTable(context),
    layouts: layoutsTable(context),
    settings: settingsTable(context),
    users: usersTable(db, now),
    loginAttempts: attemptsTable(db),
    audit: auditTable(db, now, { keys, anchorFile: inMemory(file) ? null : anchorFileFor(file) }),
    drafts: draftsTable(db, logger, now),
    scenarioLibrary: libraryTable(db, logger, now),
    scenarioDrafts: scenarioDraftsTable(db, logger, now),
    calibrationProfiles: calibrationProfilesTable(db, emitter, logger, now),
    lastShown: lastShownTable(context),
    procedures: procedureTable(db, logger, now),
    on: (event, listener) => emitter.on(event, listener),
    off: (event, listener) => emitter.off(event, listener),
    backupSource: { name: file, backup: (destination) => db.backup(destination) },
    close() {
      emitter.clear();
      if (!db.open) return;
      // SQLite's advice before closing a long-lived connection, but only advice: on a database that
      // became read-only (or full) it fails too, and that must neither hide the real error nor keep the file open.
      try {
        if (!db.readonly) db.pragma('optimize');
      } catch (err) {
        logger.warn(`"${file}": PRAGMA optimize at close failed (${String(err)}); closing anyway`);
      } finally {
        db.close();
      }
    },
  };
}
