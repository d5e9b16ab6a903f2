import fs from 'node:fs';
import { expect, test } from './support/fixtures.js';
import type { ScreenPage } from './pages/screen-page.js';
import { hexRgb, near, type Rgb } from './support/pixels.js';

// The demo's spanning crosshatch: panel "backdrop" at canvas (0, 0), spacing 120, 1-px lines, diagonals.
const layout = JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')) as {
  panels: Array<{ id: string; props: { spacing?: number; lineColor?: string; background?: string } }>;
};
const backdrop = layout.panels.find((p) => p.id === 'backdrop')!.props;
const SPACING = backdrop.spacing!;
const LINE = hexRgb(backdrop.lineColor!);
const BACKGROUND = hexRgb(backdrop.background!);
const GAP = 6; // 2.3 + 1.2 mm of bezel at 0.63 mm/px

const mod = (a: number, m: number) => ((a % m) + m) % m;
/** Whether canvas pixel (x, y) is on a line of the pattern: stated here independently of the renderer. */
const onLine = (x: number, y: number) => [x, y, x - y, x + y].some((v) => mod(v, SPACING) === 0);

type Point = readonly [number, number];
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * One screenshot of `screen`: the colours at the named points, and every sampled point (viewport-local)
 * that does not match the pattern as seen from canvas origin `origin`.
 */
async function readScreen(screen: ScreenPage, origin: { x: number; y: number }, named: Record<string, Point>, sampled: Point[]) {
  const names = Object.keys(named);
  const points = [...names.map((n) => named[n]!), ...sampled];
  const colours = await screen.pixels(points);
  const at = Object.fromEntries(names.map((n, i) => [n, colours[i]!]));
  const mismatches = sampled.flatMap(([x, y], i) => {
    const want: Rgb = onLine(origin.x + x, origin.y + y) ? LINE : BACKGROUND;
    const got = colours[names.length + i]!;
    return near(got, want) ? [] : [`${screen.screenId} local (${x}, ${y}) canvas (${origin.x + x}, ${origin.y + y}): got ${got}, want ${want}`];
  });
  return { at, mismatches };
}

// Areas where only the backdrop shows (the demo layout keeps its panels clear of them).
const rows = [400, 433, 479, 517, 600, 777];
const cols = [30, 250, 479, 700, 1001];
const seam = {
  a1Right: rows.flatMap((y) => range(1800, 1920).map((x) => [x, y] as const)),
  a2Left: rows.flatMap((y) => range(0, 240).map((x) => [x, y] as const)),
  a1Bottom: cols.flatMap((x) => range(960, 1080).map((y) => [x, y] as const)),
  b1Top: cols.flatMap((x) => range(0, 200).map((y) => [x, y] as const)),
};

