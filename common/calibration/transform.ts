import type { Rotation } from '../wall/schema.js';

// Where a screen's slice of the wall lands in its window. Offset and overscan are in the screen's
// pixels as seen on the wall (x right, y down, whatever the content rotation), so they are applied to
// the upright picture first; then the picture is turned for a display the OS does not rotate, then
// scaled to fit the window (1 when the window has the screen's resolution).

/** CSS/canvas 2D affine matrix: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface ScreenTransformInput {
  /** The window's inner size (CSS px). */
  window: Size;
  /** The screen's slice of the wall canvas (canvas px = screen px), upright. */
  content: Size;
  offset: { x: number; y: number };
  overscan: { x: number; y: number };
  rotation: Rotation;
}

export const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/** m · n: apply n first, then m. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  };
}

export const scaling = (sx: number, sy: number = sx): Matrix => ({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 });
export const translation = (x: number, y: number): Matrix => ({ a: 1, b: 0, c: 0, d: 1, e: x, f: y });

/** Turn a width × height picture clockwise, keeping it in the positive quadrant. */
export function rotationMatrix(rotation: Rotation, size: Size): Matrix {
  const { width: w, height: h } = size;
  switch (rotation) {
    case 90: return { a: 0, b: 1, c: -1, d: 0, e: h, f: 0 };
    case 180: return { a: -1, b: 0, c: 0, d: -1, e: w, f: h };
    case 270: return { a: 0, b: -1, c: 1, d: 0, e: 0, f: w };
    default: return { ...IDENTITY };
  }
}

export const quarterTurn = (rotation: Rotation): boolean => rotation === 90 || rotation === 270;

/** The picture's size in the window's frame before scaling, after the content rotation. */
export function turnedSize(content: Size, rotation: Rotation): Size {
  return quarterTurn(rotation) ? { width: content.height, height: content.width } : { ...content };
}

/** Uniform scale that fits the turned picture into the window, from its top-left corner. */
export function fitScale(input: Pick<ScreenTransformInput, 'window' | 'content' | 'rotation'>): number {
  const turned = turnedSize(input.content, input.rotation);
  return Math.min(input.window.width / turned.width, input.window.height / turned.height);
}

export function screenTransform(input: ScreenTransformInput): Matrix {
  const { content, offset, overscan, rotation } = input;
  // The panel hides `overscan` px at each edge: shrink the picture into what stays visible.
  const kx = (content.width - 2 * overscan.x) / content.width;
  const ky = (content.height - 2 * overscan.y) / content.height;
  const upright = multiply(translation(overscan.x + offset.x, overscan.y + offset.y), scaling(kx, ky));
  const turned = multiply(rotationMatrix(rotation, content), upright);
  return clean(multiply(scaling(fitScale(input)), turned));
}

export function applyMatrix(m: Matrix, x: number, y: number): { x: number; y: number } {
  return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
}

export const isIdentity = (m: Matrix): boolean => m.a === 1 && m.b === 0 && m.c === 0 && m.d === 1 && m.e === 0 && m.f === 0;

export function cssMatrix(m: Matrix): string {
  return `matrix(${m.a}, ${m.b}, ${m.c}, ${m.d}, ${m.e}, ${m.f})`;
}

// -0 and 1e-17 noise (from sin/cos-free but still floating arithmetic) would make equal transforms
// print differently; keep everything else exact.
function clean(m: Matrix): Matrix {
  const r = (v: number) => (Math.abs(v) < 1e-12 ? 0 : v);
  return { a: r(m.a), b: r(m.b), c: r(m.c), d: r(m.d), e: r(m.e), f: r(m.f) };
}
