import fs from 'node:fs';
import { test as wallTest, expect, SCREEN_IDS, watch } from './support/fixtures.js';
import { ScreenPage } from './pages/screen-page.js';
import { startWebHostProcess, type WebHostProcess } from './support/web-host-process.js';

// The demo wall as `npm start` shows it: the whole demo layout, every panel type, on four screens. The
// other specs leave the heavy panels out (see HEAVY_PANEL_TYPES); this one is where they all meet.
const test = wallTest.extend<object, { host: WebHostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startWebHostProcess();
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

const demo = JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')) as { panels: { id: string; type: string }[] };

// Four pages compiling map shaders on a software renderer, and starting camera players, take a while.
test.describe.configure({ timeout: 240_000 });

// First, while no other screen page is open: on this 2-core machine, four screen pages with two maps
// compiling shaders on a software renderer leave too little CPU for camera decoding to be judged.
test('the demo camera grid and the camera across the seam play on their screens', async ({ context, wall }) => {
  const cameras = demo.panels.filter((p) => p.type === 'camera').map((p) => p.id);
  expect(cameras.length, 'the demo has camera panels').toBeGreaterThan(0);
  const errors: string[] = [];
  for (const id of SCREEN_IDS) {
    const page = (await ScreenPage.open(context, id, wall.host.screenUrls.get(id)!, (p) => watch(p, errors))).page;
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 60_000 });
    const tiles = page.getByTestId('camera-tile');
    for (const tile of await tiles.all()) await expect(tile).toHaveAttribute('data-camera-state', 'playing', { timeout: 60_000 });
    await page.close();
  }
  expect(errors, 'errors on the screen pages').toEqual([]);
});

test('the demo layout is on the wall: every panel on its screens, maps drawn, no errors', async ({ screens }) => {
  const seen = new Set<string>();
  for (const id of SCREEN_IDS) for (const panel of await screens[id].panelIds()) seen.add(panel);
  expect([...seen].sort(), 'every demo panel is on at least one screen').toEqual(demo.panels.map((p) => p.id).sort());

  for (const id of SCREEN_IDS) {
    // Shader compilation on SwiftShader takes seconds per page; the panel marks the first drawn frame.
    // Only the layer on show: a rehearsal's maps go when it ends, and a locator on them would wait forever.
    const maps = screens[id].page.locator('[data-layer="shown"] [data-testid="map-panel"]');
    for (const map of await maps.all()) await expect(map).toHaveAttribute('data-drawn', 'true', { timeout: 120_000 });
  }
  // The flood map (canvas 2200, 760, 1620 × 1200) crosses A2|B2, placed by each screen's origin.
  expect(await screens.A2.panel('flood-map').boundingBox()).toEqual({ x: 2200 - 1926, y: 760, width: 1620, height: 1200 });
  expect(await screens.B2.panel('flood-map').boundingBox()).toEqual({ x: 2200 - 1926, y: 760 - 1086, width: 1620, height: 1200 });
  // The fixture fails the test on any console error or warning from the four pages (CSP, 404, React).
});

test('each screen draws the maps of its scenarios once, hidden, before any switch: the flood switch then makes no new Deck', async ({ wall, screens }) => {
  const a1 = screens.A1.page;
  const maps = () => a1.evaluate('({ ...window.__tcMaps })');
  // A1 shows no map in the demo layout; storm and flood put theirs on A1|B1. Rehearsed, their host is
  // kept warm, drawing nothing, in the screen's pool.
  await expect(a1.locator('html[data-rehearsed="true"]')).toBeAttached({ timeout: 180_000 });
  await expect(a1.locator('[data-layer="rehearsal"]')).toHaveCount(0);
  expect(await maps()).toMatchObject({ created: 1, decks: 1, views: 0 });
  // A2 has no scenario map to rehearse: it was marked ready with nothing drawn for it.
  await expect(screens.A2.page.locator('html[data-rehearsed="true"]')).toBeAttached();

  const answer = await wall.admin.request('scenario:activate', { scenarioId: 'flood-response' });
  expect(answer).toMatchObject({ ok: true });
  await expect(a1.locator('[data-layer="shown"] [data-panel-id="flood-map"] [data-testid="map-panel"][data-drawn="true"]')).toBeAttached({ timeout: 60_000 });
  expect(await maps()).toMatchObject({ created: 1, decks: 1, views: 1 });
});
