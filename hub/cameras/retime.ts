// Shifts a clip segment's media timestamps, so a looped clip plays as one continuous stream, as a real
// camera's does. Without it every loop restarts the timestamps behind an EXT-X-DISCONTINUITY, which
// hls.js survives one tile at a time but which left many tiles on one page stalling (a gap and a
// re-align at each loop, every 6 s). Only timestamp fields change; the length and every other byte stay.

const TS_PACKET = 188;
const TS_SYNC = 0x47;
const PTS_WRAP = 2 ** 33; // 90 kHz, 33 bits: PES PTS/DTS and the PCR base

/** The shift in 90 kHz ticks for MPEG-TS. */
export function tsTicks(shiftMs: number): number {
  return Math.round(shiftMs * 90);
}

function readPts(b: Buffer, at: number): number {
  return ((b[at]! >> 1) & 0x07) * 2 ** 30 + (b[at + 1]! << 22) + ((b[at + 2]! >> 1) << 15) + (b[at + 3]! << 7) + (b[at + 4]! >> 1);
}

function writePts(b: Buffer, at: number, value: number): void {
  const v = ((value % PTS_WRAP) + PTS_WRAP) % PTS_WRAP;
  const high = Math.floor(v / 2 ** 30); // bits 32..30
  const low = v % 2 ** 30;
  b[at] = (b[at]! & 0xf0) | (high << 1) | 1;
  b[at + 1] = (low >>> 22) & 0xff;
  b[at + 2] = (((low >>> 15) & 0x7f) << 1) | 1;
  b[at + 3] = (low >>> 7) & 0xff;
  b[at + 4] = ((low & 0x7f) << 1) | 1;
}

function readPcrBase(b: Buffer, at: number): number {
  return b[at]! * 2 ** 25 + (b[at + 1]! << 17) + (b[at + 2]! << 9) + (b[at + 3]! << 1) + (b[at + 4]! >> 7);
}

function writePcrBase(b: Buffer, at: number, value: number): void {
  const v = ((value % PTS_WRAP) + PTS_WRAP) % PTS_WRAP;
  b[at] = Math.floor(v / 2 ** 25) & 0xff;
  const low = v % 2 ** 25;
  b[at + 1] = (low >>> 17) & 0xff;
  b[at + 2] = (low >>> 9) & 0xff;
  b[at + 3] = (low >>> 1) & 0xff;
  b[at + 4] = ((low & 1) << 7) | (b[at + 4]! & 0x7f);
}

// Stream ids whose PES packets carry the optional header with PTS/DTS (ISO 13818-1, table 2-22).
const hasPesHeader = (id: number) => id >= 0xbd && ![0xbe, 0xbf, 0xf0, 0xf1, 0xf2, 0xf8, 0xff].includes(id);

export interface TsTimestamp {
  pid: number;
  kind: 'pts' | 'dts' | 'pcr';
  value: number;
}

/** Visits every PCR, PTS and DTS field of an MPEG-TS buffer; `edit` may return a new value to write. */
function visitTs(b: Buffer, edit: (t: TsTimestamp) => number | void, writable: boolean): void {
  if (b.length % TS_PACKET !== 0) throw new Error(`MPEG-TS length ${b.length} is not a multiple of ${TS_PACKET}`);
  for (let p = 0; p < b.length; p += TS_PACKET) {
    if (b[p] !== TS_SYNC) throw new Error(`no MPEG-TS sync byte at ${p}`);
    const pid = ((b[p + 1]! & 0x1f) << 8) | b[p + 2]!;
    const unitStart = (b[p + 1]! & 0x40) !== 0;
    const control = (b[p + 3]! >> 4) & 0x03;
    let payload = p + 4;
    if (control & 0x02) {
      const length = b[p + 4]!;
      if (length > 0 && b[p + 5]! & 0x10 && length >= 7) {
        const next = edit({ pid, kind: 'pcr', value: readPcrBase(b, p + 6) });
        if (writable && next !== undefined) writePcrBase(b, p + 6, next);
      }
      payload = p + 5 + length;
    }
    if (!(control & 0x01) || !unitStart || payload + 14 > p + TS_PACKET) continue;
    // A PES header: start code, a stream id that carries the optional header, then PTS (and DTS).
    if (b[payload] !== 0 || b[payload + 1] !== 0 || b[payload + 2] !== 1) continue;
    const streamId = b[payload + 3]!;
    if (!hasPesHeader(streamId)) continue;
    const flags = b[payload + 7]! >> 6;
    const fields: Array<['pts' | 'dts', number]> = flags === 2 ? [['pts', payload + 9]] : flags === 3 ? [['pts', payload + 9], ['dts', payload + 14]] : [];
    for (const [kind, at] of fields) {
      if (at + 5 > p + TS_PACKET) break;
      const next = edit({ pid, kind, value: readPts(b, at) });
      if (writable && next !== undefined) writePts(b, at, next);
    }
  }
}

export function tsTimestamps(b: Buffer): TsTimestamp[] {
  const out: TsTimestamp[] = [];
  visitTs(b, (t) => void out.push(t), false);
  return out;
}

