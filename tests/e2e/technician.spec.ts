import { applyColour } from '../../common/calibration/colour.js';
import { neutralColour } from '../../common/calibration/schema.js';
import { TechnicianArea } from './pages/technician-area.js';
import type { ScreenPage } from './pages/screen-page.js';
import { expect, test as wallTest } from './support/fixtures.js';
import { near, type Rgb } from './support/pixels.js';
import { gridPoints, readAll, resetTechnician, snapshot, waitAll } from './support/technician.js';
import { startWebHostProcess, type WebHostProcess } from './support/web-host-process.js';

// The demo wall with a light layout under the technician's overlays: the pixels checked are the
// overlays', and four screens of maps and video would only slow every wait down.
const test = wallTest.extend<object, { host: WebHostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startWebHostProcess({ layout: 'tests/e2e/support/technician-layout.json' });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

// The technician's tools on the 2×2 demo wall (55-inch screens, 0.63 mm/px, bezels 1.2 + 2.3 mm:
// a 6 px gap), driven from the console as a technician would, checked in the screens' pixels.

const SPACING = 120;
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const mod = (a: number, m: number) => ((a % m) + m) % m;
/** The crosshatch with diagonals, stated independently of the renderer: canvas pixel (x, y) is on a line. */
const onLine = (x: number, y: number) => [x, y, x - y, x + y].some((v) => mod(v, SPACING) === 0);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
type Point = readonly [number, number];

// Either side of both seams, clear of the preview badge in the bottom-left corner.
const rows = [400, 433, 479, 517, 600, 777];
const cols = [700, 1001, 1333, 1601];
const seam = {
  a1Right: rows.flatMap((y) => range(1800, 1920).map((x) => [x, y] as const)),
  a2Left: rows.flatMap((y) => range(0, 240).map((x) => [x, y] as const)),
  a1Bottom: cols.flatMap((x) => range(960, 1080).map((y) => [x, y] as const)),
  b1Top: cols.flatMap((x) => range(0, 200).map((y) => [x, y] as const)),
};

/** Every sampled point whose colour is not what the crosshatch puts at canvas (origin + point). */
async function crosshatchMismatches(screen: ScreenPage, origin: { x: number; y: number }, points: Point[]): Promise<string[]> {
  const colours = await screen.pixels(points);
  return points.flatMap(([x, y], i) => {
    const want = onLine(origin.x + x, origin.y + y) ? WHITE : BLACK;
    return near(colours[i]!, want) ? [] : [`${screen.screenId} (${x}, ${y}) canvas (${origin.x + x}, ${origin.y + y}): ${colours[i]} not ${want}`];
  });
}

async function seamsContinuous(screens: Record<'A1' | 'A2' | 'B1', ScreenPage>, gap: number): Promise<string[]> {
  return [
    ...(await crosshatchMismatches(screens.A1, { x: 0, y: 0 }, [...seam.a1Right, ...seam.a1Bottom])),
    ...(await crosshatchMismatches(screens.A2, { x: 1920 + gap, y: 0 }, seam.a2Left)),
    ...(await crosshatchMismatches(screens.B1, { x: 0, y: 1080 + gap }, seam.b1Top)),
  ];
}

test.describe('technician tools', () => {
  // Each test takes dozens of full-screen screenshots; on a shared two-core machine that is minutes.
  test.describe.configure({ timeout: 240_000 });
  let tech: TechnicianArea;
  test.beforeEach(async ({ wall, screens, consolePage }) => {
    const revision = await resetTechnician(wall.admin);
    await waitAll(screens, revision);
    await consolePage.waitForRevision(revision);
    tech = new TechnicianArea(consolePage);
    await tech.open();
  });

  test('identifies every screen, and the one picked on the console blinks', async ({ wall, screens }) => {
    const picked = await tech.pick('A2');
    await waitAll(screens, picked);
    await expect(screens.A2.page.getByTestId('selected-frame')).toBeAttached();
    for (const id of ['A1', 'B1', 'B2'] as const) await expect(screens[id].page.getByTestId('selected-frame')).toHaveCount(0);

    expect(await wall.admin.request('wall:setIdentify', { enabled: true })).toMatchObject({ ok: true });
    const on = (await snapshot(wall.admin)).revision;
    await waitAll(screens, on);
    for (const [i, id] of (['A1', 'A2', 'B1', 'B2'] as const).entries()) {
      const overlay = screens[id].identifyOverlay();
      await expect(overlay).toContainText(`Màn hình ${i + 1} (${id})`);
      await expect(overlay.getByTestId('identify-resolution')).toHaveText('1920 × 1080');
      await expect(overlay.getByTestId('identify-window')).toHaveText('1920 × 1080');
      await expect(overlay.getByTestId('identify-position')).toHaveText(`hàng ${Math.floor(i / 2) + 1}, cột ${(i % 2) + 1}`);
      await expect(overlay.getByTestId('identify-display')).toHaveText('tự chọn');
      await expect(overlay).toHaveAttribute('data-blink', String(id === 'A2'));
    }
  });

  test('crosshatch lines run straight across both seams with bezel compensation, and jump by the gap without it', async ({ wall, screens }) => {
    await waitAll(screens, await tech.showPattern('crosshatch', 'wall', { spacing: SPACING }));
    expect(await screens.A2.canvasRect()).toEqual({ x: 1926, y: 0, width: 1920, height: 1080 });
    expect(await seamsContinuous(screens, 6)).toEqual([]);

    // Wider bezels for the whole wall, typed on the console: (2.5 + 2.5) mm / 0.63 mm = 8 px gaps, previewed.
    await tech.pick(null);
    for (const edge of ['top', 'right', 'bottom', 'left']) await tech.setField(`bezel-${edge}`, 2.5);
    const previewed = await tech.console.revision();
    await waitAll(screens, previewed);
    await expect(tech.bar()).toHaveAttribute('data-preview', 'true');
    await expect(screens.B1.page.getByTestId('calibration-preview')).toBeVisible();
    expect(await screens.B1.canvasRect()).toEqual({ x: 0, y: 1088, width: 1920, height: 1080 });
    expect(await seamsContinuous(screens, 8)).toEqual([]);

    await waitAll(screens, await tech.confirm());
    await expect(screens.B1.page.getByTestId('calibration-preview')).toHaveCount(0);
    // A2's first vertical line: 120k − 1928 = 112 px in; none at its left edge.
    expect(await screens.A2.pixels([[112, 401], [111, 401], [0, 401]])).toEqual([WHITE, BLACK, BLACK]);

    expect(await wall.admin.request('wall:setBezelCompensation', { enabled: false })).toMatchObject({ ok: true });
    await waitAll(screens, (await snapshot(wall.admin)).revision);
    expect(await screens.A2.canvasRect()).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 });
    // Without compensation the lines skip the bezel: A2 starts on a line (1920 = 16 × 120), 112 is background.
    expect(await screens.A2.pixels([[0, 401], [112, 401]])).toEqual([WHITE, BLACK]);
    expect(await seamsContinuous(screens, 0)).toEqual([]);
  });

  test('brightness set on one screen changes that screen’s pixels and no other’s; out of range is clamped and said', async ({ screens }) => {
    await waitAll(screens, await tech.showPattern('solid', 'wall'));
    const points = gridPoints(211).filter(([x, y]) => x > 30 && y > 30 && x < 1890);
    const before = await readAll(screens, points);
    for (const colours of Object.values(before)) expect(colours.every((c) => near(c, [128, 128, 128], 0))).toBe(true);

    await tech.pick('A2');
    await waitAll(screens, await tech.setField('colour-brightness', 20));
    const after = await readAll(screens, points);
    const lifted = applyColour({ ...neutralColour(), brightness: 20 }, [128, 128, 128]);
    expect(lifted).toEqual([179, 179, 179]);
    expect(after.A2!.filter((c) => !near(c, lifted, 1))).toEqual([]);
    for (const id of ['A1', 'B1', 'B2']) expect(after[id], id).toEqual(before[id]);

    await waitAll(screens, await tech.setField('colour-brightness', 500));
    await expect(tech.feedback()).toContainText('A2.colour.brightness: 500 nằm ngoài khoảng -50–50 %; đã đặt 50 %');
    await expect(tech.page.getByTestId('colour-brightness')).toHaveValue('50');
    expect((await screens.A2.pixels(points.slice(0, 5))).every((c) => near(c, [255, 255, 255], 0))).toBe(true);
    expect(await screens.B2.pixels(points)).toEqual(before.B2);
  });

  test('a saved profile restores exactly, after other changes', async ({ wall, screens }) => {
    await waitAll(screens, await tech.showPattern('crosshatch', 'wall', { spacing: 60 }));
    await tech.pick('A1');
    await tech.setField('offset-x', 3);
    await tech.pick('B1');
    await tech.setField('colour-gamma', 1.6);
    await tech.setField('colour-gain-r', 90);
    await tech.pick(null);
    await tech.setField('bezel-left', 2);
    await waitAll(screens, await tech.confirm());
    const saved = (await snapshot(wall.admin)).technician!.calibration.applied;
    const points = gridPoints(53);
    const pixels = await readAll(screens, points);

    await tech.page.getByTestId('profile-name').fill('Chuẩn bàn giao');
    await tech.change(() => tech.page.getByTestId('profile-save').click());
    await expect(tech.profile('Chuẩn bàn giao')).toBeVisible();

    // Something else entirely, applied.
    await tech.change(() => tech.page.getByTestId('geometry-reset').click());
    await tech.change(() => tech.page.getByTestId('colour-reset').click());
    await tech.setField('colour-contrast', 130);
    await waitAll(screens, await tech.confirm());
    expect((await readAll(screens, points)).B1).not.toEqual(pixels.B1);

    // Restore: a preview first, then applied.
    await tech.change(() => tech.profile('Chuẩn bàn giao').getByTestId('profile-load').click());
    await expect(tech.bar()).toHaveAttribute('data-preview', 'true');
    await waitAll(screens, await tech.confirm());
    expect((await snapshot(wall.admin)).technician!.calibration.applied).toEqual(saved);
    expect(await readAll(screens, points)).toEqual(pixels);
  });

  test('a malformed profile file changes nothing and lists its problems with paths; a good one previews', async ({ wall }) => {
    const before = (await snapshot(wall.admin)).revision;
    const bad = { format: 'toan-canh/calibration-profile', version: 1, wallId: 'demo-2x2', name: 'hỏng', savedAt: '', calibration: { screens: { A1: { offset: { x: 'ba', y: 0 } }, Z9: {} } } };
    await tech.page.getByTestId('profile-import').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const feedback = tech.profileFeedback();
    await expect(feedback).toContainText('calibration.screens.A1.offset.x: Invalid input: expected number, received string');
    await expect(feedback).toContainText('calibration.screens.A1.colour:');
    await expect(feedback).toContainText('calibration.screens.Z9.offset:');
    expect((await snapshot(wall.admin)).revision).toBe(before);

    await tech.page.getByTestId('profile-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect(feedback).toContainText('(file): not valid JSON');

    const good = { ...bad, name: 'tốt', calibration: { screens: { A1: { offset: { x: 3, y: 0 }, overscan: { x: 0, y: 0 }, rotation: 0, colour: neutralColour() } } } };
    await tech.change(() => tech.page.getByTestId('profile-import').setInputFiles({ name: 'tot.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) }));
    await expect(tech.bar()).toHaveAttribute('data-preview', 'true');
    expect((await snapshot(wall.admin)).technician!.calibration.draft).toEqual(good.calibration);
  });

  test('a browser opened at /screen shows a code and becomes the position it is dragged onto', async ({ wall, screens, context }) => {
    await screens.B2.page.close();
    await expect(tech.position('B2')).toHaveAttribute('data-flagged', 'true');
    await expect(tech.position('A1')).toHaveAttribute('data-flagged', 'false');

    const page = await context.newPage();
    await page.goto(`${wall.host.origin}/screen?token=${wall.host.tokens.screen}`);
    const code = (await page.getByTestId('pair-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const chip = tech.page.getByTestId(`page-${code}`);
    await expect(chip).toBeVisible();

    // A1 has its page (picked from A1's list rather than dragged): flagged, nothing done unless asked again.
    await tech.page.getByTestId('position-page-A1').selectOption(code);
    await expect(tech.page.getByTestId('position-taken')).toContainText('A1');
    expect((await snapshot(wall.admin)).technician!.pendingPages).toEqual([expect.objectContaining({ code, assignedTo: null })]);
    await tech.drag(chip, tech.position('B2'));
    await expect(page).toHaveURL(/\/screen\/B2$/); // its token left the address at load (the cookie lets it in)
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
    await expect(page.getByTestId('viewport')).toHaveAttribute('data-canvas-rect', '1926,1086,1920,1080');
    await expect(tech.position('B2')).toHaveAttribute('data-flagged', 'false');
    await expect(chip).toHaveCount(0);
  });
});
