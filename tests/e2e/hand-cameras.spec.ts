import fs from 'node:fs';
import type { Locator } from '@playwright/test';
import { wallCanvas } from '../../common/wall/geometry.js';
import type { WallState } from '../../common/state.js';
import { test as wallTest, expect, SCREEN_IDS } from './support/fixtures.js';
import { startWebHostProcess, type WebHostProcess } from './support/web-host-process.js';

// The operator's room: the console's live view of the wall, and cameras put on it by hand from the
// hub's catalogue (drag and drop, keyboard, enlarge for a while, a tour). The wall has two camera tiles
// (a 2×2 grid on A1, one camera on A2) and a text on B1; the embedded hub serves the simulated cameras.

const test = wallTest.extend<object, { host: WebHostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startWebHostProcess({ layout: 'tests/e2e/support/cameras-layout.json', env: { TOAN_CANH_APPLY_DELAY_MS: '600' } });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

const FIRST_PICTURE = { timeout: 30_000 };
// Four screen pages playing cameras, and a console drawing them, on two shared cores.
test.describe.configure({ timeout: 180_000 });

/** Where a canvas point lies inside the live view's element, in its own CSS px. */
async function onLiveView(view: Locator, state: WallState, x: number, y: number) {
  const canvas = wallCanvas(state.wall, { bezelCompensation: state.wall.bezelCompensation });
  const box = (await view.boundingBox())!;
  return { x: (x / canvas.width) * box.width, y: (y / canvas.height) * box.height };
}

test('the live view draws each screen and shows a change on a screen within 2 s, cameras as frames from the wall', async ({ wall, screens, consolePage }) => {
  const page = consolePage.page;
  await expect(screens.A1.page.locator('[data-layer="shown"] .camera-tile[data-camera-id="cau-song-han"]')).toHaveAttribute('data-camera-state', 'playing', FIRST_PICTURE);
  for (const id of SCREEN_IDS) await expect(page.getByTestId(`live-screen-${id}`)).toHaveAttribute('data-source', 'mirror');
  const banner = page.getByTestId('live-screen-B1').locator('[data-panel-id="banner"]');
  await expect(banner).toContainText('Trung tâm Giám sát');
  // The frames the A1 page takes of its own players reach the console.
  const still = page.getByTestId('live-screen-A1').locator('[data-testid="camera-still"][data-camera-id="cau-song-han"]');
  await expect(still).toHaveAttribute('data-has-frame', 'true', { timeout: 10_000 });

  expect(await wall.admin.request('settings:setLanguage', { language: 'en' })).toMatchObject({ ok: true });
  await expect(banner).toContainText('Intelligent Operations Centre', { timeout: 2000 });
  expect(await wall.admin.request('settings:setLanguage', { language: 'vi' })).toMatchObject({ ok: true });

  // A click on a screen shows it bigger.
  await page.getByTestId('preview-screen-A1').click();
  await expect(page.getByTestId('live-bigger')).toHaveAttribute('data-screen', 'A1');
  await expect(page.getByTestId('live-bigger').locator('[data-camera-id="cau-song-han"]')).toBeVisible();
  if (process.env.SAVE_README_SHOTS === '1') {
    await expect(page.getByTestId('live-screen-A1').locator('[data-testid="camera-still"][data-has-frame="true"]')).toHaveCount(2, { timeout: 10_000 });
    fs.mkdirSync('docs/img', { recursive: true });
    await page.locator('.wall-area__top').screenshot({ path: 'docs/img/live-view.png' });
  }
});

test('a camera dragged from the catalogue onto a grid cell plays there on the wall and is in the audit log; undo takes it back', async ({ wall, screens, consolePage }) => {
  const page = consolePage.page;
  const state = await wall.snapshot();
  await page.getByTestId('catalogue-search').fill('ubnd tinh');
  const row = page.getByTestId('catalogue-camera-ubnd-tinh');
  await expect(row).toHaveAttribute('data-status', 'online');
  const view = page.getByTestId('live-preview');
  // The grid's top-right cell (cell 2 of 4): its centre on the canvas.
  await row.dragTo(view, { targetPosition: await onLiveView(view, state, 100 + 720, 100 + 135) });
  await expect(page.getByTestId('override-place')).toContainText('UBND tỉnh');

  const onWall = screens.A1.page.locator('[data-layer="shown"] [data-panel="grid"] .camera-tile[data-camera-id="ubnd-tinh"]');
  await expect(onWall).toHaveAttribute('data-camera-state', 'playing', FIRST_PICTURE);
  const cells = await screens.A1.page.locator('[data-layer="shown"] [data-panel="grid"] > .camera-tile').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(name: string): string | null }).getAttribute('data-camera-id') ?? 'empty'));
  expect(cells).toEqual(['cau-song-han', 'ubnd-tinh', 'empty', 'empty']);

  const audit = await wall.admin.request('audit:query', { action: 'overrides:apply', limit: 10 });
  expect(audit.ok && (audit.value as { entries: Array<{ target: string; actor: string; ok: boolean }> }).entries[0]).toMatchObject({ target: 'ubnd-tinh', actor: 'quantri', ok: true });

  await page.getByTestId('overrides-undo').click();
  await expect(screens.A1.page.locator('[data-layer="shown"] [data-panel="grid"] .camera-tile[data-camera-id="nga-tu-le-duan"]')).toBeVisible();
  await expect(page.getByTestId('overrides')).toHaveAttribute('data-count', '0');
});

