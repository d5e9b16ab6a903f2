import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../support/fake-clock.js';
import { GpuPolicy, defaultGpuPolicy } from '../../../electron/shell-policy/gpu-policy.js';
import { RELAUNCH_ENV, restartDecision } from '../../../electron/shell-policy/restart-policy.js';
import { ScreenLiveness } from '../../../electron/shell-policy/screen-liveness.js';

const clock = (start = 1_000_000) => fakeClock(start);

describe('ScreenLiveness', () => {
  it('is well while every open screen answered within staleMs, and names the silent ones', () => {
    const c = clock();
    const live = new ScreenLiveness(45_000, c.now);
    live.opened('A1');
    live.opened('A2');
    c.advance(30_000);
    live.answered('A1');
    expect(live.verdict()).toBeNull();
    c.advance(20_000);
    expect(live.verdict()).toBe('screen windows not answering for more than 45 s: A2 (50 s)');
    live.answered('A2');
    expect(live.verdict()).toBeNull();
  });

  it('gives a new window staleMs to answer, forgets closed windows, ignores answers from unknown ones', () => {
    const c = clock();
    const live = new ScreenLiveness(45_000, c.now);
    live.opened('B1');
    c.advance(60_000);
    live.opened('B1'); // re-created (a GPU crash): a fresh start
    live.answered('ghost');
    expect(live.verdict()).toBeNull();
    c.advance(46_000);
    expect(live.verdict()).toContain('B1 (46 s)');
    live.closed('B1');
    expect(live.verdict()).toBeNull();
  });
});

describe('GpuPolicy', () => {
  it('re-creates the windows after a GPU death, and restarts the app after too many in 10 minutes', () => {
    const c = clock();
    const gpu = new GpuPolicy(defaultGpuPolicy, c.now);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(gpu.gone('crashed')).toEqual({ action: 'recreate-windows', delayMs: 1000, attempt });
      c.advance(60_000);
    }
    expect(gpu.gone('oom')).toEqual({ action: 'restart-app', reason: 'GPU process gone 4 times within 10 min (last: oom)' });
  });

  it('forgets old deaths, and ignores a GPU process Chromium ended itself', () => {
    const c = clock();
    const gpu = new GpuPolicy(defaultGpuPolicy, c.now);
    expect(gpu.gone('clean-exit')).toEqual({ action: 'none' });
    for (let i = 0; i < 10; i++) {
      expect(gpu.gone('crashed')).toMatchObject({ action: 'recreate-windows', attempt: 1 });
      c.advance(11 * 60_000);
    }
  });
});

describe('restartDecision', () => {
  const now = 10_000_000;

  it('leaves the restart to systemd when it runs us', () => {
    expect(restartDecision({ NOTIFY_SOCKET: '/run/systemd/notify' }, now)).toEqual({ how: 'service-manager' });
    expect(restartDecision({ INVOCATION_ID: 'abc' }, now)).toEqual({ how: 'service-manager' });
  });

  it('relaunches elsewhere, carrying the recent relaunches in the environment', () => {
    expect(restartDecision({}, now)).toEqual({ how: 'relaunch', history: String(now) });
    const old = now - 11 * 60_000;
    expect(restartDecision({ [RELAUNCH_ENV]: `${old},${now - 1000},junk` }, now)).toEqual({ how: 'relaunch', history: `${now - 1000},${now}` });
  });

  it('stops relaunching after 5 relaunches within 10 minutes (a fault at every start)', () => {
    const recent = [1, 2, 3, 4, 5].map((i) => now - i * 60_000).join(',');
    expect(restartDecision({ [RELAUNCH_ENV]: recent }, now)).toEqual({ how: 'give-up', reason: 'relaunched 5 times within 10 min; not relaunching again' });
  });
});
