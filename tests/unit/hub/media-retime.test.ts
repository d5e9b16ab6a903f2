import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEDIA_DIR } from '../../../hub/cameras/simulator.js';
import { fmp4DecodeTimes, retimeFmp4, retimeTs, trackTimescales, tsTicks, tsTimestamps } from '../../../hub/cameras/retime.js';

const clipFile = (camera: string, file: string) => readFileSync(path.join(DEFAULT_MEDIA_DIR, camera, file));

describe('retimeTs', () => {
  const segment = clipFile('cau-song-han', 'seg1.ts');
  const before = tsTimestamps(segment);

  it('finds the PCR, PTS and DTS of video and audio in a committed clip', () => {
    const kinds = new Set(before.map((t) => t.kind));
    expect([...kinds].sort()).toEqual(['dts', 'pcr', 'pts']);
    expect(new Set(before.filter((t) => t.kind === 'pts').map((t) => t.pid)).size).toBe(2); // video and audio
  });

  it('moves every timestamp by the shift and changes no other byte', () => {
    const ticks = tsTicks(8000);
    expect(ticks).toBe(720_000);
    const after = retimeTs(segment, ticks);
    expect(after.length).toBe(segment.length);
    expect(tsTimestamps(after)).toEqual(before.map((t) => ({ ...t, value: t.value + ticks })));
    // Timestamps live in PES headers and adaptation fields; the payload is untouched.
    let changed = 0;
    for (let i = 0; i < segment.length; i++) if (segment[i] !== after[i]) changed++;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(before.length * 5);
    expect(segment.equals(clipFile('cau-song-han', 'seg1.ts'))).toBe(true); // the input is not modified
  });

  it('wraps at 2^33 as a 90 kHz clock does', () => {
    const max = Math.max(...before.map((t) => t.value));
    const ticks = 2 ** 33 - max; // the largest timestamp lands exactly on the wrap
    const after = tsTimestamps(retimeTs(segment, ticks));
    expect(after.find((t, i) => t.value === 0 && before[i]!.value === max)).toBeDefined();
    expect(after.every((t) => t.value >= 0 && t.value < 2 ** 33)).toBe(true);
  });

  it('refuses what is not MPEG-TS', () => {
    expect(() => retimeTs(Buffer.alloc(188 * 2, 0x46), 90)).toThrow(/sync byte/);
    expect(() => retimeTs(Buffer.alloc(100, 0x47), 90)).toThrow(/multiple of 188/);
  });
});

describe('retimeFmp4', () => {
  const init = clipFile('cau-song-han-fmp4', 'init.mp4');
  const segment = clipFile('cau-song-han-fmp4', 'seg1.m4s');
  const scales = trackTimescales(init);

  it('reads each track timescale from the init segment', () => {
    expect([...scales.values()].sort((a, b) => a - b)).toEqual([12_800, 48_000]); // ffmpeg's video and 48 kHz AAC
  });

  it('moves each track decode time by the shift in its own timescale', () => {
    const before = fmp4DecodeTimes(segment);
    expect(before).toHaveLength(2);
    const after = fmp4DecodeTimes(retimeFmp4(segment, 8000, scales));
    expect(after).toEqual(before.map((t) => ({ trackId: t.trackId, time: t.time + BigInt(8 * scales.get(t.trackId)!) })));
    expect(retimeFmp4(segment, 8000, scales).length).toBe(segment.length);
  });

  it('names a track the init segment lacks and a box with a bad size', () => {
    expect(() => retimeFmp4(segment, 8000, new Map([[99, 1000]]))).toThrow(/track \d+, which the init segment lacks/);
    const broken = Buffer.from(segment);
    broken.writeUInt32BE(0xffffff, 0);
    expect(() => retimeFmp4(broken, 8000, scales)).toThrow(/bad size/);
    expect(() => trackTimescales(segment)).toThrow(/no tracks/);
  });
});
