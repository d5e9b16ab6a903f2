import type Database from 'better-sqlite3';

// Sign-in backoff per account and per client address. An attempt is counted BEFORE its password hash
// runs, so attempts sent at once cannot all slip past the check; past a few free attempts each one
// doubles the wait instead of locking the account, so an attacker cannot lock its owner out for long.
// The account's wait is capped low (its owner, from another desk, waits at most that); the address's
// grows much longer. Records live in the database, so a restart does not clear them.

export interface AttemptRecord {
  failures: number;
  /** No attempt is allowed before this time (ms). */
  nextAt: number;
  lastAt: number;
}

export interface AttemptStore {
  get(key: string): AttemptRecord | null;
  put(key: string, record: AttemptRecord): void;
  clear(key: string): void;
}

export interface ThrottlePolicy {
  /** Attempts allowed back to back before waits begin. */
  freeAttempts: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  accountCapMs: number;
  addressCapMs: number;
  /** A record untouched this long starts over. */
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { freeAttempts: 3, baseMs: 1000, accountCapMs: 60_000, addressCapMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

export type ThrottleAnswer = { ok: true } | { ok: false; waitMs: number; which: 'account' | 'address' };

export class LoginThrottle {
  constructor(
    private readonly store: AttemptStore,
    private readonly now: () => number,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  /** Check both keys and count the attempt on both; when refused, nothing is counted. */
  begin(account: string, address: string): ThrottleAnswer {
    const at = this.now();
    const keys = [['account', accountKey(account)], ['address', addressKey(address)]] as const;
    const records = keys.map(([, key]) => this.current(key, at));
    for (let i = 0; i < keys.length; i++) {
      const waitMs = records[i]!.nextAt - at;
      if (waitMs > 0) return { ok: false, waitMs, which: keys[i]![0] };
    }
    keys.forEach(([which, key], i) => {
      const failures = records[i]!.failures + 1;
      this.store.put(key, { failures, nextAt: at + this.delay(failures, which), lastAt: at });
    });
    return { ok: true };
  }

  /** The password matched: the account starts over; the address gets back the attempt it spent. */
  succeeded(account: string, address: string): void {
    this.store.clear(accountKey(account));
    const key = addressKey(address);
    const record = this.store.get(key);
    if (!record) return;
    const failures = Math.max(0, record.failures - 1);
    if (failures === 0) return this.store.clear(key);
    this.store.put(key, { failures, nextAt: record.lastAt + this.delay(failures, 'address'), lastAt: record.lastAt });
  }

  private current(key: string, at: number): AttemptRecord {
    const record = this.store.get(key);
    return record && at - record.lastAt < this.policy.forgetAfterMs ? record : { failures: 0, nextAt: 0, lastAt: at };
  }

  private delay(failures: number, which: 'account' | 'address'): number {
    const p = this.policy;
    if (failures < p.freeAttempts) return 0;
    return Math.min(which === 'account' ? p.accountCapMs : p.addressCapMs, p.baseMs * 2 ** Math.min(30, failures - p.freeAttempts));
  }
}

const accountKey = (username: string) => `account:${username.normalize('NFC').toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/** The store in the wall node's database (migration 8); rows unused for a day are removed as others come. */
export function attemptsTable(db: Database.Database): AttemptStore {
  const s = {
    get: db.prepare<[string], { failures: number; next_at: number; last_at: number }>('SELECT failures, next_at, last_at FROM login_attempts WHERE key = ?'),
    put: db.prepare<{ key: string; failures: number; nextAt: number; lastAt: number }>(
      `INSERT INTO login_attempts (key, failures, next_at, last_at) VALUES (@key, @failures, @nextAt, @lastAt)
       ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, next_at = excluded.next_at, last_at = excluded.last_at`,
    ),
    clear: db.prepare<[string]>('DELETE FROM login_attempts WHERE key = ?'),
    expire: db.prepare<[number]>('DELETE FROM login_attempts WHERE last_at < ?'),
  };
  return {
    get: (key) => {
      const row = s.get.get(key);
      return row ? { failures: row.failures, nextAt: row.next_at, lastAt: row.last_at } : null;
    },
    put: (key, r) => {
      s.expire.run(r.lastAt - 24 * 3600_000);
      s.put.run({ key, failures: r.failures, nextAt: r.nextAt, lastAt: r.lastAt });
    },
    clear: (key) => void s.clear.run(key),
  };
}
