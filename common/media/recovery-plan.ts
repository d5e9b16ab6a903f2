import type { MediaFailureKind } from './media-failure.js';
import { CAMERA_RETRY, type RetrySchedule } from './retry-backoff.js';

// How a lost camera comes back: its playlist is looked at every ~2 s (one small GET of the URL hls.js
// loads), and the player is rebuilt only when that answers with a playable playlist, so the picture
// returns within a probe period of the source, however long it was away. Rebuilds themselves keep the
// backoff of retry-backoff.ts: a source whose playlist answers but whose media fails (a corrupt segment,
// an unsupported codec, a flapping gateway) is not rebuilt over and over.

export interface RecoveryPlan {
  probeEveryMs: number;
  /** Fraction of the probe period that is random, each side: tiles lost together do not probe together. */
  jitter: number;
  /** A probe with no complete answer by then counts as down. */
  probeTimeoutMs: number;
  /** Shortest wait between two probes, whatever else is asked. */
  minGapMs: number;
  /** Backoff between rebuilds that did not give a steady picture. */
  rebuild: RetrySchedule;
  /** Playing this long counts as back for good: the rebuild backoff starts afresh. */
  steadyMs: number;
}

export const CAMERA_RECOVERY: RecoveryPlan = { probeEveryMs: 2000, jitter: 0.2, probeTimeoutMs: 3000, minGapMs: 500, rebuild: CAMERA_RETRY, steadyMs: 10_000 };

export type ProbeOutcome = 'playable' | 'down';

export interface RecoveryInput {
  now: number;
  /** Earliest rebuild the backoff allows (the failure time plus retryDelayMs). */
  rebuildAt: number;
  /** What the last probe found; null right after the failure, before any probe. */
  probe: ProbeOutcome | null;
  /** In [0, 1). */
  random: number;
}

export type RecoveryStep = { action: 'rebuild' } | { action: 'probe'; atMs: number };

export function nextRecoveryStep({ now, rebuildAt, probe, random }: RecoveryInput, plan: RecoveryPlan = CAMERA_RECOVERY): RecoveryStep {
  // Playable but too soon after a failed rebuild: look again when the backoff allows, then rebuild.
  if (probe === 'playable') return now >= rebuildAt ? { action: 'rebuild' } : { action: 'probe', atMs: rebuildAt };
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0.5;
  const every = plan.probeEveryMs * (1 - plan.jitter + 2 * plan.jitter * r);
  // The first look comes as soon as a rebuild would be allowed (a blip is over in a second), at most a period away.
  const wait = probe === null ? Math.min(every, rebuildAt - now) : every;
  return { action: 'probe', atMs: now + Math.round(Math.max(plan.minGapMs, wait)) };
}

// The source went away (as opposed to media this player cannot use): after a picture, the next return
// is a new return, not another failed rebuild.
const SOURCE_AWAY: ReadonlySet<MediaFailureKind> = new Set(['unreachable', 'not-found', 'server-error', 'timeout', 'stall']);

/**
 * The backoff step a failure starts from. A source that showed a picture since the last rebuild and then
 * went away starts afresh, so a camera that flaps comes back within a probe period of each return;
 * media that fail again (corrupt, unsupported, a bad playlist, refused) keep backing off.
 */
export function backoffAttempt(attempt: number, failure: MediaFailureKind, pictureSinceRebuild: boolean): number {
  return pictureSinceRebuild && SOURCE_AWAY.has(failure) ? 0 : attempt;
}

/**
 * A format this player cannot decode (HEVC in Chromium, say) does not heal by trying again: the tile says
 * so once and stops. It plays when its source changes (a gateway that transcodes), which is a new player.
 */
export function retriesAfter(failure: MediaFailureKind): boolean {
  return failure !== 'unsupported';
}
