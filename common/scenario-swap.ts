import type { WallState } from './state.js';

// A scenario switch is prepared off-screen and shown at its apply time, so every screen of the wall
// changes in the same frame. This decides, for one screen, what to show now and what to prepare.

/** Longer waits are treated as a clock fault: better to switch now than to hang on the old layout. */
export const MAX_SWAP_WAIT_MS = 10_000;

export interface SwapDecision {
  /** The state to draw now. */
  show: WallState;
  /** A state drawn hidden until `waitMs` from now, or null. */
  pending: WallState | null;
  waitMs: number;
}

/**
 * `shown` is what the screen draws, `latest` what the main process sent; `nowNode` is now on the
 * main process's clock (local time + the estimated offset).
 */
export function decideSwap(shown: WallState | null, latest: WallState, nowNode: number): SwapDecision {
  const next = latest.scenario;
  const isNewActivation = next != null && shown != null && (shown.scenario?.revision !== next.revision || shown.scenario?.id !== next.id);
  const waitMs = next ? next.applyAt - nowNode : 0;
  if (!shown || !isNewActivation || waitMs <= 0 || waitMs > MAX_SWAP_WAIT_MS) return { show: latest, pending: null, waitMs: 0 };
  return { show: shown, pending: latest, waitMs };
}
