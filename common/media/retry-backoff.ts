// When to try a failed camera again: 1 s, 2 s, 4 s … up to 30 s, each ±20 % so that tiles which failed
// together (a gateway restart) do not come back in lockstep. Never less than 0.8 s: no tight loop.

export interface RetrySchedule {
  firstMs: number;
  maxMs: number;
  /** Fraction of the delay that is random, each side. */
  jitter: number;
}

export const CAMERA_RETRY: RetrySchedule = { firstMs: 1000, maxMs: 30_000, jitter: 0.2 };

/** Delay before retry `attempt` (0 = first retry); `random` in [0, 1). */
export function retryDelayMs(attempt: number, random: number, schedule: RetrySchedule = CAMERA_RETRY): number {
  const step = Number.isFinite(attempt) ? Math.max(0, Math.min(Math.floor(attempt), 30)) : 0;
  const base = Math.min(schedule.maxMs, schedule.firstMs * 2 ** step);
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0.5;
  const spread = 1 - schedule.jitter + 2 * schedule.jitter * r;
  return Math.round(Math.min(schedule.maxMs, base * spread));
}
