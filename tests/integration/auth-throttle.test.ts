import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAuth } from '../../electron/wall/auth/console-auth.js';
import { hashPassword } from '../../electron/wall/auth/password.js';
import { openDatabase } from '../../electron/wall/db/open.js';
import { memoryLogger } from '../../node-common/log.js';
import { CHEAP_SCRYPT, consoleCore, type ConsoleCore } from '../support/console-core.js';

// Issue 14, item 2: sign-in that cannot be raced or used to lock others out, and sessions that end.

let t: ConsoleCore;
beforeEach(() => {
  t = consoleCore();
});
afterEach(() => t.close());

async function withAccounts() {
  const admin = t.console('console-admin', '10.0.0.1');
  expect(await t.core.handle(admin, 'auth:setup', { username: 'quantri', displayName: 'Quản trị', password: 'quantri-password' })).toMatchObject({ ok: true });
  expect(await t.core.handle(admin, 'accounts:create', { username: 'lanhdao', displayName: 'Lãnh đạo', role: 'leader', password: 'lanhdao-password' })).toMatchObject({ ok: true });
  return admin;
}

const login = (id: string, address: string, password: string, username = 'lanhdao') => t.core.handle(t.console(id, address), 'auth:login', { username, password });

describe('signing in under attack', () => {
  it('20 wrong passwords at once: each counted before its hash, only the free ones hashed; the owner gets in after the backoff, from another desk', async () => {
    await withAccounts();
    const auth = t.services.auth;
    const before = auth.hashes.completed;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(`attacker-${i}`, '10.9.9.9', `doan-sai-${i}`)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'auth/bad-credentials')).toHaveLength(3);
    expect(codes.filter((c) => c === 'auth/throttled')).toHaveLength(17);
    expect(auth.hashes.completed - before).toBe(3);

    // The attacker keeps going, waiting out each backoff: the account's wait stops growing at a minute,
    // the attacker's address keeps doubling.
    for (let counted = 0; counted < 10; ) {
      const r = await login(`attacker-more-${counted}`, '10.9.9.9', 'doan-sai');
      if (!r.ok && r.error.code === 'auth/throttled') t.clock.now += (r.error.params!.seconds as number) * 1000;
      else counted++;
    }
    const fromOwnDesk = await login('owner', '10.0.0.7', 'lanhdao-password');
    expect(fromOwnDesk).toMatchObject({ ok: false, error: { code: 'auth/throttled' } });
    expect((fromOwnDesk as unknown as { error: { params: { seconds: number } } }).error.params.seconds).toBeLessThanOrEqual(60);
    t.clock.now += 60_000;
    expect(await login('owner', '10.0.0.7', 'lanhdao-password')).toMatchObject({ ok: true, value: { session: { username: 'lanhdao' } } });
    const attacker = await login('attacker-last', '10.9.9.9', 'lanhdao-password');
    expect(attacker).toMatchObject({ ok: false, error: { code: 'auth/throttled' } });
    expect((attacker as unknown as { error: { params: { seconds: number } } }).error.params.seconds).toBeGreaterThan(60);
  });

  it('keeps the backoff across a restart (it is in the database)', async () => {
    await withAccounts();
    for (let i = 0; i < 3; i++) await login(`a${i}`, '10.9.9.9', 'doan-sai');
    // A new process: the same file opened again, a new ConsoleAuth with nothing in memory.
    const reopened = openDatabase(path.join(t.dir, 'wall.db'), { logger: memoryLogger(), now: () => t.clock.now });
    if (!reopened.ok) throw new Error(reopened.error.message);
    try {
      const auth = new ConsoleAuth({ users: reopened.value.users, attempts: reopened.value.loginAttempts, idleMs: 60_000, now: () => t.clock.now, params: CHEAP_SCRYPT });
      const client = { id: 'after-restart', transport: 'browser' as const, role: 'console' as const, address: '10.0.0.7', send: () => undefined };
      expect(await auth.login(client, 'lanhdao', 'lanhdao-password')).toMatchObject({ ok: false, error: { code: 'auth/throttled' } });
      expect(auth.hashes.completed).toBe(0);
    } finally {
      reopened.value.close();
    }
  });

  it('runs at most two hashes at once and turns away sign-ins beyond the waiting line without hashing', async () => {
    await withAccounts();
    const auth = t.services.auth;
    // Many addresses and names at once (a distributed attempt): the throttle lets each through once.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(`c${i}`, `10.1.0.${i}`, 'doan-sai', `ten-${i}`)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'auth/busy').length).toBe(30 - auth.hashes.max - auth.hashes.maxWaiting);
    expect(codes.filter((c) => c === 'auth/bad-credentials').length).toBe(auth.hashes.max + auth.hashes.maxWaiting);
  });

  it('redoes an older, weaker hash at the current parameters on a successful sign-in', async () => {
    await withAccounts();
    const weaker = { N: 2 ** 9, r: 8, p: 1 };
    expect(t.db.users.update('lanhdao', { passwordHash: await hashPassword('lanhdao-password', weaker) })).toMatchObject({ ok: true });
    expect(t.db.users.get('lanhdao')?.password_hash).toMatch(/^scrypt\$512\$/);
    expect(await login('c', '10.0.0.7', 'lanhdao-password')).toMatchObject({ ok: true });
    expect(t.db.users.get('lanhdao')?.password_hash).toMatch(new RegExp(`^scrypt\\$${CHEAP_SCRYPT.N}\\$8\\$1\\$`));
  });
});

describe('sessions', () => {
  it('end after their absolute lifetime even when kept busy', async () => {
    await withAccounts();
    const c = t.console('busy-console', '10.0.0.7');
    expect(await t.core.handle(c, 'auth:login', { username: 'lanhdao', password: 'lanhdao-password' })).toMatchObject({ ok: true });
    for (let h = 0; h < 11 * 4; h++) {
      t.clock.now += 15 * 60_000;
      expect(await t.core.handle(c, 'settings:setLanguage', { language: h % 2 ? 'vi' : 'en' })).toMatchObject({ ok: true });
    }
    t.clock.now += 60 * 60_000 - 1; // 12 h since sign-in, never idle
    t.clock.now += 1;
    expect(await t.core.handle(c, 'settings:setLanguage', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'auth/session-expired' } });
  });

  it('end on every other console when the password is changed', async () => {
    await withAccounts();
    const desk = t.console('desk', '10.0.0.7');
    const other = t.console('other', '10.0.0.8');
    const signed = await t.core.handle(other, 'auth:login', { username: 'lanhdao', password: 'lanhdao-password' });
    const token = signed.ok ? (signed.value as { token: string }).token : '';
    expect(await t.core.handle(desk, 'auth:login', { username: 'lanhdao', password: 'lanhdao-password' })).toMatchObject({ ok: true });
    expect(await t.core.handle(desk, 'auth:changePassword', { current: 'lanhdao-password', next: 'mat-khau-moi-dai-hon' })).toMatchObject({ ok: true });
    expect(await t.core.handle(other, 'settings:setLanguage', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'auth/session-expired' } });
    expect(await t.core.handle(t.console('thief'), 'auth:resume', { token })).toMatchObject({ ok: false, error: { code: 'auth/session-expired' } });
    expect(await t.core.handle(desk, 'settings:setLanguage', { language: 'en' })).toMatchObject({ ok: true });
    expect(t.db.audit.query({ action: 'auth:ended' }).entries[0]).toMatchObject({ actor: 'lanhdao', result: expect.stringMatching(/password was changed/) });
  });
});
