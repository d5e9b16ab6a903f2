import type { AuditVerification } from '../../../common/audit.js';
import { fail, ok, type Result } from '../../../common/result.js';
import { openDatabase } from '../db/open.js';
import { verifyRows } from './verify.js';

/** Verify the audit chain of a database file, opened read-only so verifying never changes it. */
export function verifyDatabaseFile(file: string): Result<AuditVerification> {
  const opened = openDatabase(file, { readonly: true, logger: { warn: () => undefined } });
  if (!opened.ok) return fail(opened.error.code, opened.error.message);
  try {
    return ok(verifyRows(opened.value.audit.rows()));
  } finally {
    opened.value.close();
  }
}

export function describeVerification(file: string, v: AuditVerification): string {
  if (v.ok) return `audit log OK: ${v.rows} row(s) in ${file}, every hash and link holds; last hash ${v.head}`;
  return `audit log BROKEN at row ${v.seq} in ${file}: ${v.reason}. Rows from ${v.seq} on cannot be trusted.`;
}
