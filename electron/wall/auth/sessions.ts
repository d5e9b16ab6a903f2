import { randomBytes } from 'node:crypto';
import type { AccountRole, SessionInfo } from '../../../common/auth.js';

// Signed-in sessions, in memory: a host restart signs everyone out. A session ends after idleMs
// without activity, and after maxAgeMs in any case (a stolen token is not good forever); the token
// lets the same page resume it after its connection drops.

export const DEFAULT_IDLE_MS = 30 * 60_000;
/** A working day and a half: a shift's console stays signed in, yesterday's token does not. */
export const DEFAULT_MAX_AGE_MS = 12 * 3600_000;

export interface Session {
  readonly token: string;
  readonly username: string;
  displayName: string;
  role: AccountRole;
  readonly createdAt: number;
  lastActive: number;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();

  constructor(
    readonly idleMs: number,
    private readonly now: () => number,
    readonly maxAgeMs: number = DEFAULT_MAX_AGE_MS,
  ) {}

  create(user: { username: string; displayName: string; role: AccountRole }): Session {
    const at = this.now();
    const session: Session = { token: randomBytes(32).toString('base64url'), ...user, createdAt: at, lastActive: at };
    this.byToken.set(session.token, session);
    return session;
  }

  /** The live session for a token; an idle one is not returned (sweep() ends it). */
  get(token: string): Session | null {
    const session = this.byToken.get(token);
    return session && !this.isIdle(session) ? session : null;
  }

  /** Idle too long, or older than its absolute lifetime. */
  isIdle(session: Session): boolean {
    const at = this.now();
    return at - session.lastActive >= this.idleMs || at - session.createdAt >= this.maxAgeMs;
  }

  touch(session: Session): void {
    session.lastActive = this.now();
  }

  end(token: string): Session | null {
    const session = this.byToken.get(token) ?? null;
    this.byToken.delete(token);
    return session;
  }

  /** End every session of a user (disabled, removed, password reset); returns the ended ones. */
  endUser(username: string): Session[] {
    const ended = this.ofUser(username);
    for (const s of ended) this.byToken.delete(s.token);
    return ended;
  }

  ofUser(username: string): Session[] {
    return [...this.byToken.values()].filter((s) => s.username === username);
  }

  /** End and return the sessions idle for idleMs or more, or older than maxAgeMs. */
  sweep(): Session[] {
    const idle = [...this.byToken.values()].filter((s) => this.isIdle(s));
    for (const s of idle) this.byToken.delete(s.token);
    return idle;
  }

  info(session: Session): SessionInfo {
    return { username: session.username, displayName: session.displayName, role: session.role, idleTimeoutMs: this.idleMs };
  }
}
