import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { bridgeFunctions } from '../support/bridge-functions.js';

// The desktop app itself: main bundle, preload and renderer in a real Electron, on the demo wall as
// preview windows (--windowed), with a throw-away database. Needs `npm run build` and an Electron binary.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

function findElectron(): { path: string | null; why: string } {
  try {
    // The electron package exports the binary's path; it throws when the binary was never downloaded.
    const found: unknown = require('electron');
    return typeof found === 'string' ? { path: found, why: '' } : { path: null, why: 'require("electron") did not return a path' };
  } catch (err) {
    return { path: null, why: (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '' };
  }
}
const { path: electronPath, why } = findElectron();

const BRIDGE_FUNCTIONS = bridgeFunctions();
type Bridge = Record<string, (...args: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>>;

test.describe('Electron app on the demo wall', () => {
  test.skip(!electronPath, `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): ${why}`);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let userData: string;
  const pages = new Map<string, Page>();

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    expect(fs.existsSync(path.join(root, 'dist/electron/main.cjs')), 'run "npm run build" first').toBe(true);
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-e2e-'));
    const args = ['dist/electron/main.cjs', '--wall', 'config/walls/demo-2x2.json', '--windowed', '--db', path.join(userData, 'test.db')];
    // Chromium refuses to start as root with its sandbox on (CI containers); the page sandbox stays on.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    app = await electron.launch({ executablePath: electronPath!, args, cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '' } });
    await expect.poll(() => app.windows().length, { timeout: 30_000 }).toBe(5);
    for (const page of app.windows()) {
      await page.waitForURL(/^app:\/\/toancanh\//);
      pages.set(new URL(page.url()).pathname, page);
    }
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window per wall screen and a console, and every screen gets ready', async () => {
    expect([...pages.keys()].sort()).toEqual(['/console', '/screen/A1', '/screen/A2', '/screen/B1', '/screen/B2']);
    for (const id of ['A1', 'A2', 'B1', 'B2']) {
      await expect(pages.get(`/screen/${id}`)!.locator('html'), `screen ${id}`).toHaveAttribute('data-app-state', 'ready', { timeout: 30_000 });
    }
  });

  test('gives pages the bridge functions and nothing of Node', async () => {
    for (const [route, page] of pages) {
      const seen = await page.evaluate(() => {
        const bridge = (globalThis as unknown as { toanCanh?: object }).toanCanh;
        return {
          keys: bridge ? Object.keys(bridge).sort() : null,
          allFunctions: bridge ? Object.values(bridge).every((v) => typeof v === 'function') : false,
          require: typeof (globalThis as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
          module: typeof (globalThis as { module?: unknown }).module,
        };
      });
      expect(seen, route).toEqual({ keys: BRIDGE_FUNCTIONS, allFunctions: true, require: 'undefined', process: 'undefined', module: 'undefined' });
    }
  });

  test('the main process decides what a window may do, not the page', async () => {
    const screen = pages.get('/screen/A1')!;
    const asScreen = await screen.evaluate(() => (globalThis as unknown as { toanCanh: Bridge }).toanCanh.setIdentify!(true));
    expect(asScreen).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const otherScreen = await screen.evaluate(() =>
      (globalThis as unknown as { toanCanh: Bridge }).toanCanh.reportScreen!({ screenId: 'B2', appliedRevision: 1, state: 'ready' }),
    );
    expect(otherScreen).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asConsole = await pages.get('/console')!.evaluate(() => (globalThis as unknown as { toanCanh: Bridge }).toanCanh.setIdentify!(false));
    expect(asConsole).toMatchObject({ ok: true });
  });

  test('keeps every window on our origin: no navigating away, no new windows', async () => {
    const console_ = pages.get('/console')!;
    const popupRefused = await console_.evaluate(() => {
      const page = globalThis as unknown as { open(url: string): unknown; location: { href: string } };
      const popup = page.open('app://toancanh/console');
      page.location.href = 'https://example.com/';
      return popup === null;
    });
    expect(popupRefused).toBe(true);
    await expect.poll(() => console_.url()).toBe('app://toancanh/console');
    expect(app.windows()).toHaveLength(5);
  });
});
