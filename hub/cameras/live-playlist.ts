import type { Clip } from './clip.js';

// A live HLS window over a clip looped forever on the wall clock. Global segment n is segment
// n % count of loop floor(n / count); it starts at epoch + loop·loopMs + offset and is published once
// it has ended, as an encoder would. Every screen asking at the same time gets the same playlist.
// Media timestamps run on across loops (retime.ts shifts each loop's copy), as a real camera's do; they
// restart, behind an EXT-X-DISCONTINUITY, once per era (about an hour), so they never outgrow their fields
// and players still meet the discontinuities a real encoder restart brings.

export interface LiveWindowOptions {
  nowMs: number;
  /** Wall-clock time the stream notionally started; fixed so restarts keep sequence numbers. */
  epochMs: number;
  windowSegments: number;
  /** Length of an era in ms (rounded down to whole loops, at least one); default an hour. */
  eraMs?: number;
}

export const DEFAULT_ERA_MS = 3_600_000;

/** Whole loops in one era of continuous timestamps. */
export function loopsPerEra(clip: Clip, eraMs: number = DEFAULT_ERA_MS): number {
  return Math.max(1, Math.floor(eraMs / clip.loopMs));
}

/** Default epoch: 2025-01-01T00:00:00Z. */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1);

export function segmentStartMs(clip: Clip, epochMs: number, n: number): number {
  const count = clip.segments.length;
  const loop = Math.floor(n / count);
  return epochMs + loop * clip.loopMs + (clip.segments[n % count]?.offsetMs ?? 0);
}

/** Highest sequence number whose segment has ended by `nowMs`, or -1 when none has. */
export function lastPublishedSequence(clip: Clip, epochMs: number, nowMs: number): number {
  const elapsed = nowMs - epochMs;
  if (elapsed < 0) return -1;
  const count = clip.segments.length;
  const loop = Math.floor(elapsed / clip.loopMs);
  const within = elapsed - loop * clip.loopMs;
  const ended = clip.segments.filter((s) => s.offsetMs + s.durationMs <= within).length;
  return loop * count + ended - 1;
}

export function liveSegmentName(clip: Clip, n: number): string {
  return `live-${n}.${clip.extension}`;
}

export interface LiveSegment {
  /** The clip file. */
  uri: string;
  /** How far its media timestamps move: the loops since the era began. */
  shiftMs: number;
}

/** The clip segment a live name refers to, or null when the name is not one or not yet published. */
export function resolveLiveSegment(clip: Clip, name: string, epochMs: number, nowMs: number, eraMs: number = DEFAULT_ERA_MS): LiveSegment | null {
  const match = /^live-(\d{1,15})\.([a-z0-9]+)$/.exec(name);
  if (!match || match[2] !== clip.extension) return null;
  const n = Number(match[1]);
  if (n > lastPublishedSequence(clip, epochMs, nowMs)) return null;
  const uri = clip.segments[n % clip.segments.length]?.uri;
  if (!uri) return null;
  const loop = Math.floor(n / clip.segments.length);
  return { uri, shiftMs: (loop % loopsPerEra(clip, eraMs)) * clip.loopMs };
}

export function targetDurationSeconds(clip: Clip): number {
  // RFC 8216: each EXTINF rounded to the nearest integer must not exceed the target duration.
  return Math.max(1, ...clip.segments.map((s) => Math.round(s.durationMs / 1000)));
}

export function livePlaylist(clip: Clip, { nowMs, epochMs, windowSegments, eraMs }: LiveWindowOptions): string {
  const count = clip.segments.length;
  const perEra = loopsPerEra(clip, eraMs) * count;
  const last = lastPublishedSequence(clip, epochMs, nowMs);
  const first = Math.max(0, last - windowSegments + 1);
  const map = clip.mapUri ? `#EXT-X-MAP:URI="${clip.mapUri}"` : null;
  const lines = [
    '#EXTM3U',
    `#EXT-X-VERSION:${map ? 6 : 3}`,
    `#EXT-X-TARGETDURATION:${targetDurationSeconds(clip)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    // Discontinuities before the first listed segment: one per completed era.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / perEra)}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  if (map) lines.push(map);
  for (let n = first; n <= last; n++) {
    const segment = clip.segments[n % count];
    if (!segment) continue;
    if (n !== first && n % perEra === 0) {
      lines.push('#EXT-X-DISCONTINUITY');
      if (map) lines.push(map);
    }
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segmentStartMs(clip, epochMs, n)).toISOString()}`);
    lines.push(`#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`);
    lines.push(liveSegmentName(clip, n));
  }
  return `${lines.join('\n')}\n`;
}
