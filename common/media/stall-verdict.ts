// When a camera that is not reporting errors has nonetheless stopped: the picture froze (say "signal
// lost"), it has stayed frozen with nothing arriving either (rebuild the player), or it never started.
// Judged on the stream's own progress over time the page really had: every time below is page time
// (pageTimeStep), in which a timer that fired late counts only as long as it was asked to wait, so a busy
// machine or a long task never makes a moving stream look frozen.

export interface StallLimits {
  /** No progress for this long while playing: signal lost. */
  stallMs: number;
  /** Frozen this much longer, with no fragment arriving either: rebuild. */
  restartAfterStallMs: number;
  firstFrameTimeoutMs: number;
  /** A tick later than asked by more than this is a late timer, not time the stream had to progress. */
  lateTickMs: number;
}

export const CAMERA_STALL: StallLimits = { stallMs: 4000, restartAfterStallMs: 8000, firstFrameTimeoutMs: 15_000, lateTickMs: 1000 };

export interface TickTiming {
  /** Monotonic time since the previous tick (performance.now() deltas). */
  elapsedMs: number;
  /** What the timer was asked to wait. */
  expectedMs: number;
}

/** The page time one tick adds: all of it when on time, only what was asked when the timer fired late. */
export function pageTimeStep({ elapsedMs, expectedMs }: TickTiming, limits: StallLimits = CAMERA_STALL): number {
  const elapsed = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  return elapsed - expectedMs > limits.lateTickMs ? expectedMs : elapsed;
}

export interface StreamSample {
  /** Frames decoded by this video element (getVideoPlaybackQuality().totalVideoFrames); null where unknown. */
  decodedFrames: number | null;
  currentTime: number;
  seeking: boolean;
}

/**
 * Whether the stream moved between two samples. Decoded frames, not presented ones: a busy machine drops
 * frames it decoded late, yet the stream is alive. currentTime only where frame counts are unknown, since
 * hls.js nudges currentTime forward over holes while the picture stands still. A count that went down
 * belongs to a new source: its frames are new.
 */
export function streamProgressed(before: StreamSample, after: StreamSample): boolean {
  if (after.decodedFrames !== null && before.decodedFrames !== null) {
    return after.decodedFrames > before.decodedFrames || (after.decodedFrames < before.decodedFrames && after.decodedFrames > 0);
  }
  return !after.seeking && !before.seeking && after.currentTime > before.currentTime;
}

export interface StallInput {
  state: 'loading' | 'playing' | 'signal-lost';
  /** Page time now. */
  now: number;
  /** Page time of the last progress, any player instance; null before the first. */
  lastFrameAt: number | null;
  /** Page time when the current player instance began loading. */
  loadStartedAt: number;
  /** Page time of the last fragment buffered by the current instance, 0 when none. */
  lastFragmentAt: number;
}

export type StallVerdict = 'frozen' | 'restart' | 'no-first-frame' | null;

export function stallVerdict(input: StallInput, limits: StallLimits = CAMERA_STALL): StallVerdict {
  const { state, now, lastFrameAt, loadStartedAt } = input;
  // A slow machine decodes late but still receives fragments: rebuilding would only add load.
  const starved = now - Math.max(input.lastFragmentAt, loadStartedAt) > limits.restartAfterStallMs;
  const sinceFrame = lastFrameAt === null || lastFrameAt < loadStartedAt ? null : now - lastFrameAt;
  if (sinceFrame === null) return now - loadStartedAt > limits.firstFrameTimeoutMs && starved ? 'no-first-frame' : null;
  // "Signal lost" speaks of the source: while fragments still arrive, a standing picture is this machine
  // decoding late. A decoder that never catches up fills the buffer, fragments stop, and it is said then.
  const silent = now - Math.max(input.lastFragmentAt, loadStartedAt) > limits.stallMs;
  if (state === 'playing') return sinceFrame > limits.stallMs && silent ? 'frozen' : null;
  if (state !== 'signal-lost' || sinceFrame <= limits.stallMs + limits.restartAfterStallMs) return null;
  return starved ? 'restart' : null;
}
