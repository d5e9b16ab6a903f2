import type { SessionInfo, SignedIn } from '../../../common/auth.js';
import type { WallBridge } from '../../../common/contract.js';
import type { AppError, Result } from '../../../common/result.js';

// The console's view of who is signed in. The main process decides; this copy only follows it:
// it asks at start, resumes after a dropped connection, tells the main process the person is active,
// and signs out locally when the idle time is up (then confirms with the main process).

export type SessionView =
  | { status: 'checking' }
  | { status: 'setup' }
  | { status: 'signed-out'; reason: 'timeout' | 'logout' | 'ended' | null }
  | { status: 'signed-in'; session: SessionInfo };

const SIGNED_OUT_CODES = new Set(['auth/not-signed-in', 'auth/session-expired']);
/** Activity is reported at most this often; the idle timer restarts locally on every input. */
const TOUCH_EVERY_MS = 60_000;

export class SessionStore {
  private view: SessionView = { status: 'checking' };
  private token: string | null = null;
  private readonly listeners = new Set<() => void>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastTouch = 0;

  constructor(
    private readonly bridge: WallBridge,
    private readonly now: () => number = Date.now,
  ) {}

  getView = (): SessionView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  async start(): Promise<void> {
    const status = await this.bridge.authStatus();
    if (!status.ok) return this.set({ status: 'signed-out', reason: null });
    if (status.value.session) return this.set({ status: 'signed-in', session: status.value.session });
    this.set(status.value.needsSetup ? { status: 'setup' } : { status: 'signed-out', reason: null });
  }

  async login(username: string, password: string): Promise<AppError | null> {
    return this.accept(await this.bridge.login(username, password));
  }

  async setupAdmin(username: string, displayName: string, password: string): Promise<AppError | null> {
    return this.accept(await this.bridge.setupAdmin({ username, displayName, password }));
  }

  async logout(): Promise<void> {
    await this.bridge.logout();
    this.signedOut('logout');
  }

  /** After a reconnect: the same session on the new connection, if it is still alive. */
  async resume(): Promise<void> {
    if (!this.token || this.view.status !== 'signed-in') return;
    const resumed = await this.bridge.resumeSession(this.token);
    if (resumed.ok) this.signedIn(resumed.value);
    else if (resumed.error.code !== 'disconnected' && resumed.error.code !== 'timeout') this.signedOut('timeout');
  }

  /** The person used the console (pointer or key): keep the session alive. */
  activity(): void {
    if (this.view.status !== 'signed-in') return;
    this.armIdleTimer(this.view.session.idleTimeoutMs);
    if (this.now() - this.lastTouch < TOUCH_EVERY_MS) return;
    this.lastTouch = this.now();
    void this.bridge.session(true);
  }

  /** Pass any command's result through: a refusal for lack of a session signs the console out. */
  check<T>(result: Result<T>): Result<T> {
    if (!result.ok && SIGNED_OUT_CODES.has(result.error.code) && this.view.status === 'signed-in') {
      this.signedOut(result.error.code === 'auth/session-expired' ? 'timeout' : 'ended');
    }
    return result;
  }

  stop(): void {
    clearTimeout(this.idleTimer);
  }

  private accept(result: Result<SignedIn>): AppError | null {
    if (!result.ok) return result.error;
    this.signedIn(result.value);
    return null;
  }

  private signedIn(signed: SignedIn): void {
    this.token = signed.token;
    this.lastTouch = this.now();
    this.armIdleTimer(signed.session.idleTimeoutMs);
    this.set({ status: 'signed-in', session: signed.session });
  }

  private signedOut(reason: 'timeout' | 'logout' | 'ended'): void {
    this.token = null;
    clearTimeout(this.idleTimer);
    this.set({ status: 'signed-out', reason });
  }

  private armIdleTimer(ms: number): void {
    clearTimeout(this.idleTimer);
    // A little after the main process's deadline, then ask it: it is the one that decides.
    this.idleTimer = setTimeout(() => {
      void this.bridge.session(false).then((r) => {
        if (r.ok && r.value) this.armIdleTimer(r.value.idleTimeoutMs);
        else if (r.ok) this.signedOut('timeout');
      });
    }, ms + 1000);
  }

  private set(view: SessionView): void {
    this.view = view;
    for (const l of this.listeners) l();
  }
}
