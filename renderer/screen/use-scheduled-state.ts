import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { decideSwap } from '../../common/scenario-swap.js';
import type { WallState } from '../../common/state.js';
import type { ClockOffset } from '../state/clock-offset.js';

// Early enough to catch the frame before the apply time: timers fire late, frames come every ~16 ms.
const WAKE_EARLY_MS = 24;
const HALF_FRAME_MS = 8;

export interface SwapRecord {
  revision: number;
  applyAt: number;
  /** Main-process time of the frame in which the new layout was committed. */
  swappedAt: number;
  /** Main-process time of the next frame: the new layout has been painted by then. */
  paintedAt?: number;
}

declare global {
  interface Window {
    /** Swaps this page made: read by the switch benchmark. */
    __tcSwaps?: SwapRecord[];
  }
}

/**
 * What a screen draws now and what it prepares hidden: a new scenario waits, fully drawn (streams
 * started, maps drawn), for its apply time, then shows in one frame.
 */
export function useScheduledState(latest: WallState | null, clock: ClockOffset): { shown: WallState | null; pending: WallState | null } {
  const [shown, setShown] = useState<WallState | null>(latest);
  const [pending, setPending] = useState<WallState | null>(null);
  const shownRef = useRef(shown);
  shownRef.current = shown;

  useEffect(() => {
    if (!latest) return;
    const previous = shownRef.current;
    const decision = decideSwap(previous, latest, clock.now());
    if (!decision.pending) {
      setPending(null);
      setShown(latest);
      // A new activation that arrived after its apply time (a slow link, a busy PC) is shown at once.
      if (previous && latest.scenario && previous.scenario?.revision !== latest.scenario.revision) record(latest, clock);
      return;
    }
    const next = decision.pending;
    const applyAt = next.scenario?.applyAt ?? 0;
    setPending(next);
    let frame = 0;
    const swap = (): void => {
      if (clock.now() < applyAt - HALF_FRAME_MS) {
        frame = requestAnimationFrame(swap);
        return;
      }
      flushSync(() => {
        setShown(next);
        setPending(null);
      });
      record(next, clock);
    };
    const timer = setTimeout(() => {
      frame = requestAnimationFrame(swap);
    }, Math.max(0, decision.waitMs - WAKE_EARLY_MS));
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [latest, clock]);

  return { shown, pending };
}

function record(state: WallState, clock: ClockOffset): void {
  const applyAt = state.scenario?.applyAt ?? 0;
  const entry: SwapRecord = { revision: state.revision, applyAt, swappedAt: clock.now() };
  const swaps = (window.__tcSwaps ??= []);
  swaps.push(entry);
  if (swaps.length > 500) swaps.shift(); // a record per switch, bounded for months of running
  performance.mark('tc:swap', { detail: { revision: state.revision, applyAt } });
  requestAnimationFrame(() => (entry.paintedAt = clock.now()));
}