/** A copy of an MPEG-TS segment with every PCR, PTS and DTS moved by `ticks` (90 kHz), wrapping at 2^33. */
export function retimeTs(segment: Buffer, ticks: number): Buffer {
  const b = Buffer.from(segment);
  if (ticks !== 0) visitTs(b, (t) => t.value + ticks, true);
  return b;
}

// ---- fMP4 -------------------------------------------------------------------------------------------------

interface Box {
  type: string;
  start: number;
  /** Where the box's content begins (after size and type). */
  body: number;
  end: number;
}

function* children(b: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = b.readUInt32BE(at);
    let body = at + 8;
    if (size === 1) {
      size = Number(b.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < body - at || at + size > end) throw new Error(`MP4 box at ${at} has a bad size ${size}`);
    yield { type: b.toString('latin1', at + 4, at + 8), start: at, body, end: at + size };
    at += size;
  }
}

function child(b: Buffer, parent: Box, type: string): Box | undefined {
  for (const box of children(b, parent.body, parent.end)) if (box.type === type) return box;
  return undefined;
}

/** Track id → timescale, from an fMP4 init segment (moov/trak/tkhd and mdia/mdhd). */
export function trackTimescales(init: Buffer): Map<number, number> {
  const scales = new Map<number, number>();
  for (const moov of children(init, 0, init.length)) {
    if (moov.type !== 'moov') continue;
    for (const trak of children(init, moov.body, moov.end)) {
      if (trak.type !== 'trak') continue;
      const tkhd = child(init, trak, 'tkhd');
      const mdhd = (() => {
        const mdia = child(init, trak, 'mdia');
        return mdia && child(init, mdia, 'mdhd');
      })();
      if (!tkhd || !mdhd) throw new Error('an fMP4 init segment track lacks tkhd or mdhd');
      const id = init.readUInt32BE(tkhd.body + (init[tkhd.body] === 1 ? 20 : 12));
      const scale = init.readUInt32BE(mdhd.body + (init[mdhd.body] === 1 ? 20 : 12));
      if (scale === 0) throw new Error(`track ${id} has timescale 0`);
      scales.set(id, scale);
    }
  }
  if (scales.size === 0) throw new Error('no tracks in the fMP4 init segment (no moov/trak)');
  return scales;
}

function shiftField(b: Buffer, at: number, wide: boolean, by: number): void {
  if (wide) b.writeBigUInt64BE(b.readBigUInt64BE(at) + BigInt(by), at);
  else b.writeUInt32BE((b.readUInt32BE(at) + by) % 2 ** 32, at);
}

/** The decode times (tfdt) of each track in an fMP4 media segment. */
export function fmp4DecodeTimes(segment: Buffer): Array<{ trackId: number; time: bigint }> {
  const out: Array<{ trackId: number; time: bigint }> = [];
  for (const moof of children(segment, 0, segment.length)) {
    if (moof.type !== 'moof') continue;
    for (const traf of children(segment, moof.body, moof.end)) {
      const tfhd = traf.type === 'traf' ? child(segment, traf, 'tfhd') : undefined;
      const tfdt = traf.type === 'traf' ? child(segment, traf, 'tfdt') : undefined;
      if (!tfhd || !tfdt) continue;
      const wide = segment[tfdt.body] === 1;
      out.push({ trackId: segment.readUInt32BE(tfhd.body + 4), time: wide ? segment.readBigUInt64BE(tfdt.body + 4) : BigInt(segment.readUInt32BE(tfdt.body + 4)) });
    }
  }
  return out;
}

/** A copy of an fMP4 media segment with each track's tfdt (and sidx start) moved by `shiftMs` in its own timescale. */
export function retimeFmp4(segment: Buffer, shiftMs: number, timescales: Map<number, number>): Buffer {
  const b = Buffer.from(segment);
  if (shiftMs === 0) return b;
  const ticks = (trackId: number) => {
    const scale = timescales.get(trackId);
    if (scale === undefined) throw new Error(`fMP4 segment names track ${trackId}, which the init segment lacks`);
    return Math.round((shiftMs * scale) / 1000);
  };
  for (const box of children(b, 0, b.length)) {
    if (box.type === 'sidx') {
      // version, flags, reference_ID, timescale, earliest_presentation_time (32 or 64 bits)
      const scale = b.readUInt32BE(box.body + 8);
      shiftField(b, box.body + 12, b[box.body] === 1, Math.round((shiftMs * scale) / 1000));
    }
    if (box.type !== 'moof') continue;
    for (const traf of children(b, box.body, box.end)) {
      const tfhd = traf.type === 'traf' ? child(b, traf, 'tfhd') : undefined;
      const tfdt = traf.type === 'traf' ? child(b, traf, 'tfdt') : undefined;
      if (!tfhd || !tfdt) continue;
      shiftField(b, tfdt.body + 4, b[tfdt.body] === 1, ticks(b.readUInt32BE(tfhd.body + 4)));
    }
  }
  return b;
}
