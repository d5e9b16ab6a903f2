import fs from 'node:fs';
import { test as wallTest, expect, SCREEN_IDS } from './support/fixtures.js';
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

test('the demo layout is on the wall: every panel drawn, maps rendered, cameras playing, no errors', async ({ screens }) => {
  const seen = new Set<string>();
  for (const id of SCREEN_IDS) for (const panel of await screens[id].panelIds()) seen.add(panel);
  expect([...seen].sort(), 'every demo panel is on at least one screen').toEqual(demo.panels.map((p) => p.id).sort());

  for (const id of SCREEN_IDS) {
    const page = screens[id].page;
    // Shader compilation on SwiftShader takes seconds per page; the panel marks the first drawn frame.
    for (const map of await page.getByTestId('map-panel').all()) await expect(map).toHaveAttribute('data-drawn', 'true', { timeout: 120_000 });
    for (const tile of await page.getByTestId('camera-tile').all()) await expect(tile).toHaveAttribute('data-camera-state', 'playing', { timeout: 60_000 });
  }
  // The flood map (canvas 2200, 760, 1620 × 1200) crosses A2|B2, placed by each screen's origin.
  expect(await screens.A2.panel('flood-map').boundingBox()).toEqual({ x: 2200 - 1926, y: 760, width: 1620, height: 1200 });
  expect(await screens.B2.panel('flood-map').boundingBox()).toEqual({ x: 2200 - 1926, y: 760 - 1086, width: 1620, height: 1200 });
  // The fixture fails the test on any console error or warning from the four pages (CSP, 404, React).
});
