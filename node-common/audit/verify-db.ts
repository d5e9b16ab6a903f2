import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AuditVerification } from '../../common/audit.js';
import { fail, ok, type Result } from '../../common/result.js';
import { errorMessage, quickCheck } from '../db/errors.js';
import { anchorFileFor, readAnchors } from './anchor.js';
import { auditKeyFileFor, loadAuditKeys, type AuditKeyring } from './audit-key.js';
import type { AuditRow } from './next-rows.js';
import { AUDIT_COLUMN_NAMES } from './schema.js';
import { verifyRows } from './verify.js';

// Any database with the chained audit_log (the wall node's and the hub's), opened read-only and
// without its app's migrations, so verifying never changes the file and needs no app of that kind.
// The reading is here; the checks are verify.ts's, shared with PostgreSQL (verify-pg.ts).

export interface VerifyFiles {
  /** The audit key file; a missing file verifies an unkeyed chain and reports keyed rows as uncheckable. */
  keyFile: string;
  /** The anchor file; missing: removal of rows from the end cannot be detected (said in the result). */
  anchorFile: string;
}

/** The keys and anchors for a verification: a key file that exists but cannot be used is an error. */
export function verifyContext(files: VerifyFiles): Result<{ keys: AuditKeyring | null; anchors: ReturnType<typeof readAnchors>; anchorFile: string }> {
  const loaded = loadAuditKeys(files.keyFile, false);
  if (!loaded.ok && loaded.error.code !== 'audit/no-key') return loaded;
  const keys = loaded.ok ? loaded.value : null;
  return ok({ keys, anchors: keys ? readAnchors(files.anchorFile, keys) : null, anchorFile: files.anchorFile });
}

/** Verify the audit chain of a database file. */
export function verifyDatabaseFile(file: string, files: VerifyFiles = { keyFile: auditKeyFileFor(file), anchorFile: anchorFileFor(file) }): Result<AuditVerification> {
  if (!existsSync(file)) return fail('db/cannot-open', `"${file}" does not exist; give the --db file the wall node or the hub was started with.`, file);
  const context = verifyContext(files);
  if (!context.ok) return context;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const check = quickCheck(db, file);
    if (!check.ok) return check;
    const shape = checkShape(db, file);
    if (!shape.ok) return shape;
    // A file not opened since the keyed version has no key_id column yet: all its rows are SHA-256.
    const rows = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate();
    return ok(verifyRows(withKeyId(rows), context.value));
  } catch (error) {
    const code = error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB' ? 'db/corrupt' : 'db/cannot-open';
    return fail(code, `cannot read "${file}" (${errorMessage(error)}); is it a Toàn Cảnh database this user may read?`, file);
  } finally {
    if (db?.open) db.close();
  }
}

function* withKeyId(rows: Iterable<AuditRow>): Iterable<AuditRow> {
  for (const row of rows) yield { ...row, key_id: row.key_id ?? null };
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
  const unknown = columns.filter((c) => !AUDIT_COLUMN_NAMES.includes(c));
  const missing = AUDIT_COLUMN_NAMES.filter((c) => !columns.includes(c) && c !== 'key_id');
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

const WHAT_TO_DO: Record<string, string> = {
  'no-key': 'Give the key file with --audit-key <file>.',
  anchor: 'Keep the database and both files as evidence; compare the anchor lines in the application log.',
  truncated: 'Keep the file as evidence; the removed rows are in the backups and in the application log\'s "audit head anchored" lines.',
};

/** One line: what holds, or which row, which kind of tamper and what to do. */
export function describeVerification(where: string, v: AuditVerification): string {
  if (v.ok) return `audit log OK: ${v.rows} row(s) in ${where}, every link, hash and MAC holds (${v.note ?? 'no notes'}); last link ${v.head}`;
  const todo = WHAT_TO_DO[v.kind ?? ''] ?? `Rows from ${v.seq} on cannot be trusted: keep the file as evidence and compare with a backup.`;
  return `audit log BROKEN at row ${v.seq} in ${where} (${v.kind ?? 'broken'}): ${v.reason}. ${todo}`;
}
