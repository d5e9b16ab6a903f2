import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDatabaseFile } from '../../node-common/audit/verify-db.js';
import { verifyRows } from '../../node-common/audit/verify.js';
import { consoleCore, type ConsoleCore } from '../support/console-core.js';

const run = promisify(execFile);
let t: ConsoleCore;
let file: string;

beforeEach(async () => {
  t = consoleCore();
  file = path.join(t.dir, 'wall.db');
  const admin = t.console('c1', '127.0.0.1');
  await t.core.handle(admin, 'auth:setup', { username: 'quantri', displayName: 'Quản trị viên Hà', password: 'mật-khẩu-dài-đủ' });
  await t.core.handle(admin, 'settings:setLanguage', { language: 'en' });
  await t.core.handle(admin, 'scenario:activate', { scenarioId: 'storm' });
  await t.core.handle(admin, 'wall:setIdentify', { enabled: true });
});
afterEach(() => t.close());

/** Another connection to the same file, as someone with access to the disk would open it. */
function tamper(sql: string): void {
  const raw = new Database(file);
  try {
    raw.exec(sql);
  } finally {
    raw.close();
  }
}

describe('the audit chain', () => {
  it('links each row to the one before and verifies', () => {
    const rows = [...t.db.audit.rows()];
    expect(rows.map((r) => r.action)).toEqual(['auth:setup', 'settings:setLanguage', 'scenario:activate', 'wall:setIdentify']);
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
    expect(rows.map((r) => r.key_id)).toEqual(Array(4).fill(t.db.audit.keys!.current.id));
    expect(verifyRows(rows, { keys: t.db.audit.keys, anchors: null })).toMatchObject({ ok: true, rows: 4, head: rows[3]!.hash });
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: true, value: { ok: true, rows: 4, head: rows[3]!.hash, note: expect.stringContaining('all keyed') } });
  });

  it('refuses UPDATE and DELETE through triggers', () => {
    expect(() => tamper("UPDATE audit_log SET actor = 'someone' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => tamper('DELETE FROM audit_log WHERE seq = 4')).toThrow(/append-only/);
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: true, rows: 4 } });
  });

  it('names the first altered row when the triggers are dropped and a row is changed', () => {
    tamper(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET result = 'ok' WHERE seq = 3`);
    expect(verifyDatabaseFile(file)).toEqual({
      ok: true,
      value: { ok: false, rows: 3, seq: 3, kind: 'changed', reason: 'row 3 was changed or forged: its MAC does not match (its content was edited, or its links recomputed without the key)' },
    });
  });

  it('notices a removed row', () => {
    tamper('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2');
    expect(verifyDatabaseFile(file)).toMatchObject({ value: { ok: false, kind: 'removed', seq: 2, reason: 'row(s) 2 were removed (the next row is numbered 3)' } });
  });

  it('is checked from the command line: exit 0 when intact, 1 naming the row when not', async () => {
    const tsx = path.resolve('node_modules/.bin/tsx');
    const good = await run(tsx, ['electron/audit-verify.ts', '--db', file]);
    expect(good.stdout).toMatch(/^audit log OK: 4 row\(s\) in .*wall\.db, every link, hash and MAC holds \(4 row\(s\), all keyed; no anchor file: .*\); last link [0-9a-f]{64}\n$/);
    tamper(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'ai-do' WHERE seq = 2`);
    const bad = await run(tsx, ['electron/audit-verify.ts', '--db', file]).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toMatch(/^audit log BROKEN at row 2 in .*wall\.db \(changed\): row 2 was changed or forged/);
    const usage = await run(tsx, ['electron/audit-verify.ts']).catch((err: { code: number; stderr: string }) => err);
    expect(usage).toMatchObject({ code: 2, stderr: expect.stringContaining('--db') });
  });

  it('filters by person, action, time and outcome, newest first', async () => {
    const other = t.console('c2');
    await t.core.handle(other, 'auth:login', { username: 'quantri', password: 'wrong-password' });
    const all = t.db.audit.query({});
    expect(all.total).toBe(5);
    expect(all.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(t.db.audit.query({ actor: 'quantri' }).entries.map((e) => e.action)).toEqual(['wall:setIdentify', 'scenario:activate', 'settings:setLanguage', 'auth:setup']);
    expect(t.db.audit.query({ action: 'auth' }).entries.map((e) => e.seq)).toEqual([5, 1]);
    expect(t.db.audit.query({ action: 'auth_' }).total).toBe(0); // "_" is not a wildcard
    expect(t.db.audit.query({ problemsOnly: true }).entries.map((e) => e.action)).toEqual(['auth:login', 'scenario:activate']);
    expect(t.db.audit.query({ from: t.clock.now + 1 }).total).toBe(0);
    expect(t.db.audit.query({ before: 3, limit: 1 }).entries.map((e) => e.seq)).toEqual([2]);
  });
});
