import type { EdgesMm, Rect, Rotation, ScreenConfig, WallConfig } from './schema.js';

// Where each screen sits on the wall canvas (one continuous px space). With bezel compensation the
// frames between screens are hidden gaps in that space, so a straight line crossing a seam stays straight.

export interface ScreenViewport {
  screenId: string;
  rect: Rect;
  rotation: Rotation;
}
export interface WallCanvas {
  width: number;
  height: number;
  viewports: ScreenViewport[];
}
export interface GeometryIssue {
  path: (string | number)[];
  message: string;
}
export type Axis = 'x' | 'y';

const quarterTurn = (s: ScreenConfig): boolean => s.rotation === 90 || s.rotation === 270;

/** Pixel size on the wall after rotation. */
export function screenSizePx(screen: ScreenConfig): { width: number; height: number } {
  const { width, height } = screen.resolution;
  return quarterTurn(screen) ? { width: height, height: width } : { width, height };
}

/** Bezel edges as they sit on the wall. Rotation is clockwise: at 90° the native left edge is on top. */
export function screenBezelMm(screen: ScreenConfig): EdgesMm {
  const { top, right, bottom, left } = screen.bezelMm;
  switch (screen.rotation) {
    case 90: return { top: left, right: top, bottom: right, left: bottom };
    case 180: return { top: bottom, right: left, bottom: top, left: right };
    case 270: return { top: right, right: bottom, bottom: left, left: top };
    default: return { top, right, bottom, left };
  }
}

/** Millimetres per pixel along each wall axis, after rotation. */
export function screenPitchMm(screen: ScreenConfig): { x: number; y: number } {
  const x = screen.activeAreaMm.width / screen.resolution.width;
  const y = screen.activeAreaMm.height / screen.resolution.height;
  return quarterTurn(screen) ? { x: y, y: x } : { x, y };
}

/** Hidden gap in canvas px between `a` and `b`, where `b` is right of (x) or below (y) `a`. */
export function bezelGapPx(a: ScreenConfig, b: ScreenConfig, axis: Axis): number {
  const [far, near] = axis === 'x' ? [screenBezelMm(a).right, screenBezelMm(b).left] : [screenBezelMm(a).bottom, screenBezelMm(b).top];
  const pitch = (screenPitchMm(a)[axis] + screenPitchMm(b)[axis]) / 2;
  return Math.round((far + near) / pitch);
}

/** Start offsets of grid tracks (columns or rows) from their sizes and the gaps after each. */
function trackStarts(sizes: number[], gaps: number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  sizes.forEach((size, i) => {
    starts.push(at);
    at += size + (gaps[i] ?? 0);
  });
  return starts;
}

export function wallCanvas(wall: WallConfig, opts?: { bezelCompensation?: boolean }): WallCanvas {
  const compensate = opts?.bezelCompensation ?? wall.bezelCompensation;
  const cells = new Map<string, ScreenConfig>();
  let cols = 0;
  let rows = 0;
  for (const s of wall.screens) {
    if (!('row' in s.position)) continue;
    const key = `${s.position.row},${s.position.col}`;
    if (!cells.has(key)) cells.set(key, s); // a duplicate cell is reported by wallGeometryIssues
    cols = Math.max(cols, s.position.col + 1);
    rows = Math.max(rows, s.position.row + 1);
  }
  const cell = (r: number, c: number) => cells.get(`${r},${c}`);
  const colWidths = Array.from({ length: cols }, () => 0);
  const rowHeights = Array.from({ length: rows }, () => 0);
  const colGaps = Array.from({ length: cols }, () => 0);
  const rowGaps = Array.from({ length: rows }, () => 0);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const s = cell(r, c);
      if (!s) continue;
      const size = screenSizePx(s);
      colWidths[c] = Math.max(colWidths[c] ?? 0, size.width);
      rowHeights[r] = Math.max(rowHeights[r] ?? 0, size.height);
      if (!compensate) continue;
      const right = cell(r, c + 1);
      const below = cell(r + 1, c);
      if (right) colGaps[c] = Math.max(colGaps[c] ?? 0, bezelGapPx(s, right, 'x'));
      if (below) rowGaps[r] = Math.max(rowGaps[r] ?? 0, bezelGapPx(s, below, 'y'));
    }
  }
  const colX = trackStarts(colWidths, colGaps);
  const rowY = trackStarts(rowHeights, rowGaps);

  const viewports = wall.screens.map((s): ScreenViewport => {
    const size = screenSizePx(s);
    // Explicit {x, y} is used as written: the technician has already left room for bezels.
    const at = 'row' in s.position ? { x: colX[s.position.col] ?? 0, y: rowY[s.position.row] ?? 0 } : s.position;
    return { screenId: s.id, rect: { x: at.x, y: at.y, ...size }, rotation: s.rotation };
  });
  const width = Math.max(0, ...viewports.map((v) => v.rect.x + v.rect.width));
  const height = Math.max(0, ...viewports.map((v) => v.rect.y + v.rect.height));
  return { width, height, viewports };
}

/** Intersection of two rects, or null when they do not overlap (touching edges do not overlap). */
export function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return intersect(a, b) !== null;
}

