// What a page really showed, frame by frame: Chromium's screencast (CDP Page.startScreencast) sends the
// frames its compositor produced, each with its time, whether or not the page's main thread ran. The
// switch benchmark reads from them when each screen showed the new layout, instead of trusting the
// page's own account. Frames come as tiny PNGs, decoded here to grey thumbnails.
import zlib from 'node:zlib';
import type { CDPSession, Page } from '@playwright/test';

export const THUMB = { width: 64, height: 36 };

export interface Thumb {
  width: number;
  height: number;
  grey: Uint8Array;
}

export interface Frame extends Thumb {
  /** When the compositor produced it, in ms since the epoch. */
  at: number;
}

/** A PNG (8-bit RGB or RGBA, not interlaced, as Chromium writes them) as grey levels, row by row. */
export function greyThumb(png: Buffer): Thumb {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const colourType = body[9];
      if (body[8] !== 8 || (colourType !== 2 && colourType !== 6) || body[12] !== 0) throw new Error(`screencast PNG not 8-bit RGB(A): depth ${body[8]}, colour ${colourType}`);
      channels = colourType === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const grey = new Uint8Array(width * height);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = previous[i]!;
      const c = i >= channels ? previous[i - channels]! : 0;
      line[i] = (line[i]! + predict(filter, a, b, c)) & 255;
    }
    for (let x = 0; x < width; x++) {
      const p = x * channels;
      grey[y * width + x] = Math.round(0.299 * line[p]! + 0.587 * line[p + 1]! + 0.114 * line[p + 2]!);
    }
    previous = line;
  }
  return { width, height, grey };
}

function predict(filter: number, a: number, b: number, c: number): number {
  if (filter === 0) return 0;
  if (filter === 1) return a;
  if (filter === 2) return b;
  if (filter === 3) return (a + b) >> 1;
  const pa = Math.abs(b - c);
  const pb = Math.abs(a - c);
  const pc = Math.abs(a + b - 2 * c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Mean absolute difference of two thumbnails, in grey levels (0–255). */
export function distance(a: Thumb, b: Thumb): number {
  if (a.grey.length !== b.grey.length) return 255;
  let sum = 0;
  for (let i = 0; i < a.grey.length; i++) sum += Math.abs(a.grey[i]! - b.grey[i]!);
  return sum / a.grey.length;
}

/** Records one page's frames between start() and stop(); times in ms since the epoch (this machine's clock). */
export class ScreenWatch {
  private frames: { at: number; png: Buffer }[] = [];

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Page.screencastFrame', (frame) => {
      // A frame without its time cannot be placed; Chromium gives one with every frame.
      if (frame.metadata.timestamp !== undefined) this.frames.push({ at: frame.metadata.timestamp * 1000, png: Buffer.from(frame.data, 'base64') });
      // Unacknowledged, the screencast stops sending.
      cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
    });
  }

  static async open(page: Page): Promise<ScreenWatch> {
    return new ScreenWatch(await page.context().newCDPSession(page));
  }

  async start(): Promise<void> {
    this.frames = [];
    await this.cdp.send('Page.startScreencast', { format: 'png', maxWidth: THUMB.width, maxHeight: THUMB.height, everyNthFrame: 1 });
  }

  /** The frames since start(), decoded, oldest first. */
  async stop(): Promise<Frame[]> {
    await this.cdp.send('Page.stopScreencast');
    return this.frames.map((f) => ({ at: f.at, ...greyThumb(f.png) })).sort((a, b) => a.at - b.at);
  }
}

/**
 * When the page first showed the new layout: the first frame after `since` closer to `after` (how the page
 * looked once settled) than to `before` (how it looked before the switch), with every later frame too.
 * null when the two looks are too alike to tell apart (`minApart` grey levels).
 */
export function firstShown(frames: readonly Frame[], before: Thumb, after: Thumb, since: number, minApart = 4): number | null {
  if (distance(before, after) < minApart) return null;
  let shown: number | null = null;
  for (const f of frames) {
    if (f.at < since) continue;
    const isNew = distance(f, after) < distance(f, before);
    if (isNew && shown === null) shown = f.at;
    else if (!isNew) shown = null;
  }
  return shown;
}
