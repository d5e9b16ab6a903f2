import { describe, expect, it } from 'vitest';
import { GuardConfig, GuardMessage, HangWatch, waitForExit } from '../../../electron/shell-policy/hang-guard.js';

describe('HangWatch', () => {
  it('is overdue only once the timeout has passed since the last beat', () => {
    let t = 1000;
    const watch = new HangWatch(60_000, () => t);
    t += 60_000;
    expect(watch.overdueMs()).toBeNull();
    t += 1;
    expect(watch.overdueMs()).toBe(60_001);
    watch.beat();
    t += 30_000;
    expect(watch.overdueMs()).toBeNull();
  });
});

describe('waitForExit', () => {
  it('resolves true when the pid goes, false when it outlives the wait', async () => {
    let checks = 0;
    expect(await waitForExit(42, 1000, () => ++checks < 3, 1)).toBe(true);
    expect(checks).toBe(3);
    expect(await waitForExit(42, 20, () => true, 5)).toBe(false);
  });
});

describe('the guard messages', () => {
  it('accepts only beats and stops, and a complete configuration', () => {
    expect(GuardMessage.safeParse({ type: 'beat' }).success).toBe(true);
    expect(GuardMessage.safeParse({ type: 'kill' }).success).toBe(false);
    const config = { appPid: 10, execPath: '/opt/app', args: [], cwd: '/', timeoutMs: 500, checkMs: 100, logDir: null };
    expect(GuardConfig.safeParse(config).error?.issues[0]?.path).toEqual(['timeoutMs']);
    expect(GuardConfig.safeParse({ ...config, timeoutMs: 60_000 }).success).toBe(true);
  });
});
