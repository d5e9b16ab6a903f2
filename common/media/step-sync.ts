// Keeps players of one stream on different screens in step: each steers its playback rate towards a
// shared target programme date (EXT-X-PROGRAM-DATE-TIME), so no screen ever jumps. Only a large error
// (a stall, a restart) is fixed with a seek.

export interface StepSyncOptions {
  /** Errors within this band leave the rate at 1: half a frame at 25 fps. */
  deadBandMs: number;
  /** Rate change per second of error: 0.25 means 100 ms behind plays at 1.025. */
  gainPerSecond: number;
  /** Furthest the rate may leave 1 (0.03 → 0.97–1.03), slight enough to go unnoticed. */
  maxRateOffset: number;
  /** Beyond this, nudging would take too long: seek instead. */
  seekThresholdMs: number;
  /** Rates move in steps of this much, so small jitter in the error does not change the rate. */
  rateStep: number;
  /** Once nudging, keep at it until the error is this small (hysteresis: fewer rate changes). */
  settleMs: number;
}

// Every playbackRate change makes the browser re-time its video frames, and on a busy page that costs a
// dropped frame now and then: the rate changes in 0.5 % steps, and only when the error leaves half a
// frame, and it returns to 1 only once the error is down to a few ms.
export const STEP_SYNC: StepSyncOptions = { deadBandMs: 20, gainPerSecond: 0.25, maxRateOffset: 0.03, seekThresholdMs: 2000, rateStep: 0.005, settleMs: 5 };

export type StepDecision =
  | { action: 'rate'; rate: number; errorMs: number }
  | { action: 'seek'; toDateMs: number; errorMs: number };

/** What to do given where a player is (`playerDateMs`) and where every player should be (`targetDateMs`). */
export function stepDecision(playerDateMs: number, targetDateMs: number, options: StepSyncOptions = STEP_SYNC): StepDecision {
  const errorMs = playerDateMs - targetDateMs; // > 0: ahead, slow down
  if (Math.abs(errorMs) > options.seekThresholdMs) return { action: 'seek', toDateMs: targetDateMs, errorMs };
  if (Math.abs(errorMs) <= options.deadBandMs) return { action: 'rate', rate: 1, errorMs };
  const raw = Math.max(-options.maxRateOffset, Math.min(options.maxRateOffset, (-options.gainPerSecond * errorMs) / 1000));
  // At least one step away from 1 outside the dead band, so a small error is still corrected.
  const steps = Math.sign(raw) * Math.max(1, Math.round(Math.abs(raw) / options.rateStep));
  return { action: 'rate', rate: Math.round((1 + steps * options.rateStep) * 10_000) / 10_000, errorMs };
}

/**
 * Smooths the measured error (currentTime is sampled at arbitrary moments, so single readings jitter by a
 * few ms) before deciding. Until a player first lands near the target (just started or restarted, when a
 * jump goes unseen) it seeks beyond `startSeekThresholdMs`; after that only beyond the large threshold.
 * A seek takes time to land (fetch, decode), during which the target moves on, so each seek aims ahead
 * by how far behind the previous one landed.
 */
export class StepKeeper {
  private smoothedMs: number | null = null;
  private settled = false;
  private leadMs = 0;
  private seeked = false;
  private nudging = false;

  constructor(
    private readonly options: StepSyncOptions = STEP_SYNC,
    private readonly smoothing = 0.5,
    private readonly startSeekThresholdMs = 250,
  ) {}

  update(playerDateMs: number, targetDateMs: number): StepDecision {
    const options = this.settled ? this.options : { ...this.options, seekThresholdMs: Math.min(this.startSeekThresholdMs, this.options.seekThresholdMs) };
    const raw = playerDateMs - targetDateMs;
    if (this.seeked) this.leadMs = Math.min(Math.max(this.leadMs - raw, 0), options.seekThresholdMs + MAX_EXTRA_LEAD_MS);
    this.seeked = false;
    // A jump past the seek threshold is acted on at once, not averaged away.
    const far = Math.abs(raw) > options.seekThresholdMs;
    const smoothed = this.smoothedMs === null || far ? raw : this.smoothedMs + this.smoothing * (raw - this.smoothedMs);
    // Hysteresis: while nudging, the dead band shrinks to settleMs, so the rate goes back to 1 once, not to and fro.
    const band = this.nudging ? Math.min(options.settleMs, options.deadBandMs) : options.deadBandMs;
    const decision = stepDecision(targetDateMs + smoothed, targetDateMs, { ...options, deadBandMs: band });
    this.nudging = decision.action === 'rate' && decision.rate !== 1;
    this.smoothedMs = decision.action === 'seek' ? null : smoothed;
    if (decision.action === 'rate') this.settled = true;
    if (decision.action !== 'seek') return decision;
    this.seeked = true;
    return { ...decision, toDateMs: decision.toDateMs + this.leadMs };
  }

  reset(): void {
    this.nudging = false;
    this.smoothedMs = null;
    this.settled = false;
    this.seeked = false;
  }
}

/** A seek never aims more than this beyond the threshold that triggered it. */
const MAX_EXTRA_LEAD_MS = 3000;

export interface LiveTiming {
  /** Seconds, as in the playlist. */
  targetduration: number;
  /** EXT-X-SERVER-CONTROL PART-HOLD-BACK / HOLD-BACK in seconds; 0 when absent. */
  partHoldBack?: number;
  holdBack?: number;
  /** EXT-X-PART-INF PART-TARGET; 0 when the stream has no parts. */
  partTarget?: number;
}

/**
 * How far behind the wall clock every screen plays a live stream by default. Derived only from the
 * playlist, so screens that load it independently agree: the server's hold-back plus a second for
 * the encoder and gateway, or four target durations when it gives none (low-latency streams with
 * parts get their much shorter part hold-back).
 */
export function defaultLiveDelayMs(timing: LiveTiming): number {
  if (timing.partTarget && timing.partHoldBack) return (timing.partHoldBack + 1) * 1000;
  if (timing.holdBack) return (timing.holdBack + 1) * 1000;
  return 4 * timing.targetduration * 1000;
}
