// The drawing maths of every test pattern emits integer rectangles; the page only fills them.

/** A rectangle in panel px. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Fill (x, y, width, height) with `colour`; coordinates are relative to the drawn area's corner. */
export type EmitFill = (x: number, y: number, width: number, height: number, colour: string) => void;

/** Emit the part of a panel-px rectangle that falls in `area`, relative to the area's corner. */
export function clipTo(area: Area, emit: EmitFill) {
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  return (x: number, y: number, w: number, h: number, colour: string): void => {
    const x0 = Math.max(x, area.x);
    const y0 = Math.max(y, area.y);
    const x1 = Math.min(x + w, right);
    const y1 = Math.min(y + h, bottom);
    if (x1 > x0 && y1 > y0) emit(x0 - area.x, y0 - area.y, x1 - x0, y1 - y0, colour);
  };
}

/** Integer band boundaries splitting `length` px into `count` bands as evenly as pixels allow. */
export function bandEdges(length: number, count: number): number[] {
  return Array.from({ length: count + 1 }, (_, i) => Math.round((i * length) / count));
}

export function hex2(n: number): string {
  return Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0');
}

export const grey = (level: number): string => `#${hex2(level).repeat(3)}`;
