import type { WallCanvas } from '../wall/geometry.js';
import type { Rect } from '../wall/schema.js';

// Snapping for the layout editor, in canvas px. Targets are screen edges (with bezel compensation
// these are also the bezel lines: each seam has the edge of the screen on either side of its gap),
// the canvas border and a grid. A moved rect snaps its nearest edge per axis; a resized rect snaps
// only the edges being dragged.

export type SnapKind = 'screen' | 'grid' | 'panel';
export interface SnapLine {
  at: number;
  kind: SnapKind;
}
export interface SnapTargets {
  x: SnapLine[];
  y: SnapLine[];
}
export interface SnapOptions {
  /** Grid spacing in canvas px; 0 for none. */
  grid: number;
  /** How far (canvas px) an edge may be from a line and still snap to it. */
  threshold: number;
}
export type Edge = 'left' | 'right' | 'top' | 'bottom';

/** Screen edges (with the canvas border) and, when `grid` > 0, grid lines across the canvas. */
export function snapTargets(canvas: WallCanvas, grid: number, others: readonly Rect[] = []): SnapTargets {
  const x = new Map<number, SnapKind>();
  const y = new Map<number, SnapKind>();
  const add = (map: Map<number, SnapKind>, at: number, kind: SnapKind) => {
    // A screen edge outranks a panel edge outranks a grid line at the same place.
    const rank = { screen: 3, panel: 2, grid: 1 } as const;
    const had = map.get(at);
    if (!had || rank[kind] > rank[had]) map.set(at, kind);
  };
  if (grid > 0) {
    for (let at = 0; at <= canvas.width; at += grid) add(x, at, 'grid');
    for (let at = 0; at <= canvas.height; at += grid) add(y, at, 'grid');
  }
  for (const r of others) {
    add(x, r.x, 'panel');
    add(x, r.x + r.width, 'panel');
    add(y, r.y, 'panel');
    add(y, r.y + r.height, 'panel');
  }
  add(x, 0, 'screen');
  add(y, 0, 'screen');
  add(x, canvas.width, 'screen');
  add(y, canvas.height, 'screen');
  for (const v of canvas.viewports) {
    add(x, v.rect.x, 'screen');
    add(x, v.rect.x + v.rect.width, 'screen');
    add(y, v.rect.y, 'screen');
    add(y, v.rect.y + v.rect.height, 'screen');
  }
  const sorted = (m: Map<number, SnapKind>) => [...m].map(([at, kind]) => ({ at, kind })).sort((a, b) => a.at - b.at);
  return { x: sorted(x), y: sorted(y) };
}

/** The line nearest to any of `edges` within the threshold; screen lines win over grid lines at equal distance. */
function nearest(edges: number[], lines: readonly SnapLine[], threshold: number): { delta: number; line: SnapLine } | null {
  let best: { delta: number; line: SnapLine } | null = null;
  for (const edge of edges) {
    for (const line of lines) {
      const delta = line.at - edge;
      if (Math.abs(delta) > threshold) continue;
      const better = !best || Math.abs(delta) < Math.abs(best.delta) || (Math.abs(delta) === Math.abs(best.delta) && line.kind === 'screen' && best.line.kind !== 'screen');
      if (better) best = { delta, line };
    }
  }
  return best;
}

export interface Snapped {
  rect: Rect;
  /** The lines the rect now touches, for drawing guides. */
  guides: { x: SnapLine | null; y: SnapLine | null };
}

/** Snap a moved rect: keeps its size, shifts it so its nearest edge per axis lands on a line. */
export function snapMove(rect: Rect, targets: SnapTargets, threshold: number): Snapped {
  const sx = nearest([rect.x, rect.x + rect.width], targets.x, threshold);
  const sy = nearest([rect.y, rect.y + rect.height], targets.y, threshold);
  return {
    rect: { ...rect, x: rect.x + (sx?.delta ?? 0), y: rect.y + (sy?.delta ?? 0) },
    guides: { x: sx?.line ?? null, y: sy?.line ?? null },
  };
}

/** Snap a resized rect: only the dragged edges move; the size never drops below `min`. */
export function snapResize(rect: Rect, edges: readonly Edge[], targets: SnapTargets, threshold: number, min = 16): Snapped {
  let { x, y, width, height } = rect;
  let gx: SnapLine | null = null;
  let gy: SnapLine | null = null;
  const lead = (edge: 'left' | 'top') => edges.includes(edge);
  const trail = (edge: 'right' | 'bottom') => edges.includes(edge);
  // The leading edge (left, top) moves the origin and shrinks the size; the trailing one grows it.
  const sx = lead('left') ? nearest([x], targets.x, threshold) : trail('right') ? nearest([x + width], targets.x, threshold) : null;
  if (sx) {
    const w = lead('left') ? width - sx.delta : width + sx.delta;
    if (w >= min) {
      if (lead('left')) x += sx.delta;
      width = w;
      gx = sx.line;
    }
  }
  const sy = lead('top') ? nearest([y], targets.y, threshold) : trail('bottom') ? nearest([y + height], targets.y, threshold) : null;
  if (sy) {
    const h = lead('top') ? height - sy.delta : height + sy.delta;
    if (h >= min) {
      if (lead('top')) y += sy.delta;
      height = h;
      gy = sy.line;
    }
  }
  return { rect: { x, y, width, height }, guides: { x: gx, y: gy } };
}
