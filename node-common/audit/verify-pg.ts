import pg from 'pg';
import type { AuditVerification } from '../../common/audit.js';
import { fail, ok, type Result } from '../../common/result.js';
import { redactPgUrl } from '../pg-url.js';
import type { AuditRow } from './next-rows.js';
import { verifyContext, type VerifyFiles } from './verify-db.js';
import { ChainVerifier } from './verify.js';

// The hubs' shared chain on PostgreSQL (--store postgres://…), read in pages in seq order and checked
// by the same verifier as the SQLite files. Read only: one session in a read-only transaction.

const PAGE = 2000;

export async function verifyPostgres(url: string, files: VerifyFiles): Promise<Result<AuditVerification>> {
  const context = verifyContext(files);
  if (!context.ok) return context;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, application_name: 'toan-canh-audit-verify' });
  try {
    await client.connect();
  } catch (error) {
    return fail('db/cannot-open', `cannot reach ${redactPgUrl(url)} (${(error as Error).message}): check the address (postgres://user@host:port/database) and that PostgreSQL runs there`, redactPgUrl(url));
  }
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const table = await client.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'key_id'");
    if (table.rowCount === 0) return fail('audit/no-log', `${redactPgUrl(url)} has no keyed audit_log table: give the database a Toàn Cảnh hub was started with (--store)`, redactPgUrl(url));
    const verifier = new ChainVerifier(context.value);
    for (let after = 0; ; ) {
      const page = await client.query<AuditRow>('SELECT seq, at::float8 AS at, actor, role, action, target, detail, origin, ok, result, prev_hash, hash, key_id FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
      for (const row of page.rows) {
        const failure = verifier.push(row);
        if (failure) return ok(failure);
      }
      if (page.rows.length < PAGE) break;
      after = page.rows.at(-1)!.seq;
    }
    return ok(verifier.finish());
  } catch (error) {
    return fail('db/cannot-open', `cannot read the audit log of ${redactPgUrl(url)} (${(error as Error).message})`, redactPgUrl(url));
  } finally {
    await client.end().catch(() => undefined);
  }
}
