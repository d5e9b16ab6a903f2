import fs from 'node:fs';
import { expect, SCREEN_IDS, test } from './support/fixtures.js';

// The demo layout's own words, so the test follows the layout rather than a copy of it.
const demoLayout = JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')) as { panels: { id: string; props: { text: string; textEn: string } }[] };
const textOf = (id: string) => demoLayout.panels.find((p) => p.id === id)!.props;

test.describe('the console', () => {
  test('shows all four screens online, each having applied the current revision', async ({ screens, consolePage, wall }) => {
    expect(Object.keys(screens)).toEqual([...SCREEN_IDS]);
    for (const id of SCREEN_IDS) {
      const row = consolePage.screenRow(id);
      await expect(row).toHaveAttribute('data-online', 'true');
      await expect(row).toHaveAttribute('data-applied-revision', String(wall.revision));
      await expect(row).toHaveAttribute('data-state', 'ready');
      await expect(row).toContainText('Trực tuyến');
      await expect(row).toContainText(`${wall.revision} / ${wall.revision} (đã cập nhật)`);
      await expect(consolePage.miniScreen(id)).toHaveAttribute('data-online', 'true');
    }
    await expect(consolePage.problems()).toHaveAttribute('data-count', '0');
    // The wall map is to scale: the canvas with its hidden 6-px gaps.
    await expect(consolePage.page.getByTestId('wall-miniature')).toHaveAttribute('data-canvas-size', '3846x2166');
    await expect(consolePage.miniScreen('B2')).toHaveAttribute('data-rect', '1926,1086,1920,1080');
  });

  test('sees a screen go offline when its page closes', async ({ screens, consolePage }) => {
    await screens.B2.page.close();
    await expect(consolePage.screenRow('B2')).toHaveAttribute('data-online', 'false');
    await expect(consolePage.screenRow('B2')).toContainText('Mất kết nối');
    await expect(consolePage.screenRow('A1')).toHaveAttribute('data-online', 'true');
  });

  test('shows the identification overlay on every screen when asked', async ({ screens, consolePage }) => {
    for (const screen of Object.values(screens)) await expect(screen.identifyOverlay()).toHaveCount(0);
    const revision = await consolePage.toggleIdentify();
    for (const [i, id] of SCREEN_IDS.entries()) {
      const screen = screens[id];
      await screen.waitForRevision(revision);
      const overlay = screen.identifyOverlay();
      await expect(overlay).toBeVisible();
      await expect(overlay).toContainText(String(i + 1));
      await expect(overlay).toContainText(`Màn hình ${i + 1} (${id})`);
      await expect(overlay).toContainText('1920 × 1080');
      await expect(overlay).toContainText(/hàng \d, cột \d/);
      await expect(consolePage.screenRow(id)).toHaveAttribute('data-applied-revision', String(revision));
    }
    const off = await consolePage.toggleIdentify();
    for (const screen of Object.values(screens)) {
      await screen.waitForRevision(off);
      await expect(screen.identifyOverlay()).toHaveCount(0);
    }
  });

  test('switches screens and console to English and back', async ({ screens, consolePage }) => {
    await expect(consolePage.title()).toHaveText('Bảng điều khiển tường màn hình');
    await expect(screens.A1.html()).toHaveAttribute('lang', 'vi');
    const revision = await consolePage.setLanguage('en');
    for (const screen of Object.values(screens)) {
      await screen.waitForRevision(revision);
      await expect(screen.html()).toHaveAttribute('lang', 'en');
    }
    await expect(screens.A2.panel('banner')).toHaveText(textOf('banner').textEn);
    await expect(screens.B2.panel('note')).toHaveText(textOf('note').textEn);
    await expect(screens.A1.panel('clock')).toContainText(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/);
    await expect(consolePage.title()).toHaveText('Video wall console');
    await expect(consolePage.page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(consolePage.page.getByText('Bezel compensation')).toBeVisible();
    await expect(consolePage.screenRow('A1')).toContainText('Online');

    const back = await consolePage.setLanguage('vi');
    await screens.A2.waitForRevision(back);
    await expect(screens.A2.panel('banner')).toHaveText(textOf('banner').text);
    await expect(screens.A1.panel('clock')).toContainText(/Thứ|Chủ nhật/i); // Intl writes "Chủ Nhật" on Sundays
    await expect(consolePage.title()).toHaveText('Bảng điều khiển tường màn hình');
  });
});
