import { ClockSync } from '../../common/clock-sync.js';
import type { WallBridge } from '../../common/contract.js';

// The page's estimate of the main process's clock: scenario apply times are on that clock, and a
// browser screen may run on another PC. A few quick exchanges at start, then one every 10 s.

const QUICK_SAMPLES = 5;
const EVERY_MS = 10_000;

export interface ClockOffset {
  /** Main-process time now (local time when nothing is known yet: same PC, offset 0). */
  now(): number;
  stop(): void;
}

export function startClockOffset(bridge: Pick<WallBridge, 'syncClock'>, local: () => number = Date.now): ClockOffset {
  const sync = new ClockSync();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let taken = 0;

  const exchange = async (): Promise<void> => {
    const t0 = local();
    const answer = await bridge.syncClock(t0);
    if (answer.ok && answer.value.t0 === t0) sync.add({ t0, t1: answer.value.t1, t2: answer.value.t2, t3: local() });
  };
  const loop = (): void => {
    if (stopped) return;
    void exchange()
      .catch(() => undefined)
      .finally(() => {
        taken++;
        if (!stopped) timer = setTimeout(loop, taken < QUICK_SAMPLES ? 50 : EVERY_MS);
      });
  };
  loop();
  return {
    now: () => sync.toReference(local()),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
