import fs from 'node:fs';
import path from 'node:path';
import { ConsolePage } from './pages/console-page.js';
import { ACCOUNTS } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';

test.describe('bad input', () => {
  test('a page without the right token gets a 401 that says how to get the address', async ({ page, wall }) => {
    const { origin, tokens } = wall.host;
    for (const url of [`${origin}/console?token=wrong`, `${origin}/console?token=${tokens.screen}`, `${origin}/screen/A1`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(401);
      await expect(page.locator('body')).toContainText('npm run web');
      await expect(page.locator('html[data-app-state]')).toHaveCount(0); // the app itself never loaded
    }
  });

  test('the page token leaves the address at load; a reload is let in by the cookie', async ({ page, wall }) => {
    await page.goto(wall.host.consoleUrl);
    // Ready at the wall's revision: the page's socket is connected and has the state.
    const ready = page.locator(`html[data-app-state="ready"][data-revision="${wall.revision}"]`);
    await expect(ready).toBeAttached({ timeout: 60_000 });
    const href = await page.evaluate('location.href');
    expect(href).toBe(`${wall.host.origin}/console`);
    expect(href).not.toContain(wall.host.tokens.console);
    // Script cannot read the cookie (HttpOnly), and the history entry has no token either.
    expect(await page.evaluate('document.cookie')).toBe('');
    const cookie = (await page.context().cookies()).find((c) => c.name.startsWith('tc-console-'));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: wall.host.origin.startsWith('https:') });
    expect(cookie?.value).not.toContain(wall.host.tokens.console);
    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    // Connected again over the socket, by the cookie alone.
    await expect(ready).toBeAttached({ timeout: 60_000 });
    expect(page.url()).toBe(`${wall.host.origin}/console`);
  });

  test('a screen the wall does not have gets a clear error page', async ({ page, wall }) => {
    await page.goto(`${wall.host.origin}/screen/Z9?token=${wall.host.tokens.screen}`);
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'error');
    await expect(page.getByTestId('screen-error')).toContainText('Màn hình không có trong cấu hình');
    await expect(page.getByTestId('screen-error')).toContainText('Z9');
  });

  test('a WebSocket message with a bad payload gets an error result and the wall is unaffected', async ({ screens, consolePage, wall }) => {
    const before = await wall.snapshot();
    // A real browser socket from the console page: same origin, let in by the page's cookie (no token in its address).
    const answers = await consolePage.page.evaluate(`new Promise((resolve, reject) => {
      const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws?role=console');
      const answers = [];
      ws.onerror = () => reject(new Error('socket error'));
      ws.onopen = () => {
        ws.send(JSON.stringify({ id: 1, channel: 'wall:setBezelCompensation', payload: { enabled: 'off' } }));
        ws.send('{"id": 2, "channel": ');
        ws.send(JSON.stringify({ id: 3, channel: 'wall:explode', payload: {} }));
        ws.send(JSON.stringify({ id: 4, channel: 'settings:setLanguage', payload: { language: 'fr' } }));
        ws.send(JSON.stringify({ id: 5, channel: 'state:snapshot', payload: {} }));
      };
      ws.onmessage = (e) => {
        const m = JSON.parse(e.data);
        if (!('result' in m)) return;
        answers.push({ id: m.id, ok: m.result.ok, code: m.result.ok ? null : m.result.error.code });
        if (answers.length === 5) { ws.close(); resolve(answers); }
      };
    })`);
    // Answers are matched by id, not by order: a refusal of unparseable JSON can overtake the others.
    const byId = (answers as Array<{ id: number | null }>).sort((a, b) => (a.id ?? -1) - (b.id ?? -1));
    expect(byId).toEqual([
      { id: null, ok: false, code: 'bad-json' },
      { id: 1, ok: false, code: 'invalid-payload' },
      { id: 3, ok: false, code: 'unknown-channel' },
      { id: 4, ok: false, code: 'invalid-payload' },
      { id: 5, ok: true, code: null },
    ]);
    expect(await wall.snapshot()).toEqual(before);
    for (const screen of Object.values(screens)) await screen.waitForRevision(before.revision);
    await expect(consolePage.page.locator('html')).toHaveAttribute('data-revision', String(before.revision));
  });

  test('a broken layout file is listed on the console while the wall keeps its last good state', async ({ screens, consolePage, wall }) => {
    const good = fs.readFileSync(wall.host.layoutFile, 'utf8');
    try {
      const broken = good.replace('"spacing": 120', '"spacing": "wide"');
      expect(broken).not.toBe(good);
      fs.writeFileSync(wall.host.layoutFile, broken);
      const problem = consolePage.problems().getByTestId('problem');
      await expect(problem).toHaveCount(1);
      await expect(problem).toContainText('spacing');
      // Named once (where), in the page's words, not the path twice.
      const shown = await problem.innerText();
      expect(shown.split(path.basename(wall.host.layoutFile)).length - 1).toBe(1);
      await expect(problem).toContainText('Tệp cấu hình có trường sai');
      await expect(consolePage.problems()).toContainText('Lỗi cấu hình (1)');
      const revision = await consolePage.revision();
      await screens.A1.waitForRevision(revision);
      await expect(screens.A1.panel('backdrop')).toHaveCount(1); // still the last good layout
    } finally {
      fs.writeFileSync(wall.host.layoutFile, good);
    }
    await expect(consolePage.problems()).toHaveAttribute('data-count', '0');
  });
});

test.describe('the console in Vietnamese where the browser would speak English', () => {
  // Generous: on a loaded 2-core box a sign-in alone has taken a minute.
  test.setTimeout(300_000);
  test('its own form checks, file picker and day-first date fields', async ({ context, wall }) => {
    const anonymous = await ConsolePage.open(context, wall.host.consoleUrl);
    expect(await anonymous.page.locator('form:not([novalidate])').count()).toBe(0);
    await anonymous.page.getByTestId('login-submit').click();
    await expect(anonymous.page.getByTestId('form-problem')).toHaveText('Chưa điền “Tên đăng nhập”.');
    await expect(anonymous.page.getByTestId('login-username')).toBeFocused();
    await anonymous.page.close();

    const admin = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.admin);
    await admin.openArea('audit');
    await admin.page.getByTestId('audit-filter-from').fill('12/31/2026');
    await admin.page.getByTestId('audit-apply').click();
    await expect(admin.page.getByTestId('form-problem')).toContainText('dd/MM/yyyy');
    await admin.page.getByTestId('audit-filter-from').fill('01/01/2026');
    await admin.page.getByTestId('audit-apply').click();
    await expect(admin.page.getByTestId('form-problem')).toHaveCount(0);
    expect(await admin.page.locator('input[type="date"], input[type="datetime-local"], input[type="time"]').count()).toBe(0);

    await admin.openArea('layouts');
    await expect(admin.page.locator('.file-picker').first()).toContainText('Chọn tệp…');
    await expect(admin.page.getByTestId('import-layout-name')).toHaveText('Chưa chọn tệp');
    await expect(admin.page.getByTestId('import-layout')).toHaveCSS('opacity', '0'); // the browser's own button never shows
  });
});
