import type { Clip } from './clip.js';

// A live HLS window over a clip looped forever on the wall clock. Global segment n is segment
// n % count of loop floor(n / count); it starts at epoch + loop·loopMs + offset and is published once
// it has ended, as an encoder would. Every screen asking at the same time gets the same playlist.

export interface LiveWindowOptions {
  nowMs: number;
  /** Wall-clock time the stream notionally started; fixed so restarts keep sequence numbers. */
  epochMs: number;
  windowSegments: number;
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

/** The clip segment a live name refers to, or null when the name is not one or not yet published. */
export function resolveLiveSegment(clip: Clip, name: string, epochMs: number, nowMs: number): string | null {
  const match = /^live-(\d{1,15})\.([a-z0-9]+)$/.exec(name);
  if (!match || match[2] !== clip.extension) return null;
  const n = Number(match[1]);
  if (n > lastPublishedSequence(clip, epochMs, nowMs)) return null;
  return clip.segments[n % clip.segments.length]?.uri ?? null;
}

export function targetDurationSeconds(clip: Clip): number {
  // RFC 8216: each EXTINF rounded to the nearest integer must not exceed the target duration.
  return Math.max(1, ...clip.segments.map((s) => Math.round(s.durationMs / 1000)));
}

export function livePlaylist(clip: Clip, { nowMs, epochMs, windowSegments }: LiveWindowOptions): string {
  const count = clip.segments.length;
  const last = lastPublishedSequence(clip, epochMs, nowMs);
  const first = Math.max(0, last - windowSegments + 1);
  const map = clip.mapUri ? `#EXT-X-MAP:URI="${clip.mapUri}"` : null;
  const lines = [
    '#EXTM3U',
    `#EXT-X-VERSION:${map ? 6 : 3}`,
    `#EXT-X-TARGETDURATION:${targetDurationSeconds(clip)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    // Discontinuities before the first listed segment: one per completed loop.
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / count)}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  if (map) lines.push(map);
  for (let n = first; n <= last; n++) {
    const segment = clip.segments[n % count];
    if (!segment) continue;
    if (n !== first && n % count === 0) {
      lines.push('#EXT-X-DISCONTINUITY');
      if (map) lines.push(map);
    }
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segmentStartMs(clip, epochMs, n)).toISOString()}`);
    lines.push(`#EXTINF:${(segment.durationMs / 1000).toFixed(3)},`);
    lines.push(liveSegmentName(clip, n));
  }
  return `${lines.join('\n')}\n`;
}
