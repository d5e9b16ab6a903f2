import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleCore, type ConsoleCore } from '../support/console-core.js';

let t: ConsoleCore;
beforeEach(() => {
  t = consoleCore();
});
afterEach(() => t.close());

const PASSWORD = 'mật-khẩu-quản-trị-1';

async function withAdmin() {
  const admin = t.console('console-admin', '192.168.1.10');
  const setup = await t.core.handle(admin, 'auth:setup', { username: 'quantri', displayName: 'Quản trị viên', password: PASSWORD });
  expect(setup).toMatchObject({ ok: true, value: { session: { username: 'quantri', role: 'admin' } } });
  for (const [username, role] of [['vanhanh', 'operator'], ['lanhdao', 'leader'], ['kythuat', 'technician']] as const) {
    const created = await t.core.handle(admin, 'accounts:create', { username, displayName: `Người ${role}`, role, password: `${username}-password` });
    expect(created).toMatchObject({ ok: true, value: { username, role, disabled: false } });
  }
  return admin;
}

async function signedIn(username: string, id = `console-${username}`) {
  const client = t.console(id);
  const r = await t.core.handle(client, 'auth:login', { username, password: `${username}-password` });
  expect(r.ok).toBe(true);
  return client;
}

const lastAudit = () => t.db.audit.query({ limit: 1 }).entries[0];

describe('the first administrator', () => {
  it('is created once, by the first console, and signed in; later attempts are refused', async () => {
    const first = t.console('a');
    expect(await t.core.handle(first, 'auth:status', {})).toEqual({ ok: true, value: { needsSetup: true, session: null } });
    await withAdmin();
    const second = t.console('b');
    expect(await t.core.handle(second, 'auth:status', {})).toEqual({ ok: true, value: { needsSetup: false, session: null } });
    const again = await t.core.handle(second, 'auth:setup', { username: 'ke-gian', displayName: 'X', password: 'mot-mat-khau-dai' });
    expect(again).toMatchObject({ ok: false, error: { code: 'accounts/setup-done' } });
    expect(t.db.users.list().map((u) => u.username)).toEqual(['kythuat', 'lanhdao', 'quantri', 'vanhanh']);
    expect(t.db.users.get('quantri')?.password_hash).toMatch(/^scrypt\$/);
  });
});

