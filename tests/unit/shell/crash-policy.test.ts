import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../support/fake-clock.js';
import { CrashPolicy, defaultCrashPolicy } from '../../../electron/shell-policy/crash-policy.js';

const clock = (start = 0) => fakeClock(start);

describe('CrashPolicy', () => {
  it('reloads with exponential backoff, then gives up after 5 reloads in 10 minutes', () => {
    const c = clock();
    const policy = new CrashPolicy(defaultCrashPolicy, c.now);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const d = policy.gone('crashed');
      if (d.action !== 'reload') throw new Error(`expected reload, got ${d.action}`);
      delays.push(d.delayMs);
      c.advance(d.delayMs + 500); // the page loads, then crashes again
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000]);
    const last = policy.gone('oom');
    expect(last).toEqual({ action: 'give-up', reason: 'renderer gone 6 times within 10 min (last: oom); not reloading again' });
    expect(policy.givenUp).toBe(true);
    c.advance(60 * 60_000);
    expect(policy.gone('crashed')).toEqual({ action: 'none' });
  });

  it('caps the delay at maxDelayMs', () => {
    const policy = new CrashPolicy({ ...defaultCrashPolicy, maxReloads: 20 }, clock().now);
    const delays = Array.from({ length: 9 }, () => policy.gone('crashed')).map((d) => (d.action === 'reload' ? d.delayMs : -1));
    expect(delays.slice(-3)).toEqual([60_000, 60_000, 60_000]);
  });

  it('forgets reloads older than the window, so a crash once an hour always reloads quickly', () => {
    const c = clock();
    const policy = new CrashPolicy(defaultCrashPolicy, c.now);
    for (let i = 0; i < 12; i++) {
      expect(policy.gone('crashed')).toEqual({ action: 'reload', delayMs: 1000, attempt: 1 });
      c.advance(60 * 60_000);
    }
  });

  it('counts within a sliding window, not fixed buckets', () => {
    const c = clock();
    const policy = new CrashPolicy(defaultCrashPolicy, c.now);
    for (let i = 0; i < 4; i++) {
      policy.gone('crashed');
      c.advance(2 * 60_000); // 0, 2, 4, 6 min
    }
    c.advance(60_000); // 9 min: four in the window
    expect(policy.gone('crashed')).toMatchObject({ action: 'reload', attempt: 5 });
    c.advance(2 * 60_000); // 11 min: the first (0 min) has left the window
    expect(policy.gone('crashed')).toMatchObject({ action: 'reload', attempt: 5 });
  });

  it('gives an unresponsive page a grace period, then ends its renderer', () => {
    const c = clock();
    const policy = new CrashPolicy(defaultCrashPolicy, c.now);
    expect(policy.unresponsive()).toEqual({ action: 'wait', delayMs: 15_000 });
    expect(policy.unresponsive()).toEqual({ action: 'none' }); // already waiting
    c.advance(10_000);
    expect(policy.graceElapsed()).toEqual({ action: 'wait', delayMs: 5000 });
    c.advance(5000);
    expect(policy.graceElapsed()).toEqual({ action: 'kill' });
    expect(policy.graceElapsed()).toEqual({ action: 'none' });
  });

  it('lets a page that answers again keep running', () => {
    const c = clock();
    const policy = new CrashPolicy(defaultCrashPolicy, c.now);
    policy.unresponsive();
    c.advance(5000);
    policy.responsive();
    c.advance(20_000);
    expect(policy.graceElapsed()).toEqual({ action: 'none' });
    expect(policy.unresponsive()).toEqual({ action: 'wait', delayMs: 15_000 });
  });
});
