import { expect, test, type Page } from '@playwright/test';
import type { Layout } from '../../common/wall/layout-schema.js';
import { startInProcessWall, type InProcessWall } from './support/in-process-wall.js';
import { watch } from './support/fixtures.js';
import { hexRgb, near, screenshotPixels } from './support/pixels.js';

// Map panels in Chromium (SwiftShader): a map across the A1|A2 seam draws its graticule where Web Mercator
// puts it on both screens; mounting and unmounting maps, and switching scenarios, reuse a screen's Decks.
// Maps here are small: a graticule, no outlines, no data.

const LINE = '#ff00ff';
const SEA = '#102030';
const VIEW = { longitude: 108, latitude: 16, zoom: 7 };
const PANEL = { x: 1500, y: 100, width: 900, height: 600 };
const GAP = 6; // A2 starts at canvas x 1926

const mapPanel = (id: string, rect: typeof PANEL, graticule = true) => ({
  id,
  type: 'map',
  rect,
  z: 1,
  props: { view: VIEW, sea: SEA, boundaries: [], legend: 'none', ...(graticule ? { graticule: { stepDeg: 0.5, color: LINE, widthPx: 6 } } : {}) },
});
const layout = (panels: object[], id = 'e2e-map'): Layout => ({ schemaVersion: 1, id, name: id, wallId: 'demo-2x2', panels } as unknown as Layout);
const backdrop = { id: 'backdrop', type: 'solid', rect: { x: 0, y: 0, width: 3846, height: 2166 }, z: 0, props: { color: '#000000' } };

