import { describe, expect, it } from 'vitest';
import { patternProps, type PatternProps } from '../../../common/panels/pattern.js';
import { barColours, rampLevels } from '../../../common/patterns/bands.js';
import { checkerboardPixels, isCellA } from '../../../common/patterns/checkerboard.js';
import { patternFills, type FillPattern, type PatternContext } from '../../../common/patterns/draw.js';
import { bandEdges, type Area } from '../../../common/patterns/fills.js';
import { movingBarStart } from '../../../common/patterns/moving-bar.js';
import { findSeams, SEAM_PATCH_COLOURS, seamPatches } from '../../../common/patterns/seam-patches.js';
import { rectsOverlap } from '../../../common/wall/geometry.js';

const parse = (v: unknown) => patternProps.parse(v) as PatternProps;

/** Paint `area` into a grid of colours by the emitted fills (later fills cover earlier ones). */
function paint(pattern: FillPattern, context: PatternContext, area: Area): string[][] {
  const grid = Array.from({ length: area.height }, () => Array.from({ length: area.width }, () => ''));
  patternFills(pattern, context, area, (x, y, w, h, colour) => {
    expect(Number.isInteger(x) && Number.isInteger(y) && Number.isInteger(w) && Number.isInteger(h), 'integer fills').toBe(true);
    expect(x >= 0 && y >= 0 && x + w <= area.width && y + h <= area.height, 'fills stay in the area').toBe(true);
    for (let r = y; r < y + h; r++) for (let c = x; c < x + w; c++) grid[r]![c] = colour;
  });
  return grid;
}
const ctx = (width: number, height: number, extra: Partial<PatternContext> = {}): PatternContext => ({ size: { width, height }, origin: { x: 0, y: 0 }, screens: [], timeMs: 0, ...extra });

