import type { AccountRole, SessionInfo, SignedIn } from '../../../common/auth.js';
import { fail, failWith, ok, type Result } from '../../../common/result.js';
import type { CoreClient } from '../client.js';
import { dummyHash, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password.js';
import { Sessions, type Session } from './sessions.js';
import type { UsersTable } from './users-table.js';

// Who is signed in on which console connection. A login binds a session to the connection and sets
// client.actor, so every later command (and the hub) knows who acted.

export interface ConsoleAuthOptions {
  users: UsersTable;
  idleMs: number;
  now: () => number;
  params?: ScryptParams;
  /** Failed logins in a row before a name is locked for lockMs. */
  maxFailures?: number;
  lockMs?: number;
  /** Sessions that ended by themselves (idle) or by an administrator, for the audit log. */
  onEnded?: (session: Session, why: 'idle' | 'account changed') => void;
}

const BAD_LOGIN = 'Wrong username or password.';

export class ConsoleAuth {
  readonly sessions: Sessions;
  private readonly bound = new WeakMap<CoreClient, string>();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly o: ConsoleAuthOptions) {
    this.sessions = new Sessions(o.idleMs, o.now);
  }

  needsSetup(): boolean {
    return this.o.users.count() === 0;
  }

  /** The live session of a connection; an idle one is ended here (and reported) and null returned. */
  sessionOf(client: CoreClient): Session | null {
    const token = this.bound.get(client);
    if (!token) return null;
    const session = this.sessions.get(token);
    if (session) {
      client.actor = { name: session.displayName, role: session.role }; // follows an administrator's rename or role change
      return session;
    }
    delete client.actor; // the binding stays, so the next refusal can say the session ended
    this.sweep();
    return null;
  }

  /** Whether this connection had a session that has since ended (for a clearer refusal). */
  hadSession(client: CoreClient): boolean {
    return this.bound.has(client);
  }

  sweep(): void {
    for (const s of this.sessions.sweep()) this.o.onEnded?.(s, 'idle');
  }

  async setup(client: CoreClient, req: { username: string; displayName: string; password: string }): Promise<Result<SignedIn>> {
    const passwordHash = await hashPassword(req.password, this.o.params);
    const created = this.o.users.insertFirst({ username: req.username, displayName: req.displayName, role: 'admin', passwordHash });
    if (!created.ok) return created;
    return ok(this.signIn(client, { username: req.username, displayName: req.displayName, role: 'admin' }));
  }

  async login(client: CoreClient, username: string, password: string): Promise<Result<SignedIn>> {
    const at = this.o.now();
    const record = this.failures.get(username);
    if (record && record.lockedUntil > at) {
      const minutes = Math.ceil((record.lockedUntil - at) / 60_000);
      return failWith('auth/locked', `Sign-in for "${username}" is locked after repeated failures; try again in ${minutes} min.`, { username, minutes });
    }
    const row = this.o.users.get(username);
    // An unknown name costs the same scrypt time as a known one, so timing does not reveal accounts.
    const matches = await verifyPassword(password, row?.password_hash ?? (await dummyHash(this.o.params)));
    if (!row || !matches || row.disabled === 1) {
      this.noteFailure(username, at);
      return fail('auth/bad-credentials', BAD_LOGIN);
    }
    this.failures.delete(username);
    if (needsRehash(row.password_hash, this.o.params)) {
      this.o.users.update(username, { passwordHash: await hashPassword(password, this.o.params) });
    }
    this.o.users.markLogin(username, at);
    return ok(this.signIn(client, { username, displayName: row.display_name, role: row.role }));
  }

  resume(client: CoreClient, token: string): Result<SignedIn> {
    const session = this.sessions.get(token);
    if (!session) return fail('auth/session-expired', 'The session has ended; sign in again.');
    this.sessions.touch(session);
    this.bind(client, session);
    return ok({ session: this.sessions.info(session), token: session.token });
  }

  logout(client: CoreClient): Session | null {
    const token = this.bound.get(client);
    this.unbind(client);
    return token ? this.sessions.end(token) : null;
  }

  info(client: CoreClient, touch: boolean): SessionInfo | null {
    const session = this.sessionOf(client);
    if (!session) return null;
    if (touch) this.sessions.touch(session);
    return this.sessions.info(session);
  }

  async changePassword(client: CoreClient, current: string, next: string): Promise<Result<null>> {
    const session = this.sessionOf(client);
    const row = session ? this.o.users.get(session.username) : null;
    if (!session || !row) return fail('auth/not-signed-in', 'Not signed in.');
    if (!(await verifyPassword(current, row.password_hash))) return fail('auth/bad-credentials', 'The current password is wrong.');
    return this.o.users.update(session.username, { passwordHash: await hashPassword(next, this.o.params) });
  }

  /** An administrator changed an account: its sessions end (disabled, removed, new password) or follow (name, role). */
  accountChanged(username: string, change: { ended: boolean; displayName?: string; role?: AccountRole }): void {
    if (change.ended) {
      for (const s of this.sessions.endUser(username)) this.o.onEnded?.(s, 'account changed');
      return;
    }
    // Bound clients pick up the new name and role on their next command (sessionOf).
    for (const s of this.sessions.ofUser(username)) {
      if (change.displayName) s.displayName = change.displayName;
      if (change.role) s.role = change.role;
    }
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password, this.o.params);
  }

  private signIn(client: CoreClient, user: { username: string; displayName: string; role: AccountRole }): SignedIn {
    const previous = this.bound.get(client);
    if (previous) this.sessions.end(previous);
    const session = this.sessions.create(user);
    this.bind(client, session);
    return { session: this.sessions.info(session), token: session.token };
  }

  private bind(client: CoreClient, session: Session): void {
    this.bound.set(client, session.token);
    client.actor = { name: session.displayName, role: session.role };
  }

  private unbind(client: CoreClient): void {
    this.bound.delete(client);
    delete client.actor;
  }

  private noteFailure(username: string, at: number): void {
    const record = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    record.count += 1;
    if (record.count >= (this.o.maxFailures ?? 5)) {
      record.lockedUntil = at + (this.o.lockMs ?? 5 * 60_000);
      record.count = 0;
    }
    this.failures.set(username, record);
  }
}
