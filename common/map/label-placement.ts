// Where map labels go, so that none covers another: labels are placed in order of priority (ties in
// the order given), each at the first of its anchors whose box is free and inside the panel; a label
// with no free anchor is not drawn. A label is one string ("Ái Nghĩa 7,48 m"), so a value never drifts
// away from its name. Pixels are the panel's own (projectInPanel), the same on every screen it spans.

/** Where a label sits against its point: beside a marker (below, above, right, left) or on it (center). */
export type LabelAnchor = 'below' | 'above' | 'right' | 'left' | 'center';

export interface LabelCandidate {
  /** The label's point in panel px. */
  x: number;
  y: number;
  /** The text's box, px. */
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
  /** Tried in order; the first free one wins. */
  anchors: readonly LabelAnchor[];
  /** Gap between the point and a beside-anchored box (a marker's radius and a little), px. */
  gap: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel {
  /** Index of the candidate. */
  index: number;
  anchor: LabelAnchor;
  box: Box;
}

export interface PlacementArea {
  width: number;
  height: number;
  /** Space kept free around every label, px. */
  padding?: number;
  /** Boxes no label may cover (markers). */
  obstacles?: readonly Box[];
}

export function anchorBox(c: Pick<LabelCandidate, 'x' | 'y' | 'width' | 'height' | 'gap'>, anchor: LabelAnchor): Box {
  const { x, y, width: w, height: h, gap } = c;
  switch (anchor) {
    case 'below':
      return { x: x - w / 2, y: y + gap, width: w, height: h };
    case 'above':
      return { x: x - w / 2, y: y - gap - h, width: w, height: h };
    case 'right':
      return { x: x + gap, y: y - h / 2, width: w, height: h };
    case 'left':
      return { x: x - gap - w, y: y - h / 2, width: w, height: h };
    case 'center':
      return { x: x - w / 2, y: y - h / 2, width: w, height: h };
  }
}

export function overlaps(a: Box, b: Box, padding = 0): boolean {
  return a.x < b.x + b.width + padding && b.x < a.x + a.width + padding && a.y < b.y + b.height + padding && b.y < a.y + a.height + padding;
}

const CELL = 128;

/** Boxes bucketed in CELL-px cells, so a test looks only at boxes nearby. */
class BoxGrid {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly padding: number) {}

  add(b: Box): void {
    this.visit(b, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
      return false;
    });
  }

  hits(b: Box): boolean {
    return this.visit(b, (key) => this.cells.get(key)?.some((o) => overlaps(b, o, this.padding)) ?? false);
  }

  private visit(b: Box, f: (key: number) => boolean): boolean {
    const p = this.padding;
    const x0 = Math.floor((b.x - p) / CELL);
    const x1 = Math.floor((b.x + b.width + p) / CELL);
    const y0 = Math.floor((b.y - p) / CELL);
    const y1 = Math.floor((b.y + b.height + p) / CELL);
    for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) if (f(cy * 100_003 + cx)) return true;
    return false;
  }
}

/** The labels to draw and where (see the top of this file). A few thousand candidates place in milliseconds. */
export function placeLabels(candidates: readonly LabelCandidate[], area: PlacementArea): PlacedLabel[] {
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b]!.priority - candidates[a]!.priority || a - b);
  const shown = new BoxGrid(area.padding ?? 0);
  const markers = new BoxGrid(0);
  for (const o of area.obstacles ?? []) markers.add(o);
  const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.width <= area.width && b.y + b.height <= area.height;

  const placed: PlacedLabel[] = [];
  for (const index of order) {
    const c = candidates[index]!;
    if (!(c.width > 0 && c.height > 0 && Number.isFinite(c.x) && Number.isFinite(c.y))) continue;
    for (const anchor of c.anchors) {
      const box = anchorBox(c, anchor);
      if (!inside(box) || shown.hits(box) || markers.hits(box)) continue;
      shown.add(box);
      placed.push({ index, anchor, box });
      break;
    }
  }
  return placed;
}