test.describe('the wall across four screens', () => {
  // The demo's map compiles its shaders on two of the four pages: slow on SwiftShader.
  test.describe.configure({ timeout: 180_000 });
  test('draws the crosshatch continuous in canvas coordinates across the seams, the bezel gaps hidden', async ({ screens }) => {
    const { A1, A2, B1 } = screens;
    expect(await A2.canvasRect()).toEqual({ x: 1920 + GAP, y: 0, width: 1920, height: 1080 });
    expect(await B1.canvasRect()).toEqual({ x: 0, y: 1080 + GAP, width: 1920, height: 1080 });

    // A2's vertical lines sit at local x = 120k − 1926: the first at 114, not at 0; B1's horizontal
    // lines at local y = 120k − 1086, also from 114.
    const firstA2 = SPACING * Math.ceil(1926 / SPACING) - 1926;
    expect(firstA2).toBe(114);
    const firstB1 = SPACING * Math.ceil(1086 / SPACING) - 1086;
    // A diagonal leaving A1's right edge (canvas x 1919) at y 479 goes on through the 6-px gap:
    // at canvas x 1927 (A2 local x 1) it is at y 487, not at y 481 as it would be with no gap.
    const a1 = await readScreen(A1, { x: 0, y: 0 }, { leaving: [1919, 479] }, [...seam.a1Right, ...seam.a1Bottom]);
    const a2 = await readScreen(A2, { x: 1926, y: 0 }, { line: [firstA2, 401], before: [firstA2 - 1, 401], zero: [0, 401], entering: [1, 487], noGap: [1, 481] }, seam.a2Left);
    const b1 = await readScreen(B1, { x: 0, y: 1086 }, { line: [401, firstB1], zero: [401, 0] }, seam.b1Top);
    expect(a2.at).toEqual({ line: LINE, before: BACKGROUND, zero: BACKGROUND, entering: LINE, noGap: BACKGROUND });
    expect(a1.at.leaving).toEqual(LINE);
    expect(b1.at).toEqual({ line: LINE, zero: BACKGROUND });
    // And every sampled pixel either side of both seams matches the pattern in canvas coordinates.
    expect(a1.mismatches).toEqual([]);
    expect(a2.mismatches).toEqual([]);
    expect(b1.mismatches).toEqual([]);
  });

  test('moves the lines by the gap when bezel compensation is switched off from the console', async ({ screens, consolePage }) => {
    const revision = await consolePage.toggleBezelCompensation();
    for (const s of Object.values(screens)) await s.waitForRevision(revision);
    const { A2, B1 } = screens;
    expect(await A2.canvasRect()).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 });
    expect(await B1.canvasRect()).toEqual({ x: 0, y: 1080, width: 1920, height: 1080 });
    // Lines at 120k − 1920: 0, 120, …; 114 is background now.
    const a2 = await readScreen(A2, { x: 1920, y: 0 }, { zero: [0, 401], old: [114, 401], next: [120, 401] }, seam.a2Left);
    const b1 = await readScreen(B1, { x: 0, y: 1080 }, { zero: [401, 0] }, seam.b1Top);
    expect(a2.at).toEqual({ zero: LINE, old: BACKGROUND, next: LINE });
    expect(b1.at).toEqual({ zero: LINE });
    expect(a2.mismatches).toEqual([]);
    expect(b1.mismatches).toEqual([]);
    await expect(consolePage.page.getByTestId('toggle-bezel')).not.toBeChecked();
  });

  test('each screen draws only its own slice of the wall', async ({ screens, wall }) => {
    // Which panels each screen must draw, from the layout the host serves and the screens' canvas rects
    // (6-px gaps), by plain rectangle overlap stated here rather than by the renderer's own geometry.
    const served = JSON.parse(fs.readFileSync(wall.host.layoutFile, 'utf8')) as { panels: Array<{ id: string; rect: { x: number; y: number; width: number; height: number } }> };
    const origins = { A1: [0, 0], A2: [1926, 0], B1: [0, 1086], B2: [1926, 1086] } as const;
    const expected = Object.fromEntries(
      Object.entries(origins).map(([id, [ox, oy]]) => [
        id,
        served.panels.filter(({ rect: r }) => r.x < ox + 1920 && r.x + r.width > ox && r.y < oy + 1080 && r.y + r.height > oy).map((p) => p.id).sort(),
      ]),
    );
    expect(expected.A1, 'the banner crosses A1|A2').toContain('banner');
    expect(expected.A2).toContain('banner');
    for (const [id, screen] of Object.entries(screens)) {
      expect((await screen.panelIds()).sort(), id).toEqual(expected[id]);
      // Nothing spills out of the window: the viewport clips panels that cross its edges.
      const overflow = await screen.page.evaluate('[document.documentElement.scrollWidth, document.documentElement.scrollHeight]');
      expect(overflow).toEqual([1920, 1080]);
    }
    // The banner (canvas 1040, 40, 2780 × 260) crosses A1|A2, placed by each screen's origin
    // (the map across A2|B2 is checked in demo.spec.ts).
    expect(await screens.A1.panel('banner').boundingBox()).toEqual({ x: 1040, y: 40, width: 2780, height: 260 });
    expect(await screens.A2.panel('banner').boundingBox()).toEqual({ x: 1040 - 1926, y: 40, width: 2780, height: 260 });
    // Its text is one line across the seam: same Vietnamese string on both screens.
    for (const s of [screens.A1, screens.A2]) await expect(s.panel('banner')).toHaveText('Trung tâm Giám sát, Điều hành Thông minh — Thành phố Đà Nẵng (mô phỏng)');
    await expect(screens.A1.panel('clock')).toHaveText(/\d\d:\d\d:\d\d/);
  });
});
