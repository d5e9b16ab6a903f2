import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHubDatabase, type HubDatabase } from '../../hub/db/open.js';
import { hubMigrations } from '../../hub/db/migrations.js';
import { anchorTable } from '../../node-common/audit/anchor.js';
import { auditTable, type AuditRow } from '../../node-common/audit/audit-table.js';
import { AUDIT_COLUMN_NAMES, auditInsertSql } from '../../node-common/audit/schema.js';
import { verifyDatabaseFile } from '../../node-common/audit/verify-db.js';
import { migrate } from '../../node-common/db/migrate.js';
import { memoryLogger } from '../../node-common/log.js';
import { forgeRows } from '../support/audit-forgery.js';

// Issue 14: with write access to the database file (not to the key file beside it), drop the triggers,
// change a row, remove another, recompute every link with SHA-256 and recreate the triggers; or cut the
// last rows. audit:verify must name the first bad row and the kind of tamper; an honest log stays OK.

const run = promisify(execFile);
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-audit-forgery-'));
  file = path.join(dir, 'hub.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function openHub(): HubDatabase {
  const opened = openHubDatabase(file, memoryLogger());
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

/** Eight rows, anchored after the last, as a hub that ran for a while leaves them. */
async function honestLog(rows = 8): Promise<void> {
  const hub = openHub();
  const anchor = anchorTable(hub.auditLog, memoryLogger())!;
  for (let i = 1; i <= rows; i++) hub.audit({ at: 1000 + i, actor: 'Lãnh đạo A', role: 'leader', action: 'scenario.activate', target: `storm #${i}`, origin: 'rest 127.0.0.1', result: `accepted: revision ${i}` });
  await anchor.close();
  hub.close();
}

/** As the attacker: another connection to the file, the triggers dropped around the write and recreated. */
function raw<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const TRIGGERS = `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be removed'); END;`;
function rewrite(change: (rows: AuditRow[]) => AuditRow[]): void {
  raw((db) => {
    const rows = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all();
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log');
    const insert = db.prepare(auditInsertSql('sqlite'));
    for (const row of change(rows)) insert.run(row);
    db.exec(TRIGGERS);
  });
}
const cli = (...args: string[]) =>
  run(path.resolve('node_modules/.bin/tsx'), ['electron/audit-verify.ts', ...args]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );

describe('the keyed audit chain against a writer of the database file', () => {
  it('keeps its key outside the database, 0600, and an honest log verifies with its anchor', async () => {
    await honestLog();
    expect(fs.statSync(path.join(dir, 'hub.audit-key')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'hub.audit-anchor')).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(path.join(dir, 'hub.audit-key'), 'utf8').trim().split('\n').at(-1)!.split(' ')[1]!;
    expect(fs.readFileSync(file).includes(Buffer.from(secret))).toBe(false);
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: true, value: { ok: true, rows: 8, note: expect.stringMatching(/all keyed; last anchor row 8 .* holds/) } });
    expect(await cli('--db', file)).toMatchObject({ code: 0, out: expect.stringMatching(/^audit log OK: 8 row\(s\)/) });
  });

  it('names the first bad row when a row is changed, another removed and every later hash recomputed with SHA-256', async () => {
    await honestLog();
    rewrite((rows) => forgeRows(rows, { edit: 3, remove: 5 }));
    expect(raw((db) => db.prepare('SELECT COUNT(*) AS n FROM audit_log').get())).toEqual({ n: 7 });
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: true, value: { ok: false, seq: 3, kind: 'changed' } });
    const line = await cli('--db', file);
    expect(line.code).toBe(1);
    expect(line.out).toMatch(/^audit log BROKEN at row 3 in .*hub\.db \(changed\): row 3 was changed or forged: its MAC does not match .*Rows from 3 on cannot be trusted/);
  });

  it('catches the whole log rewritten as plain SHA-256 rows, with or without the anchor file', async () => {
    await honestLog();
    rewrite((rows) => forgeRows(rows, { edit: 3, remove: 5, asUnkeyed: true, from: 1 }));
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, seq: 1, kind: 'forged', reason: expect.stringContaining('anchors say the chain is keyed from row 1') } });
    fs.rmSync(path.join(dir, 'hub.audit-anchor'));
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, seq: 1, kind: 'forged', reason: expect.stringContaining('no row is signed with a key although the key file') } });
  });

  it('detects rows cut from the end through the anchor, and rows written again after the cut', async () => {
    await honestLog();
    rewrite((rows) => rows.filter((r) => r.seq <= 5));
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, seq: 6, kind: 'truncated', reason: expect.stringContaining('row(s) 6–8 were removed from the end') } });
    expect(await cli('--db', file)).toMatchObject({ code: 1, out: expect.stringMatching(/^audit log BROKEN at row 6 .*\(truncated\)/) });
    const hub = openHub();
    for (let i = 0; i < 4; i++) hub.audit({ at: 5000 + i, actor: 'hub', role: 'system', action: 'scenario.result', target: null, origin: 'hub', result: 'applied: 4/4' });
    hub.close();
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, seq: 8, kind: 'rewritten' } });
  });

  it('refuses an anchor file that was edited', async () => {
    await honestLog();
    const anchorFile = path.join(dir, 'hub.audit-anchor');
    fs.writeFileSync(anchorFile, fs.readFileSync(anchorFile, 'utf8').replace(/"seq":8/, '"seq":5'));
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, kind: 'anchor', reason: expect.stringContaining('line 1 of the anchor file') } });
  });

  it('keeps an older unkeyed log verifiable and keys it from a marked row on', () => {
    raw((db) => {
      const migrated = migrate(db, hubMigrations);
      if (!migrated.ok) throw new Error(migrated.error.message);
      db.exec('DROP TABLE audit_log_unchained'); // empty: this log was chained (SHA-256) from its start
      const old = auditTable(db, () => 500);
      for (let i = 1; i <= 3; i++) old.append({ actor: 'hub', role: 'system', action: 'scenario.result', target: null, detail: null, origin: 'hub', ok: true, result: `applied ${i}` });
    });
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: true, rows: 3, note: expect.stringContaining('none keyed') } });
    const hub = openHub();
    hub.audit({ at: 900, actor: 'hub', role: 'system', action: 'scenario.result', target: null, origin: 'hub', result: 'applied: 4/4' });
    hub.close();
    const rows = raw((db) => db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all());
    expect(rows.map((r) => [r.seq, r.action, r.key_id === null])).toEqual([
      [1, 'scenario.result', true],
      [2, 'scenario.result', true],
      [3, 'scenario.result', true],
      [4, 'audit:keyed', false],
      [5, 'scenario.result', false],
    ]);
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: true, rows: 5, note: expect.stringContaining('rows 1–3 plain SHA-256 (written before the key), 4–5 keyed') } });
    // An older row changed and its SHA-256 links recomputed: the keyed row that sealed them no longer matches.
    rewrite((all) => forgeRows(all, { edit: 2, remove: 99, from: 2 }));
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, seq: 4, kind: 'changed' } });
  });

  it('rotates its key with a row signed by the old key, and refuses a row under a key nobody handed over', () => {
    const hub = openHub();
    hub.audit({ at: 1, actor: 'hub', role: 'system', action: 'scenario.result', target: null, origin: 'hub', result: 'ok' });
    hub.close();
    const keyFile = path.join(dir, 'hub.audit-key');
    fs.appendFileSync(keyFile, `k2 ${'ab'.repeat(32)}\n`);
    const again = openHub();
    again.audit({ at: 2, actor: 'hub', role: 'system', action: 'scenario.result', target: null, origin: 'hub', result: 'ok' });
    again.close();
    const rows = raw((db) => db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all());
    const first = rows[0]!.key_id;
    expect(rows.map((r) => [r.action, r.key_id])).toEqual([
      ['scenario.result', first],
      ['audit:key-rotated', first],
      ['scenario.result', 'k2'],
    ]);
    expect(JSON.parse(rows[1]!.detail!)).toEqual({ from: first, to: 'k2' });
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: true, rows: 3 } });
    // The rotation row removed and the rest relinked: row 3 claims k2 without a hand-over.
    rewrite((all) => [all[0]!, { ...all[2]!, seq: 2, prev_hash: all[0]!.hash }]);
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, seq: 2, kind: 'forged' } });
  });

  it('refuses to start with a key file others can read, or one it cannot read, naming the file and the fix', () => {
    openHub().close();
    const keyFile = path.join(dir, 'hub.audit-key');
    fs.chmodSync(keyFile, 0o644);
    expect(openHubDatabase(file, memoryLogger())).toMatchObject({ ok: false, error: { code: 'audit/key-exposed', message: expect.stringContaining(`chmod 600 ${keyFile}`) } });
    fs.chmodSync(keyFile, 0o600);
    fs.writeFileSync(keyFile, 'not a key\n');
    expect(openHubDatabase(file, memoryLogger())).toMatchObject({ ok: false, error: { code: 'audit/key-bad', message: expect.stringContaining('line 1 of the audit key file') } });
    expect(AUDIT_COLUMN_NAMES).toContain('key_id');
  });
});
