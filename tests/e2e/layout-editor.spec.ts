import { ACCOUNTS } from './support/accounts.js';
import { expect, test } from './support/console-test.js';
import { ConsolePage } from './pages/console-page.js';
import { LayoutEditorPage } from './pages/layout-editor-page.js';

// The demo wall: A1 | A2 over B1 | B2, 1920×1080 each, with a 6-px bezel gap (A2 starts at x 1926).
const A2_X = 1926;

test.describe('the layout editor', () => {
  // Two consoles' worth of steps on top of four screen pages: more than the default minute on a busy machine.
  test.slow();

  test('an operator drags a panel across the seam, saves, applies, and the wall shows it on both screens', async ({ context, wall, screens }) => {
    const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.operator);
    await console_.openArea('layouts');
    const editor = new LayoutEditorPage(console_.page);
    await editor.createEmpty('E2E trải hai màn hình');

    const id = await editor.addPanel('solid');
    const start = await editor.rect(id);
    expect(start).toEqual({ x: 480, y: 270, width: 960, height: 540 }); // a quarter into A1, half its size
    await expect(editor.panel(id)).toHaveAttribute('data-screens', 'A1');

    await editor.drag(id, 1000, 0);
    await expect(editor.panel(id)).toHaveAttribute('data-screens', 'A1,A2');
    const moved = await editor.rect(id);
    expect(moved.x).toBeGreaterThan(1920 - moved.width);
    expect(moved.x).toBeLessThan(1920);
    expect(Math.abs(moved.y - start.y)).toBeLessThan(40); // a sideways drag, give or take the snap
    expect([moved.width, moved.height]).toEqual([start.width, start.height]);
    // Snapped on each axis: an edge on the 40-px grid or on a screen edge (the bezel lines included).
    const onLine = (a: number, b: number, screenLines: number[]) => [a, b].some((v) => v % 40 === 0 || screenLines.includes(v));
    expect(onLine(moved.x, moved.x + moved.width, [0, 1920, 1926, 3846])).toBe(true);
    expect(onLine(moved.y, moved.y + moved.height, [0, 1080, 1086, 2166])).toBe(true);

    expect(await editor.save()).toBe(1);
    const revision = await editor.apply();
    for (const s of [screens.A1, screens.A2, screens.B1, screens.B2]) await s.waitForRevision(revision);

    // Across the seam: the same canvas rect, seen from each screen's origin.
    const onA1 = await screens.A1.panel(id).boundingBox();
    const onA2 = await screens.A2.panel(id).boundingBox();
    expect(onA1).toEqual({ x: moved.x, y: moved.y, width: moved.width, height: moved.height });
    expect(onA2).toEqual({ x: moved.x - A2_X, y: moved.y, width: moved.width, height: moved.height });
    expect(await screens.B1.panelIds()).not.toContain(id);
    expect(await screens.B2.panelIds()).not.toContain(id);
    // The main process has the same word from every screen.
    const statuses = await wall.admin.request('screens:status', {});
    expect(statuses.ok && (statuses.value as Array<{ screenId: string; appliedRevision: number }>).map((s) => [s.screenId, s.appliedRevision])).toEqual([
      ['A1', revision],
      ['A2', revision],
      ['B1', revision],
      ['B2', revision],
    ]);
  });

  test('a save on top of another console’s save is a conflict: overwrite keeps this edit, reload takes theirs', async ({ context, wall }) => {
    const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.operator);
    await console_.openArea('layouts');
    const editor = new LayoutEditorPage(console_.page);
    await editor.createEmpty('E2E xung đột');
    const mine = await editor.addPanel('solid');
    expect(await editor.save()).toBe(1);
    const layoutId = (await editor.editor().getAttribute('data-layout')) ?? '';
    // Another console (the admin's socket) saves its own change in between.
    const elsewhere = async (name: string) => {
      const got = await wall.admin.request('layouts:get', { layoutId });
      if (!got.ok) throw new Error(got.error.message);
      const { layout, revision } = got.value as { layout: { name: string }; revision: number };
      expect(await wall.admin.request('layouts:save', { layout: { ...layout, name }, expectedRevision: revision })).toMatchObject({ ok: true });
    };
    await elsewhere('E2E xung đột (bảng khác)');

    await editor.addPanel('clock');
    await console_.page.getByTestId('save-layout').click();
    const conflict = console_.page.getByTestId('conflict');
    await expect(conflict).toContainText('vừa được lưu');
    await console_.page.getByTestId('conflict-overwrite').click();
    await expect(conflict).toHaveCount(0);
    await expect(console_.page.getByTestId('save-bar')).toHaveAttribute('data-revision', '3');

    await elsewhere('E2E xung đột (lần hai)');
    await editor.drag(mine, 200, 0);
    await console_.page.getByTestId('save-layout').click();
    await console_.page.getByTestId('conflict-reload').click();
    await expect(console_.page.getByTestId('save-bar')).toHaveAttribute('data-revision', '4');
    await expect(console_.page.getByTestId('save-bar')).toHaveAttribute('data-dirty', 'false');
    const saved = await wall.admin.request('layouts:get', { layoutId });
    expect(saved).toMatchObject({ ok: true, value: { revision: 4, layout: { name: 'E2E xung đột (lần hai)' } } });
  });
});