export interface PanelInViewport<P> {
  panel: P;
  /** Panel rect relative to the viewport origin; may start negative or extend past the viewport. */
  local: Rect;
  /** The part of the panel this viewport shows, in viewport-local coordinates. */
  visible: Rect;
}

/** Panels a screen shows, bottom first (by z, then layout order). */
export function panelsInViewport<P extends { rect: Rect; z?: number }>(panels: readonly P[], viewport: Rect): PanelInViewport<P>[] {
  const shown: (PanelInViewport<P> & { order: number })[] = [];
  panels.forEach((panel, order) => {
    const hit = intersect(panel.rect, viewport);
    if (!hit) return;
    const local = { ...panel.rect, x: panel.rect.x - viewport.x, y: panel.rect.y - viewport.y };
    const visible = { ...hit, x: hit.x - viewport.x, y: hit.y - viewport.y };
    shown.push({ panel, local, visible, order });
  });
  shown.sort((a, b) => (a.panel.z ?? 0) - (b.panel.z ?? 0) || a.order - b.order);
  return shown.map(({ panel, local, visible }) => ({ panel, local, visible }));
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/** Mistakes in a wall the schema cannot see: clashes between screens, and sizes that disagree. */
export function wallGeometryIssues(wall: WallConfig): GeometryIssue[] {
  const issues: GeometryIssue[] = [];
  const screens = wall.screens;
  const firstById = new Map<string, number>();
  const firstByNumber = new Map<number, number>();
  const firstByCell = new Map<string, number>();
  screens.forEach((s, i) => {
    const sameId = firstById.get(s.id);
    if (sameId !== undefined) {
      issues.push({ path: ['screens', i, 'id'], message: `screens[${sameId}] and screens[${i}] both have id "${s.id}"; give each screen its own id` });
    } else firstById.set(s.id, i);
    if (s.number !== undefined) {
      const other = firstByNumber.get(s.number);
      if (other !== undefined) {
        issues.push({ path: ['screens', i, 'number'], message: `screens ${screens[other]?.id} and ${s.id} both have number ${s.number}; give each screen its own number` });
      } else firstByNumber.set(s.number, i);
    }
    const p = s.position;
    if ('row' in p) {
      const key = `${p.row},${p.col}`;
      const other = firstByCell.get(key);
      if (other !== undefined) {
        issues.push({ path: ['screens', i, 'position'], message: `screens ${screens[other]?.id} and ${s.id} both use grid cell row ${p.row}, col ${p.col}; give each screen its own cell` });
      } else firstByCell.set(key, i);
    } else if (p.x < 0 || p.y < 0) {
      issues.push({ path: ['screens', i, 'position'], message: `screen ${s.id} is at (${p.x}, ${p.y}); the canvas starts at (0, 0), so use x and y of 0 or more` });
    }
    const pixelAspect = screenPitchMm(s).x / screenPitchMm(s).y;
    if (Math.abs(pixelAspect - 1) > 0.05) {
      const { width, height } = s.resolution;
      issues.push({
        path: ['screens', i, 'activeAreaMm'],
        message: `screen ${s.id}: ${width}×${height} px over ${s.activeAreaMm.width}×${s.activeAreaMm.height} mm gives pixels ${fmt(pixelAspect)} times wider than tall; activeAreaMm is the lit picture area in the screen's native (unrotated) orientation — check it against the datasheet`,
      });
    }
  });

  // Explicit positions do not move with compensation, grid screens do: check both settings.
  const overlaps = new Map<string, { i: number; j: number; modes: string[] }>();
  for (const compensation of [true, false]) {
    const { viewports } = wallCanvas(wall, { bezelCompensation: compensation });
    for (let i = 0; i < screens.length; i++) {
      for (let j = i + 1; j < screens.length; j++) {
        const [a, b, va, vb] = [screens[i], screens[j], viewports[i], viewports[j]];
        if (!a || !b || !va || !vb || ('row' in a.position && 'row' in b.position)) continue;
        if (!rectsOverlap(va.rect, vb.rect)) continue;
        const entry = overlaps.get(`${i},${j}`) ?? { i, j, modes: [] };
        entry.modes.push(compensation ? 'on' : 'off');
        overlaps.set(`${i},${j}`, entry);
      }
    }
  }
  for (const { i, j, modes } of overlaps.values()) {
    const [a, b] = [screens[i], screens[j]];
    if (!a || !b) continue;
    const when = modes.length === 1 ? ` when bezel compensation is ${modes[0]}` : '';
    issues.push({ path: ['screens', j, 'position'], message: `screens ${a.id} and ${b.id} overlap on the canvas${when}; move ${b.id} so the two do not cover the same pixels` });
  }

  for (let i = 0; i < screens.length; i++) {
    for (let j = i + 1; j < screens.length; j++) {
      const [da, db] = [screens[i]?.display, screens[j]?.display];
      if (!da || !db || da.id !== db.id) continue;
      if (da.rect && db.rect && !rectsOverlap(da.rect, db.rect)) continue;
      issues.push({
        path: ['screens', j, 'display'],
        message: `screens ${screens[i]?.id} and ${screens[j]?.id} both show display ${da.id}; assign another display, or give each a separate display.rect on a Mosaic/Eyefinity display`,
      });
    }
  }
  return issues;
}
