import { expect, SCREEN_IDS, test } from './support/fixtures.js';

// Always over HTTPS/WSS (issue 14): the host is started with a throwaway certificate from a test CA made
// with openssl (tests/support/test-tls.ts), and Chromium trusts exactly that key. The rest of the suite
// runs this way with E2E_TLS=1.
test.use({ tlsHost: true });

test.describe('the wall over TLS', () => {
  test('screens and the console load over HTTPS, sign in and stay current over WSS, with HSTS', async ({ screens, consolePage, wall }) => {
    expect(wall.host.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    for (const id of SCREEN_IDS) expect(screens[id].page.url().startsWith('https://')).toBe(true);
    // Signed in (the fixture signs the admin in through the page's form), over the encrypted socket.
    await expect(consolePage.page.getByTestId('console-shell')).toBeVisible();
    await expect(consolePage.page.getByTestId('insecure-warning')).toHaveCount(0);
    const hsts = await consolePage.page.evaluate("fetch(location.href).then((r) => r.headers.get('strict-transport-security'))");
    expect(hsts).toBe('max-age=31536000');

    // A change made on the wall reaches every screen and the console through WSS.
    expect(await wall.admin.request('wall:setIdentify', { enabled: true })).toMatchObject({ ok: true });
    const revision = (await wall.snapshot()).revision;
    for (const id of SCREEN_IDS) await screens[id].waitForRevision(revision);
    await consolePage.waitForRevision(revision);
    expect(await wall.admin.request('wall:setIdentify', { enabled: false })).toMatchObject({ ok: true });
  });
});
