import Database from 'better-sqlite3';
import { fail, type Result } from '../../common/result.js';

/** Codes `openDatabase` can fail with; each message names the file and says what to do. */
export type DbErrorCode =
  | 'db/corrupt'
  | 'db/cannot-open'
  | 'db/busy'
  | 'db/too-new'
  | 'db/needs-upgrade'
  | 'db/migration-edited'
  | 'db/migration-failed'
  | 'db/open-failed';

/** How a person recovers from an unusable database file. The -wal and -shm files must go too:
 *  a stale WAL left next to a new database would be replayed into it. */
export function moveAsideHint(file: string): string {
  return (
    `Close Toàn Cảnh, move "${file}" aside together with any "${file}-wal" and "${file}-shm" next to it ` +
    `(for example into a folder named "broken"), and start again: the app creates a new, empty database. ` +
    `Or put a backup back first: they are kept in the "backups" folder beside it (npm run restore -- --list; npm run hub:restore for a hub).`
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function dbFail(code: DbErrorCode, message: string, file: string): Result<never> {
  return fail(code, message, file);
}

/** What went wrong opening `file`, as a code and a message that says what to do. */
export function openError(file: string, error: unknown): Result<never> {
  const code = error instanceof Database.SqliteError ? error.code : '';
  const detail = errorMessage(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return dbFail('db/corrupt', `"${file}" is not a readable Toàn Cảnh database (${detail}). ${moveAsideHint(file)}`, file);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || isFsError(error)) {
    return dbFail(
      'db/cannot-open',
      `cannot open "${file}" (${detail}). Check that the folder exists or can be created and that this user may read and write it.`,
      file,
    );
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return dbFail('db/busy', `"${file}" is locked by another program (${detail}). Is Toàn Cảnh already running?`, file);
  }
  return dbFail('db/open-failed', `cannot open "${file}": ${detail}`, file);
}

function isFsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code);
}

/** SQLite's quick check at open: a damaged file is refused with how to recover, before anything writes to it. */
export function quickCheck(db: Database.Database, file: string): Result<null> {
  const check = db.pragma('quick_check', { simple: true });
  if (check === 'ok') return { ok: true, value: null };
  // SQLite's report spans lines; one line keeps the advice after it in view (a terminal, journald, a dialog).
  const found = String(check).replace(/\s+/g, ' ').trim().slice(0, 160);
  return dbFail('db/corrupt', `"${file}" is damaged (quick_check: ${found}). ${moveAsideHint(file)}`, file);
}

/**
 * A write the disk refused (full, read-only, failing), as the code and message the operator sees:
 * what happened, that the wall keeps showing, and what to do. Null for any other error.
 */
export function storageFailure(error: unknown, file: string): { code: string; message: string; where: string } | null {
  const code = error instanceof Database.SqliteError ? error.code : '';
  if (code === 'SQLITE_FULL') {
    return { code: 'db/full', where: file, message: `the disk under "${file}" is full: changes are not saved (the wall keeps showing what it shows). Free space on that disk; saving resumes by itself.` };
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) {
    return { code: 'db/cannot-write', where: file, message: `"${file}" cannot be written (${errorMessage(error)}): changes are not saved (the wall keeps showing what it shows). Check the disk and that this user may write there.` };
  }
  return null;
}