// Web Mercator written out here, independently of the app: canvas px of a lon/lat in PANEL showing VIEW.
const worldX = (lon: number) => ((lon + 180) / 360) * 512 * 2 ** VIEW.zoom;
const worldY = (lat: number) => ((Math.PI - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / (2 * Math.PI)) * 512 * 2 ** VIEW.zoom;
const canvasX = (lon: number) => PANEL.x + PANEL.width / 2 + worldX(lon) - worldX(VIEW.longitude);
const canvasY = (lat: number) => PANEL.y + PANEL.height / 2 + worldY(lat) - worldY(VIEW.latitude);

let wall: InProcessWall;
const errors: string[] = [];

/** Count the WebGL contexts the page creates and how many are still alive (not lost). */
async function countingContexts(page: Page): Promise<Page> {
  // Browser code as text: the Node-side tsconfig has no DOM types.
  await page.addInitScript({
    content: `(() => {
      const made = [];
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, options) {
        const ctx = original.call(this, kind, options);
        if ((kind === 'webgl2' || kind === 'webgl') && ctx && !made.includes(ctx)) made.push(ctx);
        return ctx;
      };
      window.__glLive = () => made.filter((c) => !c.isContextLost()).length;
    })();`,
  });
  return page;
}

const live = (page: Page) => page.evaluate('({ gl: window.__glLive(), maps: window.__tcMaps ?? null })');

async function openScreen(page: Page, id: string, revision: number): Promise<void> {
  watch(page, errors);
  await page.goto(wall.screenUrl(id));
  // The first map frame compiles its shaders: seconds on SwiftShader, more on a busy machine.
  await expect(page.locator(`html[data-app-state="ready"][data-revision="${revision}"]`)).toBeAttached({ timeout: 60_000 });
}

test.describe('map panels', () => {
  test.beforeAll(async () => {
    wall = await startInProcessWall(layout([backdrop, mapPanel('seam-map', PANEL)]));
  });
  test.afterAll(async () => {
    await wall.close();
  });
  test.afterEach(() => {
    expect(errors.splice(0), 'errors on the map pages').toEqual([]);
  });

  test('a map across a seam draws the same meridians and parallels on both screens, the bezel gap hidden', async ({ browser }) => {
    test.setTimeout(120_000);
    const revision = wall.app.core.state.revision;
    const pages = { A1: await browser.newPage(), A2: await browser.newPage() };
    await openScreen(pages.A1, 'A1', revision);
    await openScreen(pages.A2, 'A2', revision);
    for (const page of Object.values(pages)) await expect(page.locator('[data-panel-id="seam-map"] [data-testid="map-panel"][data-ready="true"][data-drawn="true"]')).toBeAttached();

    const meridianA1 = Math.round(canvasX(107.5)); // on A1, left of the seam
    const meridianA2 = Math.round(canvasX(108)) - (1920 + GAP); // on A2, local x
    const parallel = Math.round(canvasY(16));
    const parallelNorth = Math.round(canvasY(16.5));
    expect(meridianA1).toBeGreaterThan(1800);
    expect(meridianA1).toBeLessThan(1920);
    expect(meridianA2).toBeGreaterThan(10);
    expect(meridianA2).toBeLessThan(120);

    const line = hexRgb(LINE);
    const sea = hexRgb(SEA);
    // A1: the meridian 107.5°E, the parallels 16°N and 16.5°N right up to the seam, sea beside them.
    const a1Points = [[meridianA1, 500], [meridianA1 - 9, 500], [meridianA1 + 9, 500], [1915, parallel], [1915, parallel - 9], [1915, parallel + 9], [1915, parallelNorth], [1700, parallelNorth]] as const;
    const a1 = await screenshotPixels(pages.A1, a1Points);
    // A2: the parallels continue at the same heights from its first column; 108°E is where the gap puts it.
    const a2Points = [[2, parallel], [2, parallel - 9], [2, parallel + 9], [2, parallelNorth], [meridianA2, 500], [meridianA2 - 9, 500], [meridianA2 + 9, 500]] as const;
    const a2 = await screenshotPixels(pages.A2, a2Points);
    const want = (colours: readonly ('L' | 'S')[]) => colours.map((c) => (c === 'L' ? line : sea));
    const report = (got: number[][], pts: readonly (readonly [number, number])[]) => pts.map((p, i) => `${p}: ${got[i]}`).join('; ');
    expect(a1.every((c, i) => near(c, want(['L', 'S', 'S', 'L', 'S', 'S', 'L', 'L'])[i]!)), report(a1, a1Points)).toBe(true);
    expect(a2.every((c, i) => near(c, want(['L', 'S', 'S', 'L', 'L', 'S', 'S'])[i]!)), report(a2, a2Points)).toBe(true);
    // Without bezel compensation 108°E would have been 6 px further left on A2.
    expect(near((await screenshotPixels(pages.A2, [[meridianA2 + GAP, 500]]))[0]!, sea)).toBe(true);

    // One Deck and one view on each screen.
    for (const page of Object.values(pages)) expect(await page.evaluate('window.__tcMaps')).toMatchObject({ decks: 1, views: 1 });
    await Promise.all(Object.values(pages).map((p) => p.close()));
  });

  test('mounting and unmounting map panels again and again keeps the screen\'s one Deck and context, and makes no more', async ({ browser }) => {
    test.setTimeout(300_000);
    const page = await countingContexts(await browser.newPage());
    const small = { x: 100, y: 100, width: 400, height: 300 };
    const withMaps = layout([backdrop, mapPanel('m1', small), mapPanel('m2', { ...small, x: 600 })], 'maps');
    const without = layout([backdrop], 'no-maps');
    await openScreen(page, 'A1', wall.showLayout(without));

    // The first Deck probes its context and compiles its shaders, several seconds on SwiftShader with two
    // busy cores; the ones after it must not, so each cycle's wait is generous only for the first.
    const cycles = 8;
    const slow = { timeout: 45_000 };
    for (let i = 0; i < cycles; i++) {
      const shown = wall.showLayout(withMaps);
      await expect(page.locator(`html[data-revision="${shown}"]`)).toBeAttached(slow);
      await expect(page.locator('[data-testid="map-panel"][data-drawn="true"]')).toHaveCount(2, slow);
      expect(await live(page)).toMatchObject({ gl: 1, maps: { decks: 1, views: 2, created: 1 } });
      const gone = wall.showLayout(without);
      await expect(page.locator(`html[data-revision="${gone}"]`)).toBeAttached(slow);
      // Parked: the canvas waits hidden outside the layout, keeping its size and drawing buffer.
      await expect(page.locator('[data-layer] [data-testid="map-surface"]')).toHaveCount(0);
      await expect(page.locator('.map-parking [data-testid="map-surface"]')).toHaveCount(1);
      await expect(page.getByTestId('map-surface').filter({ visible: true })).toHaveCount(0);
    }
    // Kept warm, drawing nothing, off the page: one Deck and one context, however many cycles.
    await expect.poll(() => live(page)).toMatchObject({ gl: 1, maps: { decks: 1, views: 0, created: 1 } });

    // Swapping one map layout for another keeps the Deck.
    await expect(page.locator(`html[data-revision="${wall.showLayout(withMaps)}"]`)).toBeAttached(slow);
    await expect(page.locator('[data-testid="map-panel"][data-drawn="true"]')).toHaveCount(2, slow);
    const other = layout([backdrop, mapPanel('m3', small)], 'other-map');
    await expect(page.locator(`html[data-revision="${wall.showLayout(other)}"]`)).toBeAttached(slow);
    await expect(page.locator('[data-panel-id="m3"] [data-testid="map-panel"][data-drawn="true"]')).toBeAttached(slow);
    expect(await live(page)).toMatchObject({ gl: 1, maps: { decks: 1, views: 1, created: 1 } });

    // A screen taken off the wall shows a status page instead of layouts: its Decks and contexts go.
    const full = wall.app.core.state.wall;
    wall.app.core.replaceWall({ ...full, screens: full.screens.filter((s) => s.id !== 'A1') }, other);
    await expect(page.getByTestId('screen-error')).toBeVisible(slow);
    await expect.poll(() => live(page)).toMatchObject({ gl: 0, maps: { decks: 0, views: 0, created: 1 } });
    wall.app.core.replaceWall(full, other);
    await page.close();
  });

  test('switching between scenarios with maps again and again holds two Decks at most: the one shown and the next, drawn hidden', async ({ browser }) => {
    test.setTimeout(300_000);
    const page = await countingContexts(await browser.newPage());
    const small = { x: 100, y: 100, width: 400, height: 300 };
    await openScreen(page, 'A1', wall.showLayout(layout([backdrop], 'no-maps')));
    const slow = { timeout: 45_000 };
    const switches = 10;
    for (let i = 0; i < switches; i++) {
      // Every other scenario has a map, the rest alternate between two map layouts: hosts are reused.
      const panels = i % 3 === 2 ? [backdrop] : [backdrop, mapPanel(`s${i % 3}`, { ...small, x: 100 + 500 * (i % 3) })];
      const id = `scenario-${i % 3}`;
      const { revision } = wall.app.core.applyScenario(
        { id, name: { vi: id, en: id }, severity: 'normal', revision: 100 + i, activatedBy: { name: 'e2e', role: 'leader' }, source: 'console', activatedAt: Date.now(), applyAt: Date.now() + 400, local: false },
        layout(panels, `layout-${i}`),
      );
      await expect(page.locator(`html[data-revision="${revision}"]`)).toBeAttached(slow);
      if (panels.length > 1) await expect(page.locator('[data-layer="shown"] [data-testid="map-panel"][data-drawn="true"]')).toBeAttached(slow);
      // The old layer goes once the swap is painted; its host is parked for the next map.
      await expect(page.locator('[data-layer]')).toHaveCount(1, slow);
      const now = (await live(page)) as { gl: number; maps: { decks: number; created: number } };
      expect(now.gl, `switch ${i}`).toBeLessThanOrEqual(2);
      expect(now.maps.decks, `switch ${i}`).toBeLessThanOrEqual(2);
    }
    // A Deck per switch would be 7 here; the screen made two and keeps reusing them.
    expect(await live(page)).toMatchObject({ maps: { created: 2 } });
    await page.close();
  });
});
