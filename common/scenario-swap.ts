import type { WallState } from './state.js';

// A scenario switch is prepared off-screen and shown at its apply time, so every screen of the wall
// changes in the same frame. This decides, for one screen, what to show now and what to prepare.

/**
 * How far ahead of an activation its apply time is set. Long enough for the state to reach every screen
 * and for the next layout to be committed hidden there (measured by bench:switch: p95 about 30 ms to
 * arrive and 90 ms to draw on a loaded 2-core PC), short enough that the switch still feels immediate.
 * Streams are started in that time, but a first picture takes longer (a playlist and a segment).
 */
export const DEFAULT_APPLY_DELAY_MS = 150;

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

/**
 * Which activation a state draws: a screen keeps one drawn layer per activation, so a switch prepared
 * hidden is shown as it was drawn (its players and maps already running), never drawn again.
 */
export function layerKey(state: WallState): string {
  return state.scenario ? `${state.scenario.id}#${state.scenario.revision}` : 'no-scenario';
}

export type LayerRole = 'shown' | 'pending' | 'retired';

export interface ScreenLayer {
  key: string;
  state: WallState;
  role: LayerRole;
}

/**
 * The layers a screen draws, oldest activation first: the order never changes across a swap (the
 * pending layer becomes the shown one in place, the old one is hidden, then dropped once the swap is
 * painted), so the swap itself is a change of visibility, not a re-render of the wall.
 */
export function screenLayers(layers: { retired: WallState | null; shown: WallState | null; pending: WallState | null }): ScreenLayer[] {
  const out: ScreenLayer[] = [];
  for (const role of ['retired', 'shown', 'pending'] as const) {
    const state = layers[role];
    if (!state) continue;
    const key = layerKey(state);
    const same = out.findIndex((l) => l.key === key);
    // One layer per activation; the newer role wins (a retired layer that is shown again).
    if (same >= 0) out.splice(same, 1);
    out.push({ key, state, role });
  }
  return out;
}
