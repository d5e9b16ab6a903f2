import { describe, expect, it } from 'vitest';
import { parseVodPlaylist, type Clip } from '../../../hub/cameras/clip.js';
import { lastPublishedSequence, livePlaylist, loopsPerEra, resolveLiveSegment } from '../../../hub/cameras/live-playlist.js';

const vod = (extinfs: number[], map = false) =>
  ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', ...(map ? ['#EXT-X-MAP:URI="init.mp4"'] : []),
    ...extinfs.flatMap((d, i) => [`#EXTINF:${d},`, `seg${i}.${map ? 'm4s' : 'ts'}`]), '#EXT-X-ENDLIST'].join('\n');

const clip: Clip = parseVodPlaylist(vod([2, 2, 2]));
const epochMs = Date.UTC(2025, 0, 1);

interface Parsed {
  sequence: number;
  discontinuitySequence: number;
  segments: { name: string; pdt: number; duration: number; discontinuity: boolean; map: boolean }[];
}

function parse(text: string): Parsed {
  const lines = text.trim().split('\n');
  const tag = (name: string) => Number(lines.find((l) => l.startsWith(name))?.slice(name.length));
  const segments: Parsed['segments'] = [];
  let next = { discontinuity: false, map: false, pdt: NaN, duration: NaN };
  let seenFirst = false;
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') next.discontinuity = true;
    else if (line.startsWith('#EXT-X-MAP') && seenFirst) next.map = true;
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) next.pdt = Date.parse(line.slice(25));
    else if (line.startsWith('#EXTINF:')) next.duration = Number.parseFloat(line.slice(8));
    else if (!line.startsWith('#')) {
      segments.push({ name: line, ...next });
      next = { discontinuity: false, map: false, pdt: NaN, duration: NaN };
      seenFirst = true;
    }
  }
  return { sequence: tag('#EXT-X-MEDIA-SEQUENCE:'), discontinuitySequence: tag('#EXT-X-DISCONTINUITY-SEQUENCE:'), segments };
}

describe('parseVodPlaylist', () => {
  it('reads durations, offsets and the init segment', () => {
    const fmp4 = parseVodPlaylist(vod([2, 2, 2.04], true));
    expect(fmp4.segments.map((s) => [s.uri, s.durationMs, s.offsetMs])).toEqual([['seg0.m4s', 2000, 0], ['seg1.m4s', 2000, 2000], ['seg2.m4s', 2040, 4000]]);
    expect(fmp4).toMatchObject({ mapUri: 'init.mp4', loopMs: 6040, extension: 'm4s' });
  });

  it('refuses segment paths that leave the clip folder', () => {
    expect(() => parseVodPlaylist('#EXTM3U\n#EXTINF:2,\n../secret.ts\n')).toThrow(/plain file name/);
    expect(() => parseVodPlaylist('#EXTM3U\n#EXT-X-ENDLIST\n')).toThrow(/no segments/);
  });
});

