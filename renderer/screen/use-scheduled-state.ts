import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { decideSwap, layerKey } from '../../common/scenario-swap.js';
import type { WallState } from '../../common/state.js';
import type { ClockOffset } from '../state/clock-offset.js';
import { armSwap, layerScreen } from './compositor-swap.js';

// Early enough to catch the frame before the apply time: timers fire late, frames come every ~16 ms.
const WAKE_EARLY_MS = 24;
const HALF_FRAME_MS = 8;

export interface SwapRecord {
  revision: number;
  applyAt: number;
  /** Main-process time the page received the activation. */
  receivedAt: number;
  /** Main-process time the hidden layer had been committed (drawn off-screen), if before the swap. */
  preparedAt?: number;
  /** Main-process time the compositor was given the swap (armSwap), if it was. */
  armedAt?: number;
  /** Main-process time the swap's animation frame began (its rAF timestamp). */
  frameAt: number;
  /** Main-process time the new layout had been committed in that frame. */
  swappedAt: number;
  /** Main-process time the next frame began: the swap's frame has been committed by then. */
  paintedAt?: number;
}

declare global {
  interface Window {
    /** Swaps this page made: read by the switch benchmark. */
    __tcSwaps?: SwapRecord[];
  }
}

export interface ScheduledLayers {
  /** What the screen shows. */
  shown: WallState | null;
  /** The next activation, drawn hidden until its apply time. */
  pending: WallState | null;
  /** The activation just replaced, kept (hidden) until the swap has been painted, then dropped. */
  retired: WallState | null;
}

const EMPTY: ScheduledLayers = { shown: null, pending: null, retired: null };

/**
 * What a screen draws now and what it prepares hidden: a new scenario waits, fully drawn (streams
 * started, maps drawn), for its apply time, then shows in one frame, swapped by the compositor. The swap
 * only changes which layer is visible; unmounting the old one waits until the new one is on screen.
 */
export function useScheduledState(latest: WallState | null, clock: ClockOffset): ScheduledLayers {
  const [layers, setLayers] = useState<ScheduledLayers>(() => ({ ...EMPTY, shown: latest }));
  const shownRef = useRef(layers.shown);
  shownRef.current = layers.shown;
  const prepared = useRef<{ key: string; at: number } | null>(null);

  const armed = useRef<{ key: string; at: number } | null>(null);
  const shownKey = layers.shown ? layerKey(layers.shown) : null;

  // The hidden layer's commit: when it was ready to show. Then the compositor is told to swap the layers
  // at the apply time, whatever the main thread is doing then; the swap below only catches React up.
  useEffect(() => {
    const pending = layers.pending;
    if (!pending) return;
    const key = layerKey(pending);
    if (prepared.current?.key !== key) prepared.current = { key, at: clock.now() };
    const show = layerScreen(key);
    if (!show) return;
    const applyAt = pending.scenario?.applyAt ?? 0;
    const swap = armSwap(show, shownKey === null ? null : layerScreen(shownKey), performance.now() + (applyAt - clock.now()));
    if (armed.current?.key !== key) armed.current = { key, at: clock.now() };
    return () => swap.cancel();
  }, [layers.pending, shownKey, clock]);

  useEffect(() => {
    if (!latest) return;
    const previous = shownRef.current;
    const receivedAt = clock.now();
    const decision = decideSwap(previous, latest, receivedAt);
    if (!decision.pending) {
      setLayers((l) => ({ ...l, shown: latest, pending: null }));
      // A new activation that arrived after its apply time (a slow link, a busy PC) is shown at once.
      if (previous && latest.scenario && previous.scenario?.revision !== latest.scenario.revision) record(latest, clock, { receivedAt, frameAt: receivedAt });
      return;
    }
    const next = decision.pending;
    const applyAt = next.scenario?.applyAt ?? 0;
    setLayers((l) => ({ ...l, pending: next }));
    let frame = 0;
    const swap = (frameStart: number): void => {
      const frameAt = frameTime(clock, frameStart);
      if (frameAt < applyAt - HALF_FRAME_MS) {
        frame = requestAnimationFrame(swap);
        return;
      }
      flushSync(() => setLayers((l) => ({ shown: next, pending: null, retired: l.shown && layerKey(l.shown) !== layerKey(next) ? l.shown : l.retired })));
      const ready = prepared.current?.key === layerKey(next) ? prepared.current.at : undefined;
      const handed = armed.current?.key === layerKey(next) ? armed.current.at : undefined;
      const timing = { receivedAt, frameAt, ...(ready === undefined ? {} : { preparedAt: ready }), ...(handed === undefined ? {} : { armedAt: handed }) };
      record(next, clock, timing, () => setLayers((l) => (l.retired ? { ...l, retired: null } : l)));
    };
    const timer = setTimeout(() => {
      frame = requestAnimationFrame(swap);
    }, Math.max(0, decision.waitMs - WAKE_EARLY_MS));
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [latest, clock]);

  return layers;
}

/** Main-process time at which the frame began (a rAF timestamp), not when its callback got to run. */
function frameTime(clock: ClockOffset, frameStart: number): number {
  return clock.now() - Math.max(0, performance.now() - frameStart);
}

type Timing = Pick<SwapRecord, 'receivedAt' | 'preparedAt' | 'armedAt' | 'frameAt'>;

function record(state: WallState, clock: ClockOffset, timing: Timing, afterPaint?: () => void): void {
  const applyAt = state.scenario?.applyAt ?? 0;
  const entry: SwapRecord = { revision: state.revision, applyAt, ...timing, swappedAt: clock.now() };
  const swaps = (window.__tcSwaps ??= []);
  swaps.push(entry);
  if (swaps.length > 500) swaps.shift(); // a record per switch, bounded for months of running
  performance.clearMarks('tc:swap'); // only the latest: marks are kept until cleared, for months
  performance.mark('tc:swap', { detail: { revision: state.revision, applyAt } });
  requestAnimationFrame((frameStart) => {
    entry.paintedAt = frameTime(clock, frameStart);
    // The old layer's teardown (players, maps) runs after the new one is on screen, not in its frame.
    if (afterPaint) setTimeout(afterPaint, 0);
  });
}