describe('signing in', () => {
  it('sets the actor on the connection, and a wrong password says nothing about which part was wrong', async () => {
    await withAdmin();
    const c = t.console('c1');
    const wrong = await t.core.handle(c, 'auth:login', { username: 'vanhanh', password: 'sai-mat-khau' });
    const unknown = await t.core.handle(c, 'auth:login', { username: 'khong-co', password: 'sai-mat-khau' });
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth/bad-credentials' } });
    expect(c.actor).toBeUndefined();
    expect(lastAudit()).toMatchObject({ action: 'auth:login', actor: '-', target: 'khong-co', ok: false });
    expect(lastAudit()?.detail).not.toContain('sai-mat-khau');

    const ok = await t.core.handle(c, 'auth:login', { username: 'VanHanh', password: 'vanhanh-password' });
    expect(ok).toMatchObject({ ok: true, value: { session: { username: 'vanhanh', role: 'operator', idleTimeoutMs: 30 * 60_000 } } });
    expect(c.actor).toEqual({ name: 'Người operator', role: 'operator' });
    expect(lastAudit()).toMatchObject({ action: 'auth:login', actor: 'vanhanh', role: 'operator', ok: true, result: 'ok', origin: 'browser c1' });
    expect(lastAudit()?.detail).toBe('{"username":"VanHanh","password":"***"}');
  });

  it('makes a name wait after three wrong passwords in a row, then lets the right one in', async () => {
    await withAdmin();
    const c = t.console('c1');
    for (let i = 0; i < 3; i++) await t.core.handle(c, 'auth:login', { username: 'lanhdao', password: 'doan-sai' });
    expect(await t.core.handle(c, 'auth:login', { username: 'lanhdao', password: 'lanhdao-password' })).toMatchObject({ ok: false, error: { code: 'auth/throttled', params: { seconds: 1 } } });
    t.clock.now += 1000;
    expect(await t.core.handle(c, 'auth:login', { username: 'lanhdao', password: 'lanhdao-password' })).toMatchObject({ ok: true });
  });

  it('resumes a session on a new connection with its token, and logs out', async () => {
    await withAdmin();
    const c = t.console('c1');
    const login = await t.core.handle(c, 'auth:login', { username: 'kythuat', password: 'kythuat-password' });
    const token = login.ok ? (login.value as { token: string }).token : '';
    const again = t.console('c1-reconnected');
    expect(await t.core.handle(again, 'wall:setIdentify', { enabled: true })).toMatchObject({ ok: false, error: { code: 'auth/not-signed-in' } });
    expect(await t.core.handle(again, 'auth:resume', { token })).toMatchObject({ ok: true, value: { session: { username: 'kythuat' } } });
    expect(await t.core.handle(again, 'wall:setIdentify', { enabled: true })).toMatchObject({ ok: true });
    expect(await t.core.handle(again, 'auth:logout', {})).toEqual({ ok: true, value: null });
    expect(lastAudit()).toMatchObject({ action: 'auth:logout', actor: 'kythuat', ok: true });
    expect(again.actor).toBeUndefined();
    expect(await t.core.handle(t.console('c3'), 'auth:resume', { token })).toMatchObject({ ok: false, error: { code: 'auth/session-expired' } });
  });
});

