import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AuditVerification } from '../../common/audit.js';
import { fail, ok, type Result } from '../../common/result.js';
import { errorMessage, quickCheck } from '../db/errors.js';
import { AUDIT_COLUMNS, auditTable } from './audit-table.js';
import { verifyRows } from './verify.js';

// Any database with the chained audit_log (the wall node's and the hub's), opened read-only and
// without its app's migrations, so verifying never changes the file and needs no app of that kind.

/** Verify the audit chain of a database file. */
export function verifyDatabaseFile(file: string): Result<AuditVerification> {
  if (!existsSync(file)) return fail('db/cannot-open', `"${file}" does not exist; give the --db file the wall node or the hub was started with.`, file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const check = quickCheck(db, file);
    if (!check.ok) return check;
    const shape = checkShape(db, file);
    if (!shape.ok) return shape;
    return ok(verifyRows(auditTable(db, Date.now).rows()));
  } catch (error) {
    const code = error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB' ? 'db/corrupt' : 'db/cannot-open';
    return fail(code, `cannot read "${file}" (${errorMessage(error)}); is it a Toàn Cảnh database this user may read?`, file);
  } finally {
    if (db?.open) db.close();
  }
}

function checkShape(db: Database.Database, file: string): Result<null> {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('audit_log')").all().map((c) => c.name);
  const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log_unchained'").get();
  if (columns.length === 0) {
    return fail('audit/no-log', `"${file}" has no audit log (no audit_log table): give the database file of a Toàn Cảnh wall node or hub.`, file);
  }
  if (!columns.includes('hash') || legacy) {
    return fail(
      'audit/not-chained',
      `the audit log in "${file}" was written by an older hub and is not hash-chained yet: ` +
        'start the hub once with this file (npm run hub -- --db <file>); it chains the existing rows in their order.',
      file,
    );
  }
  const unknown = columns.filter((c) => !AUDIT_COLUMNS.includes(c));
  const missing = AUDIT_COLUMNS.filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    return fail(
      'db/too-new',
      `the audit log in "${file}" has columns this version does not know (${[...unknown, ...missing.map((c) => `no ${c}`)].join(', ')}): ` +
        'it was written by another version of Toàn Cảnh; verify it with that version.',
      file,
    );
  }
  return ok(null);
}

export function describeVerification(file: string, v: AuditVerification): string {
  if (v.ok) return `audit log OK: ${v.rows} row(s) in ${file}, every hash and link holds; last hash ${v.head}`;
  return `audit log BROKEN at row ${v.seq} in ${file}: ${v.reason}. Rows from ${v.seq} on cannot be trusted.`;
}