describe('pattern props', () => {
  it('default to the crosshatch when a layout gives no kind, and refuse unknown kinds at .kind', () => {
    expect(parse({}).kind).toBe('crosshatch');
    expect(parse({ kind: 'grey-ramp' })).toEqual({ kind: 'grey-ramp', steps: 11, direction: 'horizontal' });
    const bad = patternProps.safeParse({ kind: 'zebra' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['kind']);
    expect(patternProps.safeParse({ kind: 'solid', spacing: 4 }).success).toBe(false);
  });
});

describe('bands', () => {
  it('split a length into even integer bands that tile it', () => {
    expect(bandEdges(1920, 8)).toEqual([0, 240, 480, 720, 960, 1200, 1440, 1680, 1920]);
    expect(bandEdges(10, 3)).toEqual([0, 3, 7, 10]);
  });

  it('colour bars: white, yellow, cyan, green, magenta, red, blue, black at 75 or 100 %', () => {
    expect(barColours(100)).toEqual(['#ffffff', '#ffff00', '#00ffff', '#00ff00', '#ff00ff', '#ff0000', '#0000ff', '#000000']);
    expect(barColours(75)[0]).toBe('#bfbfbf');
    const grid = paint(parse({ kind: 'colour-bars' }) as FillPattern, ctx(80, 2), { x: 0, y: 0, width: 80, height: 2 });
    expect(grid[1]!.filter((_, i) => i % 10 === 0)).toEqual(barColours(100));
    expect(grid[1]!.slice(8, 12)).toEqual(['#ffffff', '#ffffff', '#ffff00', '#ffff00']);
  });

  it('grey ramps step evenly from black to white, across or down', () => {
    expect(rampLevels(5)).toEqual([0, 64, 128, 191, 255]);
    const grid = paint(parse({ kind: 'grey-ramp', steps: 5, direction: 'vertical' }) as FillPattern, ctx(3, 10), { x: 0, y: 0, width: 3, height: 10 });
    expect(grid.map((row) => row[0])).toEqual(['#000000', '#000000', '#404040', '#404040', '#808080', '#808080', '#bfbfbf', '#bfbfbf', '#ffffff', '#ffffff']);
  });

  it('draw only the part of the panel a screen shows, at the same colours', () => {
    const p = parse({ kind: 'colour-bars' }) as FillPattern;
    const whole = paint(p, ctx(80, 4), { x: 0, y: 0, width: 80, height: 4 });
    const part = paint(p, ctx(80, 4), { x: 25, y: 1, width: 30, height: 2 });
    expect(part).toEqual(whole.slice(1, 3).map((row) => row.slice(25, 55)));
  });
});

describe('checkerboard', () => {
  it('alternates every pixel for cell 1, in panel coordinates', () => {
    const px = checkerboardPixels({ x: 1, y: 0, width: 3, height: 2 }, parse({ kind: 'checkerboard' }) as Extract<PatternProps, { kind: 'checkerboard' }>);
    const rgb = (i: number) => [px[i * 4], px[i * 4 + 1], px[i * 4 + 2], px[i * 4 + 3]];
    // Panel pixel (1, 0) is B (black): the area starts one pixel in.
    expect([0, 1, 2, 3, 4, 5].map(rgb)).toEqual([[0, 0, 0, 255], [255, 255, 255, 255], [0, 0, 0, 255], [255, 255, 255, 255], [0, 0, 0, 255], [255, 255, 255, 255]]);
    expect(isCellA(15, 7, 8)).toBe(false);
    expect(isCellA(16, 16, 8)).toBe(true);
  });
});

describe('moving bar', () => {
  it('moves at its speed and comes round again, starting just off the panel', () => {
    const spec = { width: 100, speed: 1000 };
    expect(movingBarStart(1000, spec, 0)).toBe(-100);
    expect(movingBarStart(1000, spec, 500)).toBe(400);
    expect(movingBarStart(1000, spec, 1100)).toBe(-100);
    expect(movingBarStart(1000, spec, 1099)).toBe(999);
  });

  it('is drawn where the time puts it, the same on every screen of the wall', () => {
    const p = parse({ kind: 'moving-bar', width: 10, speed: 1000 }) as FillPattern;
    const grid = paint(p, ctx(100, 1, { timeMs: 50 }), { x: 30, y: 0, width: 40, height: 1 });
    expect(grid[0]!.map((c) => (c === '#ffffff' ? 1 : 0)).join('')).toBe(`${'0'.repeat(10)}${'1'.repeat(10)}${'0'.repeat(20)}`);
  });
});

describe('seam patches', () => {
  const wall2x2 = [
    { x: 0, y: 0, width: 1920, height: 1080 },
    { x: 1926, y: 0, width: 1920, height: 1080 },
    { x: 0, y: 1086, width: 1920, height: 1080 },
    { x: 1926, y: 1086, width: 1920, height: 1080 },
  ];

  it('finds the four seams of a 2×2 wall, and none between diagonal screens', () => {
    expect(findSeams(wall2x2).map((s) => `${s.axis}:${s.a}-${s.b}`).sort()).toEqual(['x:0-1', 'x:2-3', 'y:0-2', 'y:1-3']);
  });

  it('puts the same colour on both sides of each seam, edge to edge with it, never overlapping', () => {
    const patches = seamPatches(wall2x2, 120);
    expect(patches).toHaveLength(4 * 2 * SEAM_PATCH_COLOURS.length);
    for (let i = 0; i < patches.length; i += 2) {
      const [a, b] = [patches[i]!, patches[i + 1]!];
      expect(a.colour).toBe(b.colour);
      const seam = findSeams(wall2x2)[a.seam]!;
      if (seam.axis === 'x') {
        expect(a.rect.x + a.rect.width).toBe(1920);
        expect(b.rect.x).toBe(1926);
        expect(a.rect.y).toBe(b.rect.y);
      } else {
        expect(a.rect.y + a.rect.height).toBe(1080);
        expect(b.rect.y).toBe(1086);
      }
    }
    for (let i = 0; i < patches.length; i++) for (let j = i + 1; j < patches.length; j++) expect(rectsOverlap(patches[i]!.rect, patches[j]!.rect)).toBe(false);
  });
});
