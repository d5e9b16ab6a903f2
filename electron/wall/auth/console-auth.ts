import type { AccountRole, SessionInfo, SignedIn } from '../../../common/auth.js';
import { fail, failWith, ok, type Result } from '../../../common/result.js';
import type { CoreClient } from '../client.js';
import { HashSlots } from './hash-slots.js';
import { LoginThrottle, type AttemptStore, type ThrottlePolicy } from './login-throttle.js';
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
  /** Sign-in attempts per account and address (attemptsTable: in the database, across restarts). */
  attempts: AttemptStore;
  throttle?: ThrottlePolicy;
  /** Absolute session lifetime (default DEFAULT_MAX_AGE_MS). */
  maxAgeMs?: number;
  /** Password hashes at once, and how many may wait (HashSlots). */
  hashSlots?: { max: number; maxWaiting: number };
  /** Sessions that ended by themselves (idle, too old) or by a change to the account, for the audit log. */
  onEnded?: (session: Session, why: SessionEnd) => void;
}

export type SessionEnd = 'idle' | 'account changed' | 'password changed';

const BAD_LOGIN = 'Wrong username or password.';
const BUSY = (): Result<never> => fail('auth/busy', 'Too many sign-ins at once; try again in a few seconds.');
/** Where a console connects from; the app's own window has no address. */
const addressOf = (client: CoreClient): string => client.address ?? 'local';

export class ConsoleAuth {
  readonly sessions: Sessions;
  readonly hashes: HashSlots;
  private readonly throttle: LoginThrottle;
  private readonly bound = new WeakMap<CoreClient, string>();

  constructor(private readonly o: ConsoleAuthOptions) {
    this.sessions = new Sessions(o.idleMs, o.now, o.maxAgeMs);
    this.hashes = new HashSlots(o.hashSlots?.max, o.hashSlots?.maxWaiting);
    this.throttle = new LoginThrottle(o.attempts, o.now, o.throttle);
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
    const passwordHash = await this.hashes.run(() => hashPassword(req.password, this.o.params));
    if (passwordHash === null) return BUSY();
    const created = this.o.users.insertFirst({ username: req.username, displayName: req.displayName, role: 'admin', passwordHash });
    if (!created.ok) return created;
    return ok(this.signIn(client, { username: req.username, displayName: req.displayName, role: 'admin' }));
  }

  async login(client: CoreClient, username: string, password: string): Promise<Result<SignedIn>> {
    const address = addressOf(client);
    // Counted before the hash: attempts sent at once are each checked against the ones before them.
    const allowed = this.throttled(username, address);
    if (allowed) return allowed;
    const row = this.o.users.get(username);
    // An unknown name costs the same scrypt time as a known one, so timing does not reveal accounts.
    const stored = row?.password_hash ?? (await dummyHash(this.o.params));
    const matches = await this.hashes.run(() => verifyPassword(password, stored));
    if (matches === null) return BUSY();
    if (!row || !matches || row.disabled === 1) return fail('auth/bad-credentials', BAD_LOGIN);
    this.throttle.succeeded(username, address);
    if (needsRehash(row.password_hash, this.o.params)) {
      // Older parameters: stored again at the current ones now that the password is known.
      const rehashed = await this.hashes.run(() => hashPassword(password, this.o.params));
      if (rehashed !== null) this.o.users.update(username, { passwordHash: rehashed });
    }
    this.o.users.markLogin(username, this.o.now());
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
    const address = addressOf(client);
    const allowed = this.throttled(session.username, address);
    if (allowed) return allowed;
    const matches = await this.hashes.run(() => verifyPassword(current, row.password_hash));
    if (matches === null) return BUSY();
    if (!matches) return fail('auth/bad-credentials', 'The current password is wrong.');
    this.throttle.succeeded(session.username, address);
    const passwordHash = await this.hashes.run(() => hashPassword(next, this.o.params));
    if (passwordHash === null) return BUSY();
    const updated = this.o.users.update(session.username, { passwordHash });
    if (!updated.ok) return updated;
    // Every other session of this account ends: whoever held one knew only the old password.
    for (const s of this.sessions.ofUser(session.username)) {
      if (s.token === session.token) continue;
      this.sessions.end(s.token);
      this.o.onEnded?.(s, 'password changed');
    }
    return updated;
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

  /** A new hash for an administrator's account change; null when too many hashes are running. */
  hashPassword(password: string): Promise<string | null> {
    return this.hashes.run(() => hashPassword(password, this.o.params));
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

  /** Null when an attempt may go on (it is now counted); otherwise the refusal, with the wait in seconds. */
  private throttled(username: string, address: string): Result<never> | null {
    const answer = this.throttle.begin(username, address);
    if (answer.ok) return null;
    const seconds = Math.ceil(answer.waitMs / 1000);
    const whose = answer.which === 'account' ? `for "${username}"` : 'from this computer';
    return failWith('auth/throttled', `Too many failed sign-ins ${whose}; try again in ${seconds} s.`, { seconds });
  }
}
