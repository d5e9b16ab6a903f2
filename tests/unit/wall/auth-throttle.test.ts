import { describe, expect, it } from 'vitest';
import { HashSlots } from '../../../electron/wall/auth/hash-slots.js';
import { LoginThrottle, type AttemptRecord, type AttemptStore } from '../../../electron/wall/auth/login-throttle.js';

function memoryStore(): AttemptStore & { rows: Map<string, AttemptRecord> } {
  const rows = new Map<string, AttemptRecord>();
  return { rows, get: (k) => rows.get(k) ?? null, put: (k, r) => void rows.set(k, r), clear: (k) => void rows.delete(k) };
}

describe('sign-in backoff', () => {
  it('counts before the hash, doubles the wait past three attempts, caps the account at a minute and the address at 15 min', () => {
    let now = 0;
    const throttle = new LoginThrottle(memoryStore(), () => now);
    for (let i = 0; i < 3; i++) expect(throttle.begin('lan', '10.0.0.9')).toEqual({ ok: true });
    expect(throttle.begin('lan', '10.0.0.9')).toEqual({ ok: false, waitMs: 1000, which: 'account' });
    // The wait before each further attempt (the account's and the address's, one after the other).
    const waits: number[] = [];
    let waited = 0;
    for (let counted = 0; counted < 14; ) {
      const a = throttle.begin('lan', '10.0.0.9');
      if (a.ok) {
        counted++;
        waits.push(waited);
        waited = 0;
      } else {
        waited += a.waitMs;
        now += a.waitMs;
      }
    }
    expect(waits.slice(0, 8)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000]);
    expect(Math.max(...waits)).toBe(15 * 60_000);
    // The owner at another desk waits at most the account's cap.
    const owner = throttle.begin('lan', '10.0.0.2');
    expect(owner.ok || owner.waitMs <= 60_000).toBe(true);
  });

  it('a success clears the account and gives the address back its attempt', () => {
    const store = memoryStore();
    const throttle = new LoginThrottle(store, () => 0);
    for (let i = 0; i < 5; i++) {
      expect(throttle.begin(`user${i}`, 'desk')).toEqual({ ok: true });
      throttle.succeeded(`user${i}`, 'desk');
    }
    expect([...store.rows.keys()]).toEqual([]);
  });
});

describe('hash slots', () => {
  it('runs at most `max` at once, lets `maxWaiting` wait, and turns the rest away without running them', async () => {
    const slots = new HashSlots(2, 3);
    let running = 0;
    let peak = 0;
    let ran = 0;
    const hash = async () => {
      ran++;
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return 'h';
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => slots.run(hash)));
    expect(peak).toBe(2);
    expect(ran).toBe(5);
    expect(answers.filter((a) => a === null)).toHaveLength(5);
    expect(await slots.run(hash)).toBe('h');
  });
});
