// The crosshatch test pattern, in panel coordinates (= canvas px from the panel's top-left corner):
// vertical lines at x = k·spacing, horizontal at y = k·spacing (k ≥ 0), and optionally diagonals at
// ±45° through the same grid points (x − y ≡ 0 and x + y ≡ 0 mod spacing). Each screen draws only its
// visible area, so a line crossing a seam continues at the same canvas coordinate on the next screen.

export interface CrosshatchSpec {
  spacing: number;
  lineWidth: number;
  diagonals: boolean;
}

/** A rectangle in panel px. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type EmitRect = (x: number, y: number, width: number, height: number) => void;

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** Grid positions k·spacing (k ≥ 0) whose line, [p, p + lineWidth), reaches into [from, to). */
export function linePositions(from: number, to: number, spacing: number, lineWidth: number): number[] {
  const out: number[] = [];
  for (let k = Math.max(0, Math.ceil((from - lineWidth + 1) / spacing)); k * spacing < to; k++) out.push(k * spacing);
  return out;
}

/** Emit every line rectangle that falls in `area`, in integer px relative to the area's corner. */
export function crosshatchRects(area: Area, spec: CrosshatchSpec, emit: EmitRect): void {
  const { spacing, lineWidth } = spec;
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  const clipped = (x: number, y: number, w: number, h: number) => {
    const x0 = Math.max(x, area.x);
    const y0 = Math.max(y, area.y);
    const x1 = Math.min(x + w, right);
    const y1 = Math.min(y + h, bottom);
    if (x1 > x0 && y1 > y0) emit(x0 - area.x, y0 - area.y, x1 - x0, y1 - y0);
  };
  for (const x of linePositions(area.x, right, spacing, lineWidth)) clipped(x, area.y, lineWidth, area.height);
  for (const y of linePositions(area.y, bottom, spacing, lineWidth)) clipped(area.x, y, area.width, lineWidth);
  if (!spec.diagonals) return;
  // Row by row: on row y, the "\" family sits at x ≡ y and the "/" family at x ≡ −y (mod spacing).
  const start = area.x - (lineWidth - 1);
  for (let y = area.y; y < bottom; y++) {
    for (const phase of [y, -y]) {
      for (let x = start + mod(phase - start, spacing); x < right; x += spacing) clipped(x, y, lineWidth, 1);
    }
  }
}
