import { describe, expect, it } from 'vitest';
import { backoffAttempt, CAMERA_RECOVERY, nextRecoveryStep, retriesAfter, type RecoveryInput, type RecoveryStep } from '../../../common/media/recovery-plan.js';
import { retryDelayMs } from '../../../common/media/retry-backoff.js';

const T = 1_000_000;

/**
 * Plays a lost camera's recovery through: the source is down until `backAt`, each probe answers at once,
 * a rebuild gives a picture at once. Returns when the player was rebuilt and how many probes it made.
 */
function recover(failedAt: number, attempt: number, backAt: number, random = 0.5): { rebuiltAt: number; probes: number } {
  const rebuildAt = failedAt + retryDelayMs(attempt, random, CAMERA_RECOVERY.rebuild);
  let input: RecoveryInput = { now: failedAt, rebuildAt, probe: null, random };
  let probes = 0;
  for (;;) {
    const step: RecoveryStep = nextRecoveryStep(input);
    if (step.action === 'rebuild') return { rebuiltAt: input.now, probes };
    expect(step.atMs - input.now, 'never a tight loop').toBeGreaterThanOrEqual(CAMERA_RECOVERY.minGapMs);
    probes++;
    input = { ...input, now: step.atMs, probe: step.atMs >= backAt ? 'playable' : 'down' };
  }
}

describe('nextRecoveryStep', () => {
  it('rebuilds within a probe period of the source coming back, whatever the outage length up to 10 minutes', () => {
    for (const outageS of [2, 20, 40, 120, 600]) {
      for (const random of [0, 0.5, 0.999]) {
        const backAt = T + outageS * 1000;
        const { rebuiltAt } = recover(T, 0, backAt, random);
        expect(rebuiltAt - backAt, `${outageS} s outage`).toBeGreaterThanOrEqual(0);
        expect(rebuiltAt - backAt, `${outageS} s outage`).toBeLessThanOrEqual(2400);
      }
    }
  });

  it('probes every 2 s ±20 % while the source is down: about 300 small GETs in 10 minutes, no rebuild', () => {
    const { probes } = recover(T, 0, T + 600_000);
    expect(probes).toBeGreaterThan(280);
    expect(probes).toBeLessThan(320);
    const down = { now: T, rebuildAt: T - 1, probe: 'down' as const };
    expect(nextRecoveryStep({ ...down, random: 0 })).toEqual({ action: 'probe', atMs: T + 1600 });
    expect(nextRecoveryStep({ ...down, random: 0.999999 })).toEqual({ action: 'probe', atMs: T + 2400 });
  });

  it('takes a first look as soon as a rebuild would be allowed: a blip is over in about a second', () => {
    expect(nextRecoveryStep({ now: T, rebuildAt: T + 1000, probe: null, random: 0.5 })).toEqual({ action: 'probe', atMs: T + 1000 });
    expect(recover(T, 0, T).rebuiltAt).toBe(T + 1000);
  });

  it('keeps the rebuild backoff when the playlist answers but the player keeps failing (no thrashing)', () => {
    // Fifth failure in a row without a steady picture: 16 s before the next rebuild, even though the playlist answers.
    const rebuildAt = T + retryDelayMs(4, 0.5);
    expect(rebuildAt - T).toBe(16_000);
    expect(nextRecoveryStep({ now: T + 2000, rebuildAt, probe: 'playable', random: 0.5 })).toEqual({ action: 'probe', atMs: rebuildAt });
    expect(nextRecoveryStep({ now: rebuildAt, rebuildAt, probe: 'playable', random: 0.5 })).toEqual({ action: 'rebuild' });
    // A source that stayed away longer than the backoff loses nothing to it.
    expect(recover(T, 4, T + 40_000).rebuiltAt - (T + 40_000)).toBeLessThanOrEqual(2400);
  });

  it('is never a tight loop, whatever it is given', () => {
    for (const random of [-1, 0, 2, Number.NaN]) {
      for (const probe of [null, 'down'] as const) {
        const step = nextRecoveryStep({ now: T, rebuildAt: T - 5000, probe, random });
        expect(step.action).toBe('probe');
        if (step.action === 'probe') expect(step.atMs - T).toBeGreaterThanOrEqual(500);
      }
    }
  });
});

describe('backoffAttempt', () => {
  it('starts afresh when a source that showed a picture goes away again, so each return of a flapping camera is quick', () => {
    for (const kind of ['unreachable', 'not-found', 'server-error', 'timeout', 'stall'] as const) expect(backoffAttempt(5, kind, true)).toBe(0);
  });

  it('keeps backing off media that fail again, and sources that never gave a picture', () => {
    for (const kind of ['corrupt', 'unsupported', 'bad-playlist', 'forbidden'] as const) expect(backoffAttempt(5, kind, true)).toBe(5);
    expect(backoffAttempt(5, 'not-found', false)).toBe(5);
  });

  it('so a camera flapping 100 times is rebuilt within a probe period of every return', () => {
    let attempt = 0;
    let worst = 0;
    for (let flap = 0; flap < 100; flap++) {
      // It played since the last rebuild, then the server went away for 6 s.
      attempt = backoffAttempt(attempt, 'not-found', true);
      const { rebuiltAt } = recover(0, attempt, 6000);
      worst = Math.max(worst, rebuiltAt - 6000);
      attempt += 1;
    }
    expect(worst).toBeLessThanOrEqual(CAMERA_RECOVERY.probeEveryMs * (1 + CAMERA_RECOVERY.jitter));
  });

  it('gives up on a format the player cannot decode, and only on that', () => {
    expect(retriesAfter('unsupported')).toBe(false);
    for (const kind of ['not-found', 'forbidden', 'server-error', 'unreachable', 'timeout', 'bad-playlist', 'corrupt', 'stall', 'other'] as const) expect(retriesAfter(kind)).toBe(true);
  });
});
