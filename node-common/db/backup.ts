import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../common/result.js';
import type { Logger } from '../log.js';
import { errorMessage } from './errors.js';
import { PRIVATE_FILE_MODE } from '../private-file.js';
import { checkRestorable, type Migration } from './migrate.js';

// Online backups of a live SQLite database (SQLite's backup API through better-sqlite3: pages are
// copied while the app keeps writing), kept as `<name>-<UTC stamp>.db` in a folder and rotated, and
// a restore that refuses what this version could not open.

/** What can be backed up: a better-sqlite3 database fits, and so do the app's and the hub's. */
export interface BackupSource {
  /** The database file, for messages. */
  readonly name: string;
  backup(destination: string): Promise<unknown>;
}

export interface BackupPlace {
  dir: string;
  /** File name prefix, e.g. "wall" or "hub". */
  name: string;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
const BACKUP_FILE = /^(?<name>.+)-(?<stamp>\d{8}-\d{6}Z)(?:-\d+)?\.db$/;

/** Backups of `place`, newest first. */
export function listBackups(place: BackupPlace): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(place.dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => BACKUP_FILE.exec(n)?.groups?.name === place.name)
    .sort()
    .reverse()
    .map((n) => path.join(place.dir, n));
}

/**
 * One backup now: written under a temporary name and renamed when complete, so a crash or a full
 * disk never leaves a file that looks like a good backup. Then only the newest `keep` are kept.
 */
export async function backupNow(db: BackupSource, place: BackupPlace & { keep: number }, now = Date.now()): Promise<Result<string>> {
  let file = path.join(place.dir, `${place.name}-${stamp(now)}.db`);
  for (let n = 1; fs.existsSync(file); n++) file = path.join(place.dir, `${place.name}-${stamp(now)}-${n}.db`);
  const partial = `${file}.partial`;
  try {
    fs.mkdirSync(place.dir, { recursive: true, mode: 0o700 });
    await db.backup(partial);
    fs.chmodSync(partial, PRIVATE_FILE_MODE);
    fs.renameSync(partial, file);
  } catch (error) {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // the folder itself is unusable: nothing was written
    }
    return fail('db/backup-failed', `backup of "${db.name}" into ${place.dir} failed (${errorMessage(error)}); check the free space and permissions of that folder`, place.dir);
  }
  for (const old of listBackups(place).slice(Math.max(1, place.keep))) fs.rmSync(old, { force: true });
  return ok(file);
}

/** Where, how often and how many. */
export type BackupPlan = BackupPlace & { keep: number; everyMs: number };

export interface BackupScheduleOptions extends BackupPlace {
  keep: number;
  everyMs: number;
  /** The first backup, after start (default one minute: not in the way of a cold start). */
  firstAfterMs?: number;
  log: Logger;
}

/** Backups on a timer; a failure is logged and tried again at the next turn. */
export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private closed = false;

  constructor(
    private readonly db: BackupSource,
    private readonly options: BackupScheduleOptions,
  ) {
    this.arm(options.firstAfterMs ?? 60_000);
  }

  /** Resolves when a backup in progress has ended. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private arm(ms: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.turn(), ms);
    this.timer.unref();
  }

  private async turn(): Promise<void> {
    const { log, everyMs } = this.options;
    this.running = backupNow(this.db, this.options);
    const result = (await this.running) as Result<string>;
    this.running = null;
    if (result.ok) log.info('database backed up', { file: result.value });
    else log.error('database backup failed', { error: result.error.message });
    this.arm(everyMs);
  }
}

/**
 * Put `backup` in place of `target`. Refuses a backup that is damaged, that a newer version wrote,
 * or whose migrations differ from this version's, and a target still open by a running process.
 * The replaced database is kept beside it as `<target>.before-restore-<stamp>`.
 */
export async function restoreBackup(o: { backup: string; target: string; migrations: readonly Migration[]; now?: number }): Promise<Result<{ keptAs: string | null }>> {
  const checked = checkBackup(o.backup, o.migrations);
  if (!checked.ok) return checked;
  let keptAs: string | null = null;
  if (fs.existsSync(o.target)) {
    const inUse = targetInUse(o.target);
    if (inUse) return fail('db/in-use', `"${o.target}" is open in a running Toàn Cảnh (${inUse}); stop it first (systemctl stop …, or close the app), then restore`, o.target);
    keptAs = `${o.target}.before-restore-${stamp(o.now ?? Date.now())}`;
    const current = new Database(o.target, { fileMustExist: true });
    try {
      await current.backup(keptAs); // through SQLite, so the WAL's last writes are kept too
    } finally {
      current.close();
    }
  }
  const incoming = `${o.target}.restoring`;
  fs.copyFileSync(o.backup, incoming);
  fs.chmodSync(incoming, PRIVATE_FILE_MODE);
  for (const side of ['-wal', '-shm']) fs.rmSync(`${o.target}${side}`, { force: true });
  fs.renameSync(incoming, o.target);
  return ok({ keptAs });
}

function checkBackup(file: string, migrations: readonly Migration[]): Result<null> {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return fail('db/cannot-open', `cannot open the backup "${file}" (${errorMessage(error)}); check the path`, file);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return fail('db/corrupt', `the backup "${file}" is damaged (${String(integrity)}); choose an older one`, file);
    return checkRestorable(db, migrations);
  } catch (error) {
    return fail('db/corrupt', `the backup "${file}" is not a database this app can read (${errorMessage(error)}); choose another`, file);
  } finally {
    db.close();
  }
}

/** Why the target is busy, or null: another connection holds it while we ask for it alone. */
function targetInUse(file: string): string | null {
  const db = new Database(file, { fileMustExist: true, timeout: 200 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return null;
  } catch (error) {
    return errorMessage(error);
  } finally {
    db.close();
  }
}

/**
 * The schedule from the environment: TOAN_CANH_BACKUP_HOURS (default 6; 0 turns backups off) and
 * TOAN_CANH_BACKUP_KEEP (default 28: a week at 6 hours), into `backups/` beside the database.
 */
export function backupPlanFromEnv(env: NodeJS.ProcessEnv, dbFile: string, name: string): BackupPlan | null {
  const number = (key: string, fallback: number) => {
    const raw = env[key];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${key} must be a number of at least 0, not "${raw}"`);
    return value;
  };
  const hours = number('TOAN_CANH_BACKUP_HOURS', 6);
  if (hours === 0 || dbFile === ':memory:') return null;
  return { dir: path.join(path.dirname(path.resolve(dbFile)), 'backups'), name, keep: Math.max(1, Math.round(number('TOAN_CANH_BACKUP_KEEP', 28))), everyMs: hours * 3_600_000 };
}