describe('livePlaylist', () => {
  it('publishes a segment only once it has ended', () => {
    expect(lastPublishedSequence(clip, epochMs, epochMs + 1999)).toBe(-1);
    expect(lastPublishedSequence(clip, epochMs, epochMs + 2000)).toBe(0);
    expect(lastPublishedSequence(clip, epochMs, epochMs + 6000 * 10 + 4100)).toBe(31);
  });

  it('slides a window of five with increasing media sequence', () => {
    const at = (s: number) => parse(livePlaylist(clip, { nowMs: epochMs + s * 1000, epochMs, windowSegments: 5 }));
    const a = at(100);
    const b = at(102);
    expect(a.segments).toHaveLength(5);
    expect(b.sequence).toBe(a.sequence + 1);
    expect(b.segments.slice(0, 4).map((s) => s.name)).toEqual(a.segments.slice(1).map((s) => s.name));
    expect(a.segments.map((s) => s.name)).toEqual([45, 46, 47, 48, 49].map((n) => `live-${n}.ts`));
  });

  it('stamps program date time from the wall clock, continuous from segment to segment', () => {
    const p = parse(livePlaylist(clip, { nowMs: epochMs + 3_600_000 + 700, epochMs, windowSegments: 5 }));
    const last = p.segments.at(-1)!;
    expect(last.pdt + last.duration * 1000).toBe(epochMs + 3_600_000);
    for (let i = 1; i < p.segments.length; i++) {
      const [prev, seg] = [p.segments[i - 1]!, p.segments[i]!];
      expect(seg.pdt).toBe(prev.pdt + prev.duration * 1000);
    }
  });

  it('runs on across loops and marks a discontinuity only where an era of timestamps ends', () => {
    // 6 s loops: an hour is 600 loops, 1800 segments. Across an ordinary loop (segments 5 | 6) nothing is marked.
    const p = parse(livePlaylist(clip, { nowMs: epochMs + 16_000, epochMs, windowSegments: 5 }));
    expect(p.sequence).toBe(3);
    expect(p.discontinuitySequence).toBe(0);
    expect(p.segments.map((s) => s.discontinuity)).toEqual([false, false, false, false, false]);
    // Segment 1800 begins the second era.
    const hour = parse(livePlaylist(clip, { nowMs: epochMs + 3_600_000 + 4000, epochMs, windowSegments: 5 }));
    expect(hour.segments.map((s) => [s.name, s.discontinuity])).toEqual([['live-1797.ts', false], ['live-1798.ts', false], ['live-1799.ts', false], ['live-1800.ts', true], ['live-1801.ts', false]]);
    expect(hour.discontinuitySequence).toBe(0);
    // Window starting at an era's first segment: its discontinuity is in the sequence number, not a tag.
    const q = parse(livePlaylist(clip, { nowMs: epochMs + 14_000, epochMs, windowSegments: 4, eraMs: 6000 }));
    expect(q.sequence).toBe(3);
    expect(q.discontinuitySequence).toBe(1);
    expect(q.segments.map((s) => s.discontinuity)).toEqual([false, false, false, true]);
  });

  it('repeats EXT-X-MAP after each discontinuity for fMP4 clips', () => {
    const fmp4 = parseVodPlaylist(vod([2, 2, 2], true));
    const text = livePlaylist(fmp4, { nowMs: epochMs + 16_000, epochMs, windowSegments: 5, eraMs: 6000 });
    expect(text).toContain('#EXT-X-VERSION:6');
    expect(parse(text).segments.map((s) => [s.discontinuity, s.map])).toEqual([[false, false], [false, false], [false, false], [true, true], [false, false]]);
  });

  it('rounds an era down to whole loops, never below one', () => {
    expect(loopsPerEra(clip)).toBe(600);
    expect(loopsPerEra(clip, 10_000)).toBe(1);
    expect(loopsPerEra(clip, 1)).toBe(1);
  });

  it('keeps PDT on the wall clock across loops when segment lengths differ', () => {
    const uneven = parseVodPlaylist(vod([2, 2, 2.04]));
    const p = parse(livePlaylist(uneven, { nowMs: epochMs + 6040 * 1000 + 4000, epochMs, windowSegments: 3 }));
    expect(p.segments.map((s) => s.pdt - epochMs)).toEqual([6040 * 999 + 4000, 6040 * 1000, 6040 * 1000 + 2000]);
  });

  it('resolves live names to clip files, refusing ones not yet published', () => {
    const now = epochMs + 16_000;
    // Segment 7 is loop 2's second: its timestamps move on by two loops.
    expect(resolveLiveSegment(clip, 'live-7.ts', epochMs, now)).toEqual({ uri: 'seg1.ts', shiftMs: 12_000 });
    // The same segment in a one-loop era starts from the clip's own timestamps.
    expect(resolveLiveSegment(clip, 'live-7.ts', epochMs, now, 6000)).toEqual({ uri: 'seg1.ts', shiftMs: 0 });
    expect(resolveLiveSegment(clip, 'live-8.ts', epochMs, now)).toBeNull();
    expect(resolveLiveSegment(clip, 'live-7.m4s', epochMs, now)).toBeNull();
    expect(resolveLiveSegment(clip, 'seg1.ts', epochMs, now)).toBeNull();
  });
});