test('with the keyboard: pick a camera, walk the targets with the arrows, Enter puts it there', async ({ screens, consolePage }) => {
  const page = consolePage.page;
  await page.getByTestId('catalogue-search').fill('de huu ngan');
  const row = page.getByTestId('catalogue-camera-de-huu-ngan');
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('live-preview').focus();
  // Targets run through the grid's four cells, then the solo tile: four steps right lands on it.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('live-target')).toHaveAttribute('data-target', 'solo#0');
  await page.keyboard.press('Enter');
  await expect(screens.A2.page.locator('[data-layer="shown"] [data-panel="solo"] .camera-tile[data-camera-id="de-huu-ngan"]')).toHaveAttribute('data-camera-state', 'playing', FIRST_PICTURE);
  await page.keyboard.press('Control+z');
  await expect(screens.A2.page.locator('[data-layer="shown"] [data-panel="solo"] .camera-tile[data-camera-id="ham-hai-van"]')).toBeVisible();
});

test('a camera tour cycles its cameras in the tile', async ({ screens, consolePage }) => {
  const page = consolePage.page;
  await page.getByTestId('tour-pick-ubnd-tinh').check();
  await page.getByTestId('tour-pick-de-huu-ngan').check();
  await page.getByTestId('tour-tile').selectOption('solo');
  await page.getByTestId('tour-dwell').fill('3');
  await page.getByTestId('tour-start').click();
  await expect(page.getByTestId('override-tour')).toBeVisible();
  const tile = screens.A2.page.locator('[data-layer="shown"] [data-panel="solo"]');
  // Each camera comes round, and the first one again: the tile cycles rather than moving once.
  for (const turn of ['1/2', '2/2', '1/2']) await expect(tile).toHaveAttribute('data-tour', turn, { timeout: 10_000 });
  await expect(tile.locator('.camera-tile[data-camera-id="ubnd-tinh"]')).toBeVisible();
});

test('an enlarged camera covers its screen for the set time, then the screen is back as it was', async ({ wall, screens, consolePage }) => {
  const page = consolePage.page;
  await page.getByTestId('catalogue-camera-cang-ca-tho-quang').click();
  await page.getByTestId('enlarge-screen').selectOption('B1');
  await page.getByTestId('enlarge-seconds').fill('30');
  await page.getByTestId('enlarge').click();
  await expect(page.getByTestId('override-enlarge')).toBeVisible();
  const enlarged = screens.B1.page.locator('[data-layer="shown"] .camera-tile[data-camera-id="cang-ca-tho-quang"]');
  await expect(enlarged).toBeVisible();
  const box = (await enlarged.boundingBox())!;
  expect(box.width, 'the camera covers the whole 1920 px screen').toBeGreaterThan(1900);
  await expect(enlarged).toHaveCount(0, { timeout: 40_000 });
  await expect(screens.B1.panel('banner')).toBeVisible();
  await expect(page.getByTestId('overrides')).toHaveAttribute('data-count', '0');
  const audit = await wall.admin.request('audit:query', { action: 'overrides:expired', limit: 5 });
  expect(audit.ok && (audit.value as { entries: Array<{ target: string }> }).entries[0]).toMatchObject({ target: 'cang-ca-tho-quang' });
});
