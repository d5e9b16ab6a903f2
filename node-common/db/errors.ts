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
    `(for example into a folder named "broken"), and start again: the app creates a new, empty database.`
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function dbFail(code: DbErrorCode, message: string, file: string): Result<never> {
  return fail(code, message, file);
}
