import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStore } from '../../hub/store/hub-store.js';
import { openPgStore } from '../../hub/store/pg-store.js';
import { AuditAnchor } from '../../node-common/audit/anchor.js';
import { loadAuditKeys } from '../../node-common/audit/audit-key.js';
import type { AuditRow } from '../../node-common/audit/next-rows.js';
import { AUDIT_COLUMN_NAMES, auditInsertSql } from '../../node-common/audit/schema.js';
import { verifyPostgres } from '../../node-common/audit/verify-pg.js';
import { memoryLogger } from '../../node-common/log.js';
import { forgeRows } from '../support/audit-forgery.js';
import { missingServices, startPostgres, type Postgres } from '../support/services.js';

// The same forgery as audit-forgery.test.ts on the hubs' shared PostgreSQL: two hub stores with one
// key file write one chain; someone with the database's owner rights drops the triggers, rewrites rows
// with SHA-256 and recreates the triggers, or cuts the tail. audit:verify --store must name it.

const missing = missingServices();
let pg: Postgres;
let dir: string;
let a: HubStore;
let b: HubStore;
let original: AuditRow[];
const files = () => ({ keyFile: path.join(dir, 'hub-postgres.audit-key'), anchorFile: path.join(dir, 'a.audit-anchor') });

async function sql<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}
/** As the attacker: the triggers dropped, every row replaced, the triggers recreated, in one transaction. */
async function rewrite(rows: AuditRow[]): Promise<void> {
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('DROP TRIGGER audit_log_no_change ON audit_log; DROP TRIGGER audit_log_no_truncate ON audit_log; DELETE FROM audit_log');
    for (const row of rows) await client.query(auditInsertSql('postgres'), AUDIT_COLUMN_NAMES.map((c) => row[c as keyof AuditRow]));
    await client.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

describe.skipIf(missing)(`the keyed audit chain on PostgreSQL${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    pg = await startPostgres();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-audit-pg-'));
    const keys = loadAuditKeys(files().keyFile, true);
    if (!keys.ok) throw new Error(keys.error.message);
    // Two hubs on one database, the same key file copied to each, an anchor file each.
    [a, b] = await Promise.all([
      openPgStore(pg.url, memoryLogger(), Date.now, { keys: keys.value, anchorFile: files().anchorFile }),
      openPgStore(pg.url, memoryLogger(), Date.now, { keys: keys.value, anchorFile: path.join(dir, 'b.audit-anchor') }),
    ]);
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).audit({ at: 1000 + i, actor: 'Lãnh đạo A', role: 'leader', action: 'scenario.activate', target: `storm #${i}`, origin: `rest hub-${i % 2 ? 'a' : 'b'}`, result: `accepted: revision ${i + 1}` })));
    const anchor = new AuditAnchor({ file: a.auditAnchorFile, keys: keys.value, head: () => a.auditHead(), log: memoryLogger() });
    await anchor.close();
    original = await sql<AuditRow>('SELECT seq, at::float8 AS at, actor, role, action, target, detail, origin, ok, result, prev_hash, hash, key_id FROM audit_log ORDER BY seq');
  }, 90_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one keyed chain across two hubs, anchored, and verifies', async () => {
    expect(original).toHaveLength(12);
    expect(new Set(original.map((r) => r.origin))).toEqual(new Set(['rest hub-a', 'rest hub-b']));
    expect(await verifyPostgres(pg.url, files())).toMatchObject({ ok: true, value: { ok: true, rows: 12, note: expect.stringMatching(/all keyed; last anchor row 12/) } });
  });

  it('names the first bad row when rows are changed, removed and relinked with SHA-256 behind dropped triggers', async () => {
    await rewrite(forgeRows(original, { edit: 3, remove: 5 }));
    expect(await verifyPostgres(pg.url, files())).toMatchObject({ ok: true, value: { ok: false, seq: 3, kind: 'changed' } });
    await rewrite(original);
  });

  it('detects the tail cut through the anchor', async () => {
    await rewrite(original.slice(0, 9));
    expect(await verifyPostgres(pg.url, files())).toMatchObject({ value: { ok: false, seq: 10, kind: 'truncated', reason: expect.stringContaining('row(s) 10–12 were removed from the end') } });
    await rewrite(original);
    expect(await verifyPostgres(pg.url, files())).toMatchObject({ value: { ok: true, rows: 12 } });
  });
});
