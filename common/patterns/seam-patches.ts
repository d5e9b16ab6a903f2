import type { PatternOf } from '../panels/pattern.js';
import type { Rect } from '../wall/schema.js';
import { clipTo, grey, type Area, type EmitFill } from './fills.js';

// Matching neighbours by eye: along every seam, square patches of one colour sit on both sides, edge
// to edge with the seam, so the two halves of each patch are seen side by side.

export const SEAM_PATCH_COLOURS = [grey(255), grey(191), grey(128), grey(64), '#ff0000', '#00ff00', '#0000ff'] as const;

export interface Seam {
  /** 'x': b is right of a (a vertical seam); 'y': b is below a. */
  axis: 'x' | 'y';
  a: number;
  b: number;
  /** Where the two screens face each other, along the seam: [from, to) in canvas px. */
  from: number;
  to: number;
}

export interface Patch {
  rect: Rect;
  colour: string;
  seam: number;
  /** Which of the seam's two screens this half is on. */
  side: 'a' | 'b';
}

/** Pairs of screens facing each other across a gap narrower than half a screen. */
export function findSeams(screens: readonly Rect[]): Seam[] {
  const seams: Seam[] = [];
  screens.forEach((a, i) => {
    screens.forEach((b, j) => {
      if (i === j) return;
      const gapX = b.x - (a.x + a.width);
      const gapY = b.y - (a.y + a.height);
      const alongY = [Math.max(a.y, b.y), Math.min(a.y + a.height, b.y + b.height)] as const;
      const alongX = [Math.max(a.x, b.x), Math.min(a.x + a.width, b.x + b.width)] as const;
      if (gapX >= 0 && gapX < Math.min(a.width, b.width) / 2 && alongY[1] > alongY[0]) seams.push({ axis: 'x', a: i, b: j, from: alongY[0], to: alongY[1] });
      if (gapY >= 0 && gapY < Math.min(a.height, b.height) / 2 && alongX[1] > alongX[0]) seams.push({ axis: 'y', a: i, b: j, from: alongX[0], to: alongX[1] });
    });
  });
  // A screen with two neighbours to its right (say) would pair with the far one too: keep the nearest.
  return seams.filter((s) => !seams.some((t) => t !== s && t.axis === s.axis && t.a === s.a && t.from < s.to && s.from < t.to && start(screens, t) < start(screens, s)));
}

const start = (screens: readonly Rect[], s: Seam): number => (s.axis === 'x' ? screens[s.b]!.x : screens[s.b]!.y);

/**
 * The patches of every seam, in canvas px. They keep one patch size away from both ends of a seam, so
 * the patches of a vertical and a horizontal seam never meet at a corner where four screens touch.
 */
export function seamPatches(screens: readonly Rect[], size: number): Patch[] {
  const patches: Patch[] = [];
  findSeams(screens).forEach((seam, index) => {
    const a = screens[seam.a]!;
    const b = screens[seam.b]!;
    const from = seam.from + size;
    const span = seam.to - size - from;
    const count = SEAM_PATCH_COLOURS.length;
    const p = Math.min(size, Math.floor((span / count) * 0.8));
    if (p < 4) return;
    SEAM_PATCH_COLOURS.forEach((colour, k) => {
      const at = from + Math.round(((k + 0.5) * span) / count - p / 2);
      const [ra, rb] =
        seam.axis === 'x'
          ? [{ x: a.x + a.width - p, y: at, width: p, height: p }, { x: b.x, y: at, width: p, height: p }]
          : [{ x: at, y: a.y + a.height - p, width: p, height: p }, { x: at, y: b.y, width: p, height: p }];
      patches.push({ rect: ra, colour, seam: index, side: 'a' }, { rect: rb, colour, seam: index, side: 'b' });
    });
  });
  return patches;
}

/** The pattern on a panel whose corner is at `origin` on the canvas. */
export function seamPatchFills(
  size: { width: number; height: number },
  origin: { x: number; y: number },
  screens: readonly Rect[],
  spec: PatternOf<'seam-patches'>,
  area: Area,
  emit: EmitFill,
): void {
  const put = clipTo(area, emit);
  put(0, 0, size.width, size.height, spec.background);
  for (const { rect, colour } of seamPatches(screens, spec.size)) put(rect.x - origin.x, rect.y - origin.y, rect.width, rect.height, colour);
}
