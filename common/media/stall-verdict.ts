// When a camera that is not reporting errors has nonetheless stopped: the picture froze (say "signal
// lost"), it has stayed frozen with nothing arriving either (rebuild the player), or it never started.

export interface StallLimits {
  /** No new frame for this long while playing: signal lost. */
  stallMs: number;
  /** Frozen this much longer, with no fragment arriving either: rebuild. */
  restartAfterStallMs: number;
  firstFrameTimeoutMs: number;
}

export const CAMERA_STALL: StallLimits = { stallMs: 4000, restartAfterStallMs: 8000, firstFrameTimeoutMs: 15_000 };

export interface StallInput {
  state: 'loading' | 'playing' | 'signal-lost';
  now: number;
  /** Last new frame, any player instance; null before the first. */
  lastFrameAt: number | null;
  /** When the current player instance began loading. */
  loadStartedAt: number;
  /** Last fragment buffered by the current instance, 0 when none. */
  lastFragmentAt: number;
}

export type StallVerdict = 'frozen' | 'restart' | 'no-first-frame' | null;

export function stallVerdict(input: StallInput, limits: StallLimits = CAMERA_STALL): StallVerdict {
  const { state, now, lastFrameAt, loadStartedAt } = input;
  // A slow machine decodes late but still receives fragments: rebuilding would only add load.
  const starved = now - Math.max(input.lastFragmentAt, loadStartedAt) > limits.restartAfterStallMs;
  const sinceFrame = lastFrameAt === null || lastFrameAt < loadStartedAt ? null : now - lastFrameAt;
  if (sinceFrame === null) return now - loadStartedAt > limits.firstFrameTimeoutMs && starved ? 'no-first-frame' : null;
  if (state === 'playing') return sinceFrame > limits.stallMs ? 'frozen' : null;
  if (state !== 'signal-lost' || sinceFrame <= limits.stallMs + limits.restartAfterStallMs) return null;
  return starved ? 'restart' : null;
}
