import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/wall/db/open.js';
import { hubMigrations } from '../../hub/db/migrations.js';
import { openHubDatabase, type HubDatabase } from '../../hub/db/open.js';
import { auditTable } from '../../node-common/audit/audit-table.js';
import { verifyDatabaseFile } from '../../node-common/audit/verify-db.js';
import { migrate } from '../../node-common/db/migrate.js';
import { memoryLogger } from '../../node-common/log.js';

// The hub keeps the wall node's hash-chained audit log: same table, same code, same verification.

const run = promisify(execFile);
let dir: string;
let file: string;
const open: HubDatabase[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'toan-canh-hub-audit-'));
  file = path.join(dir, 'hub.db');
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function openHub(log = memoryLogger()): HubDatabase {
  const opened = openHubDatabase(file, log, () => 1_000);
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  return opened.value;
}

/** Another connection, as someone with access to the disk would open it. */
function raw<T>(use: (db: Database.Database) => T, at = file): T {
  const db = new Database(at);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const auditSchema = (db: Database.Database) =>
  db.prepare<[], { type: string; name: string; sql: string }>("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'audit_log' ORDER BY type, name").all();

const cli = (db: string) =>
  run(path.resolve('node_modules/.bin/tsx'), ['electron/audit-verify.ts', '--db', db]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
  );

describe("the hub's audit log", () => {
  it('is the same table as the wall node’s, chained and verifiable', async () => {
    const hub = openHub();
    hub.audit({ at: 10, actor: 'Lãnh đạo A', role: 'leader', action: 'scenario.activate', target: 'flood → demo-2x2', origin: 'rest 127.0.0.1', result: 'accepted: revision 1' });
    hub.audit({ at: 11, actor: 'unknown', role: null, action: 'node.connect', target: 'pc-3 → demo-2x2', origin: 'node pc-3 (10.0.0.3)', result: 'refused: bad-token (token 1a2b3c4d)' });
    hub.audit({ at: 12, actor: 'rule flood', role: 'system', action: 'proposal.create', target: 'flood → demo-2x2', origin: 'rule flood', result: 'proposed', detail: { reason: 'level III' } });
    hub.close();

    const wall = openDatabase(path.join(dir, 'wall.db'), { logger: { warn: () => undefined } });
    if (!wall.ok) throw new Error(wall.error.message);
    wall.value.close();
    expect(raw(auditSchema)).toEqual(raw(auditSchema, path.join(dir, 'wall.db')));

    const verified = verifyDatabaseFile(file);
    expect(verified).toMatchObject({ ok: true, value: { ok: true, rows: 3 } });
    const problems = raw((db) => auditTable(db, Date.now).query({ problemsOnly: true }).entries.map((e) => [e.seq, e.role]));
    expect(problems).toEqual([[2, '-']]);
    expect((await cli(file)).out).toMatch(/^audit log OK: 3 row\(s\) in .*hub\.db/);
  });

  it('keeps its REST shape: role null when unknown, detail as an object, newest first', () => {
    const hub = openHub();
    hub.audit({ at: 11, actor: 'unknown', role: null, action: 'node.connect', target: null, origin: 'node pc-3 (10.0.0.3)', result: 'refused: bad-token' });
    hub.audit({ at: 12, actor: 'rule flood', role: 'system', action: 'proposal.create', target: 'flood → demo-2x2', origin: 'rule flood', result: 'proposed', detail: { reason: 'level III' } });
    expect(hub.recentAudit(10)).toEqual([
      { seq: 2, at: 12, actor: 'rule flood', role: 'system', action: 'proposal.create', target: 'flood → demo-2x2', origin: 'rule flood', result: 'proposed', detail: { reason: 'level III' } },
      { seq: 1, at: 11, actor: 'unknown', role: null, action: 'node.connect', target: null, origin: 'node pc-3 (10.0.0.3)', result: 'refused: bad-token' },
    ]);
  });

  it('refuses UPDATE and DELETE, and names the altered row when the triggers are dropped', async () => {
    const hub = openHub();
    for (let i = 1; i <= 4; i++) hub.audit({ at: i, actor: 'hub', role: 'system', action: 'scenario.result', target: `r${i}`, origin: 'hub', result: 'applied: 4/4' });
    hub.close();
    expect(() => raw((db) => db.exec("UPDATE audit_log SET actor = 'x' WHERE seq = 2"))).toThrow(/append-only/);
    expect(() => raw((db) => db.exec('DELETE FROM audit_log WHERE seq = 4'))).toThrow(/append-only/);
    raw((db) => db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET result = 'failed: 0/4' WHERE seq = 3"));
    expect(verifyDatabaseFile(file)).toEqual({
      ok: true,
      value: { ok: false, rows: 3, seq: 3, kind: 'changed', reason: 'row 3 was changed or forged: its MAC does not match (its content was edited, or its links recomputed without the key)' },
    });
    expect(await cli(file)).toMatchObject({ code: 1, out: expect.stringMatching(/^audit log BROKEN at row 3 in .*hub\.db/) });
  });
});

describe('a hub database from before the chain (schema version 1)', () => {
  /** What an older hub left: its table, its rows (one without a role, one with detail). */
  function oldHubFile(): void {
    raw((db) => {
      const migrated = migrate(db, hubMigrations.slice(0, 1));
      if (!migrated.ok) throw new Error(migrated.error.message);
      const insert = db.prepare('INSERT INTO audit_log (at, actor, role, action, target, origin, result, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      insert.run(100, 'Lãnh đạo A', 'leader', 'scenario.activate', 'flood → demo-2x2', 'rest 127.0.0.1', 'accepted: revision 1', null);
      insert.run(200, 'unknown', null, 'data.publish', null, 'rest 10.0.0.9', 'refused: bad-token (no token)', null);
      insert.run(300, 'rule flood', 'system', 'proposal.create', 'flood → demo-2x2', 'rule flood', 'proposed', '{"reason":"level III"}');
    });
  }
  const oldRows = [
    { seq: 3, at: 300, actor: 'rule flood', role: 'system', action: 'proposal.create', target: 'flood → demo-2x2', origin: 'rule flood', result: 'proposed', detail: { reason: 'level III' } },
    { seq: 2, at: 200, actor: 'unknown', role: null, action: 'data.publish', target: null, origin: 'rest 10.0.0.9', result: 'refused: bad-token (no token)' },
    { seq: 1, at: 100, actor: 'Lãnh đạo A', role: 'leader', action: 'scenario.activate', target: 'flood → demo-2x2', origin: 'rest 127.0.0.1', result: 'accepted: revision 1' },
  ];

  it('cannot be verified before the hub has chained it, and says how', async () => {
    oldHubFile();
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: false, error: { code: 'audit/not-chained', message: expect.stringContaining('start the hub once') } });
    expect(await cli(file)).toMatchObject({ code: 2, out: expect.stringContaining('not hash-chained yet') });
  });

  it('is migrated with its rows kept, in order, in the chain, and the chain goes on', () => {
    oldHubFile();
    const log = memoryLogger();
    const hub = openHub(log);
    expect(hub.recentAudit(10)).toEqual(oldRows);
    expect(log.lines.map((l) => l.msg)).toContain('chained 3 audit row(s) written by an older hub');
    hub.audit({ at: 400, actor: 'hub', role: 'system', action: 'scenario.result', target: 'flood → demo-2x2 #1', origin: 'hub', result: 'applied: 4/4' });
    hub.close();
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: true, value: { ok: true, rows: 4 } });
    expect(raw((db) => db.prepare("SELECT name FROM sqlite_master WHERE name = 'audit_log_unchained'").get())).toBeUndefined();
    // Opening again changes nothing.
    expect(openHub().recentAudit(10).map((e) => e.seq)).toEqual([4, 3, 2, 1]);
  });

  it('chains the rows on the next open when the hub stopped between the migration and the chaining', () => {
    oldHubFile();
    raw((db) => {
      const migrated = migrate(db, hubMigrations);
      if (!migrated.ok) throw new Error(migrated.error.message);
    });
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: false, error: { code: 'audit/not-chained' } });
    expect(openHub().recentAudit(10)).toEqual(oldRows);
    expect(verifyDatabaseFile(file)).toMatchObject({ ok: true, value: { ok: true, rows: 3 } });
  });
});
