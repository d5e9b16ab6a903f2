import { describe, expect, it } from 'vitest';
import { crosshatchRects, linePositions, type Area, type CrosshatchSpec } from '../../../common/patterns/crosshatch.js';

// An independent statement of the pattern: a pixel is on a line when its panel coordinate lies within
// lineWidth after a multiple of the spacing (vertical, horizontal, or along x − y / x + y).
const mod = (a: number, m: number) => ((a % m) + m) % m;
function expectedOn(x: number, y: number, { spacing, lineWidth, diagonals }: CrosshatchSpec): boolean {
  const near = (v: number) => mod(v, spacing) < lineWidth;
  return near(x) || near(y) || (diagonals && (near(x - y) || near(x + y)));
}

/** Rasterise what crosshatchRects emits for `area` into rows of 0/1, indexed from the area's corner. */
function raster(area: Area, spec: CrosshatchSpec): number[][] {
  const rows = Array.from({ length: area.height }, () => Array.from({ length: area.width }, () => 0));
  crosshatchRects(area, spec, (x, y, w, h) => {
    expect(Number.isInteger(x) && Number.isInteger(y) && w > 0 && h > 0).toBe(true);
    expect(x >= 0 && y >= 0 && x + w <= area.width && y + h <= area.height).toBe(true);
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) rows[j]![i] = 1;
  });
  return rows;
}

const demo: CrosshatchSpec = { spacing: 120, lineWidth: 1, diagonals: true };

describe('crosshatch lines', () => {
  it('puts grid lines at k·spacing from the panel corner, starting at k = 0', () => {
    expect(linePositions(0, 500, 120, 1)).toEqual([0, 120, 240, 360, 480]);
    // A2 with bezel compensation starts at canvas x = 1926: first line at 2040, i.e. local 114.
    expect(linePositions(1926, 1926 + 1920, 120, 1).map((x) => x - 1926).slice(0, 3)).toEqual([114, 234, 354]);
    // Without compensation A2 starts at 1920, on a line.
    expect(linePositions(1920, 3840, 120, 1).map((x) => x - 1920).slice(0, 3)).toEqual([0, 120, 240]);
    // A thick line that starts just before the area still reaches into it.
    expect(linePositions(121, 300, 120, 3)).toEqual([120, 240]);
    expect(linePositions(123, 300, 120, 3)).toEqual([240]);
  });

  it('draws exactly the pixels of the pattern in any area, thin or thick, with or without diagonals', () => {
    const areas: Area[] = [
      { x: 0, y: 0, width: 250, height: 130 },
      { x: 1900, y: 1070, width: 40, height: 33 },
      { x: 1926, y: 397, width: 61, height: 47 },
    ];
    const specs: CrosshatchSpec[] = [demo, { spacing: 120, lineWidth: 3, diagonals: true }, { spacing: 50, lineWidth: 1, diagonals: false }];
    for (const spec of specs) {
      for (const area of areas) {
        const got = raster(area, spec);
        const want = got.map((row, j) => row.map((_, i) => (expectedOn(area.x + i, area.y + j, spec) ? 1 : 0)));
        expect(got, `${JSON.stringify(spec)} ${JSON.stringify(area)}`).toEqual(want);
      }
    }
  });

  it('continues a line across a seam at the same canvas coordinate, skipping the hidden gap', () => {
    // A1 ends at canvas x = 1919; A2 starts at 1926 (6 px hidden in the bezels).
    const a1 = raster({ x: 1800, y: 400, width: 120, height: 200 }, demo);
    const a2 = raster({ x: 1926, y: 400, width: 120, height: 200 }, demo);
    // The "\" diagonal through (1920, 480) leaves A1's last column (x 1919) at y 479 ...
    expect(a1[479 - 400]![119]).toBe(1);
    // ... and crosses A2's second column (x 1927) at y 487, 8 rows down, not at y 481 where it would
    // be if A2 ignored the gap.
    expect(a2[487 - 400]![1]).toBe(1);
    expect(a2[481 - 400]![1]).toBe(0);
  });

  it('emits nothing for an area outside the lines and handles areas far from the origin', () => {
    expect(raster({ x: 1, y: 1, width: 10, height: 10 }, { spacing: 120, lineWidth: 1, diagonals: false }).flat().some(Boolean)).toBe(false);
    const area = { x: 100_001, y: 50_003, width: 130, height: 130 };
    const far = raster(area, demo);
    expect(far.flat().filter(Boolean).length).toBeGreaterThan(500);
    expect(far.map((row, j) => row.map((_, i) => (expectedOn(area.x + i, area.y + j, demo) ? 1 : 0)))).toEqual(far);
  });
});