describe('role checks in the main process', () => {
  it('refuses what a role may not do, with a message, and logs each refusal', async () => {
    await withAdmin();
    const operator = await signedIn('vanhanh');
    const refused = await t.core.handle(operator, 'scenario:activate', { scenarioId: 'flood-response' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', params: { username: 'vanhanh', role: 'operator', channel: 'scenario:activate', roles: 'leader,admin' } } });
    expect(refused.ok ? '' : refused.error.message).toContain('may not do scenario:activate');
    expect(lastAudit()).toMatchObject({ actor: 'vanhanh', role: 'operator', action: 'scenario:activate', target: 'flood-response', ok: false, result: expect.stringMatching(/^refused: forbidden/) });
    expect(await t.core.handle(operator, 'wall:setBezelCompensation', { enabled: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.core.handle(operator, 'accounts:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(lastAudit()).toMatchObject({ action: 'accounts:list', ok: false });
    expect(t.core.state.wall.bezelCompensation).toBe(true);

    const leader = await signedIn('lanhdao');
    // The leader passes the role check; with no backend configured the scenario service says so.
    expect(await t.core.handle(leader, 'scenario:activate', { scenarioId: 'flood-response' })).toMatchObject({ ok: false, error: { code: 'backend-off' } });
    expect(lastAudit()).toMatchObject({ actor: 'lanhdao', action: 'scenario:activate', result: expect.stringMatching(/^failed: backend-off/) });

    const technician = await signedIn('kythuat');
    expect(await t.core.handle(technician, 'wall:setBezelCompensation', { enabled: false })).toEqual({ ok: true, value: 2 });
    expect(lastAudit()).toMatchObject({ actor: 'kythuat', action: 'wall:setBezelCompensation', detail: '{"enabled":false}', result: 'ok: revision 2' });
  });

  it('asks an unsigned console to sign in, and lets screens and reads through without one', async () => {
    await withAdmin();
    const anonymous = t.console('anon', '10.0.0.9');
    const rows = t.db.audit.query({ limit: 1 }).total;
    expect(await t.core.handle(anonymous, 'settings:setLanguage', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'auth/not-signed-in' } });
    // A console before sign-in is not an event: no red row (issue 14).
    expect(t.db.audit.query({ limit: 1 }).total).toBe(rows);
    expect(await t.core.handle(anonymous, 'state:snapshot', {})).toMatchObject({ ok: true });
    const a1 = t.screen('A1');
    expect(await t.core.handle(a1, 'screen:report', { screenId: 'A1', appliedRevision: 1, state: 'ready' })).toEqual({ ok: true, value: null });
    expect(await t.core.handle(a1, 'wall:setIdentify', { enabled: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(lastAudit()).toMatchObject({ actor: 'screen A1', role: 'screen', action: 'wall:setIdentify', ok: false });
  });

  it('ends a session after the idle timeout, says so, and records it', async () => {
    await withAdmin();
    const operator = await signedIn('vanhanh');
    t.clock.now += 29 * 60_000;
    expect(await t.core.handle(operator, 'settings:setLanguage', { language: 'en' })).toMatchObject({ ok: true });
    t.clock.now += 30 * 60_000;
    expect(await t.core.handle(operator, 'settings:setLanguage', { language: 'vi' })).toMatchObject({ ok: false, error: { code: 'auth/session-expired' } });
    const recent = t.db.audit.query({ limit: 2 }).entries;
    expect(recent.map((e) => e.action)).toEqual(['settings:setLanguage', 'auth:timeout']);
    expect(recent[1]).toMatchObject({ actor: 'vanhanh', origin: 'core' });
    expect(operator.actor).toBeUndefined();
  });
});

describe('accounts (administrator)', () => {
  it('keeps at least one active administrator and ends the sessions of a disabled account', async () => {
    const admin = await withAdmin();
    expect(await t.core.handle(admin, 'accounts:update', { username: 'quantri', role: 'operator' })).toMatchObject({ ok: false, error: { code: 'accounts/last-admin' } });
    expect(await t.core.handle(admin, 'accounts:remove', { username: 'quantri' })).toMatchObject({ ok: false, error: { code: 'accounts/last-admin' } });
    const operator = await signedIn('vanhanh');
    expect(await t.core.handle(admin, 'accounts:update', { username: 'vanhanh', disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(await t.core.handle(operator, 'settings:setLanguage', { language: 'en' })).toMatchObject({ ok: false, error: { code: 'auth/session-expired' } });
    expect(await t.core.handle(t.console('x'), 'auth:login', { username: 'vanhanh', password: 'vanhanh-password' })).toMatchObject({ ok: false, error: { code: 'auth/bad-credentials' } });
    expect(t.db.audit.query({ action: 'auth:ended' }).entries).toHaveLength(1);
  });

  it('follows a role change on a live session', async () => {
    const admin = await withAdmin();
    const operator = await signedIn('vanhanh');
    expect(await t.core.handle(admin, 'accounts:update', { username: 'vanhanh', role: 'leader' })).toMatchObject({ ok: true });
    expect(await t.core.handle(operator, 'scenario:activate', { scenarioId: 'storm' })).toMatchObject({ ok: false, error: { code: 'backend-off' } });
    expect(operator.actor).toEqual({ name: 'Người operator', role: 'leader' });
  });

  it('lets a user change their own password with the current one', async () => {
    await withAdmin();
    const c = await signedIn('kythuat');
    expect(await t.core.handle(c, 'auth:changePassword', { current: 'wrong', next: 'mot-mat-khau-moi' })).toMatchObject({ ok: false, error: { code: 'auth/bad-credentials' } });
    expect(await t.core.handle(c, 'auth:changePassword', { current: 'kythuat-password', next: 'mot-mat-khau-moi' })).toEqual({ ok: true, value: null });
    expect(lastAudit()?.detail).toBe('{"current":"***","next":"***"}');
    expect(await t.core.handle(t.console('y'), 'auth:login', { username: 'kythuat', password: 'mot-mat-khau-moi' })).toMatchObject({ ok: true });
  });
});
