import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rest, tempDir, testHub, testNode, TOKENS, until } from '../support/hub-fixture.js';

// Issue 14, item 5: the hub never disagrees with the wall. An activation, its revision and its audit row
// are stored together or not at all; a damaged hub.db is refused at start; a repeated request (REST
// Idempotency-Key, the console's request id) makes one revision.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const leader = { name: 'Lãnh đạo', role: 'leader' as const };
const walls = async (hub: { url: string }) => (await rest(hub, 'GET', '/api/walls', TOKENS.admin)).body.value as Array<{ wallId: string; revision: number; activation: { scenario: { id: string } } | null }>;

/** A hub on a file, with a wall node on revision 18 (storm), as in the issue. */
async function hubAt18(dir: string) {
  const dbFile = path.join(dir, 'hub.db');
  const hub = await testHub({ dbFile });
  cleanup.push(() => hub.close());
  const node = testNode(hub.url);
  cleanup.push(() => node.close());
  await until('node connected', () => node.core.state.backend?.state === 'connected');
  for (let i = 1; i <= 18; i++) {
    const r = await hub.core.activate({ scenarioId: i % 2 === 0 ? 'storm' : 'flood-response', actor: leader, origin: 'test', source: 'rest' });
    expect(r).toMatchObject({ ok: true, value: { revision: i } });
  }
  await until('wall on revision 18', () => node.core.state.scenario?.revision === 18);
  return { hub, node, dbFile };
}

describe('an activation and its audit row', () => {
  it('are stored together or not at all: a failed audit write leaves hub and wall on revision 18', async () => {
    const { hub, node, dbFile } = await hubAt18(tempDir());
    // The audit write fails (as on a damaged page or a failing disk): another connection makes it so.
    const other = new Database(dbFile);
    other.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END");
    const refused = await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader);
    expect(refused.status).toBe(500);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/nothing was changed.*hub\.db/) } });
    expect((await walls(hub)).find((w) => w.wallId === 'demo-2x2')).toMatchObject({ revision: 18, activation: { scenario: { id: 'storm' } } });
    expect(other.prepare('SELECT MAX(revision) AS r FROM activations').get()).toEqual({ r: 18 });
    expect(node.core.state.scenario).toMatchObject({ id: 'storm', revision: 18 });

    other.exec('DROP TRIGGER fail_audit');
    other.close();
    const accepted = await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader);
    expect(accepted.body).toMatchObject({ ok: true, value: { revision: 19 } });
    await until('wall on revision 19', () => node.core.state.scenario?.revision === 19);
  });

  it('a hub.db with a damaged page of its audit log is refused at start, naming the file and how to restore', async () => {
    const dir = tempDir();
    const { hub, dbFile } = await hubAt18(dir);
    await hub.close();
    const db = new Database(dbFile);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const { rootpage } = db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").get()!;
    db.close();
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);

    await expect(testHub({ dbFile })).rejects.toThrow(/hub\.db.*damaged.*npm run hub:restore/s);
    const check = new Database(dbFile, { readonly: true });
    expect(() => check.prepare('SELECT MAX(revision) AS r FROM activations').get()).not.toThrow();
    expect(check.prepare('SELECT MAX(revision) AS r FROM activations').get()).toEqual({ r: 18 });
    check.close();
  });
});

describe('a repeated activation request', () => {
  it('with the same Idempotency-Key, sent twice at once, makes one revision and gets the first answer', async () => {
    const hub = await testHub({ dbFile: path.join(tempDir(), 'hub.db') });
    cleanup.push(() => hub.close());
    const key = { 'Idempotency-Key': 'c0ffee00-1111-4222-8333-444455556666' };
    const [a, b] = await Promise.all([
      rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader, undefined, key),
      rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader, undefined, key),
    ]);
    expect(a.body).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(b.body).toEqual(a.body);
    expect((await hub.core.store.revision('demo-2x2'))).toBe(1);
    expect((await hub.core.store.recentAudit(100)).filter((e) => e.action === 'scenario.activate')).toHaveLength(1);

    // The same key for another scenario is a client's mistake; a new key is a new revision.
    const other = await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader, undefined, key);
    expect(other).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/already used/) } } });
    const fresh = await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader, undefined, { 'Idempotency-Key': 'another-key-0001' });
    expect(fresh.body).toMatchObject({ ok: true, value: { revision: 2 } });
    const bad = await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader, undefined, { 'Idempotency-Key': 'short' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid-payload', message: expect.stringMatching(/Idempotency-Key/) } } });
    // Keys are per token: the admin's same key is its own request.
    const admin = await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.admin, undefined, key);
    expect(admin.body).toMatchObject({ ok: true, value: { revision: 3 } });
  });

  it('is remembered across a hub restart', async () => {
    const dbFile = path.join(tempDir(), 'hub.db');
    const key = { 'Idempotency-Key': 'restart-key-0001' };
    const first = await testHub({ dbFile });
    const a = await rest(first, 'POST', '/api/scenarios/storm/activate', TOKENS.leader, undefined, key);
    await first.close();
    const second = await testHub({ dbFile });
    cleanup.push(() => second.close());
    const b = await rest(second, 'POST', '/api/scenarios/storm/activate', TOKENS.leader, undefined, key);
    expect(b.body).toEqual(a.body);
    expect((await second.core.store.revision('demo-2x2'))).toBe(1);
  });

  it("from a console: a double-click on confirm (one request id, sent twice) gives one revision", async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const node = testNode(hub.url);
    cleanup.push(() => node.close());
    await until('node connected', () => node.core.state.backend?.state === 'connected');
    const request = { scenarioId: 'storm', requestId: '0123456789abcdef0123456789abcdef' };
    const [a, b] = await Promise.all([node.core.handle(node.console, 'scenario:activate', request), node.core.handle(node.console, 'scenario:activate', request)]);
    expect(a).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(b).toMatchObject({ ok: true, value: { revision: 1 } });
    expect((await hub.core.store.revision('demo-2x2'))).toBe(1);
    // A new confirmation (a new id) is a new revision.
    const c = await node.core.handle(node.console, 'scenario:activate', { scenarioId: 'storm', requestId: 'fedcba9876543210fedcba9876543210' });
    expect(c).toMatchObject({ ok: true, value: { revision: 2 } });
  });
});
