import type { PatternOf } from '../panels/pattern.js';
import type { Area } from './fills.js';

// A checkerboard in panel coordinates, written straight into RGBA pixels: a 1-px board on a 4K screen
// is millions of squares, far too many to fill one by one.

/** Whether panel pixel (x, y) takes colour A (the square at the panel's corner is A). */
export function isCellA(x: number, y: number, cell: number): boolean {
  return (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0;
}

export function parseHex(hex: string): [number, number, number] {
  const h = hex.slice(1);
  const full = h.length === 3 || h.length === 4 ? [...h.slice(0, 3)].map((c) => c + c).join('') : h.slice(0, 6);
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** RGBA pixels of `area` (row by row, opaque). */
export function checkerboardPixels(area: Area, spec: PatternOf<'checkerboard'>): Uint8ClampedArray<ArrayBuffer> {
  const a = parseHex(spec.colorA);
  const b = parseHex(spec.colorB);
  const out = new Uint8ClampedArray(new ArrayBuffer(area.width * area.height * 4));
  for (let row = 0; row < area.height; row++) {
    const y = area.y + row;
    for (let col = 0; col < area.width; col++) {
      const c = isCellA(area.x + col, y, spec.cell) ? a : b;
      const i = (row * area.width + col) * 4;
      out[i] = c[0];
      out[i + 1] = c[1];
      out[i + 2] = c[2];
      out[i + 3] = 255;
    }
  }
  return out;
}
