import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { PanelType } from '../../../common/panels/registry.js';
import type { WallState } from '../../../common/state.js';
import { WallSocket } from '../../support/wall-socket.js';
import { ConsolePage } from '../pages/console-page.js';
import { ScreenPage } from '../pages/screen-page.js';
import { ACCOUNTS, signInAdmin } from './accounts.js';
import { startWebHostProcess, type WebHostProcess } from './web-host-process.js';
import { makeTestTls, type TestTls } from '../../support/test-tls.js';

const DEMO_LAYOUT = 'demo-2x2-normal';
export const SCREEN_IDS = ['A1', 'A2', 'B1', 'B2'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];
/** Left out of the demo layout for specs about the wall and console; tests/e2e/demo.spec.ts shows them all. */
export const HEAVY_PANEL_TYPES = ['map', 'camera', 'web'] as const satisfies readonly PanelType[];

/** The wall as a test starts it: defaults restored, and a console socket to read the truth. */
export interface Wall {
  host: WebHostProcess;
  admin: WallSocket;
  /** Revision after the reset. */
  revision: number;
  snapshot(): Promise<WallState>;
}

interface TestFixtures {
  wall: Wall;
  screens: Record<ScreenId, ScreenPage>;
  consolePage: ConsolePage;
  /** Console errors and uncaught exceptions on the fixture pages: a CSP violation lands here too. */
  pageErrors: string[];
}

/**
 * The wall's screen pages for one worker: opened once and kept, as a wall's screens stay up for months
 * while the wall changes under them; each test resets the wall (fixture `wall`) and waits for every page
 * to paint that revision. A page a test closed, or every page after a failed test, is opened afresh.
 */
interface ScreenPool {
  context: BrowserContext;
  pages: Partial<Record<ScreenId, ScreenPage>>;
  /** Where the pages' console errors go: the current test's list. */
  sink: { errors: string[] };
}

interface WorkerFixtures {
  host: WebHostProcess;
  screenPool: ScreenPool;
  /** Serve the worker's host over HTTPS/WSS (E2E_TLS=1, or test.use({ tlsHost: true }) in a spec). */
  tlsHost: boolean;
  /** The throwaway CA and certificate for that, made with openssl (null without TLS). */
  testTls: TestTls | null;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  tlsHost: [process.env.E2E_TLS === '1', { option: true, scope: 'worker' }],
  testTls: [
    async ({ tlsHost }, use) => {
      const tls = tlsHost ? makeTestTls() : null;
      await use(tls);
      tls?.remove();
    },
    { scope: 'worker' },
  ],
  // Chromium trusts exactly the test certificate's key, by its SPKI hash: nothing else is waved through
  // (not ignoreHTTPSErrors, which would accept any certificate). Needs the user-data folder Playwright gives it.
  launchOptions: [
    async ({ launchOptions, testTls }, use) => {
      await use(testTls ? { ...launchOptions, args: [...(launchOptions.args ?? []), `--ignore-certificate-errors-spki-list=${testTls.spki}`] } : launchOptions);
    },
    { scope: 'worker' },
  ],
  host: [
    async ({ testTls }, use) => {
      // Four screen pages and a console on two cores draw a next layout hidden in more than the default
      // 150 ms: a longer lead keeps the swap on time, which swap.spec relies on.
      const host = await startWebHostProcess({ withoutTypes: HEAVY_PANEL_TYPES, env: { TOAN_CANH_APPLY_DELAY_MS: '600' }, tls: testTls });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],

  wall: async ({ host }, use) => {
    const admin = await WallSocket.open(`${host.origin.replace('http', 'ws')}/ws?token=${host.tokens.console}&role=console`, {}, host.ca);
    await signInAdmin(admin);
    const snapshot = async () => {
      const r = await admin.request('state:snapshot', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value as WallState;
    };
    for (const [channel, payload] of [
      ['wall:setBezelCompensation', { enabled: true }],
      ['wall:setIdentify', { enabled: false }],
      ['settings:setLanguage', { language: 'vi' }],
      // Cameras a test put on the wall by hand (nothing changes when there are none).
      ['overrides:clear', {}],
    ] as const) {
      expect(await admin.request(channel, payload)).toMatchObject({ ok: true });
    }
    // A test may have put another layout on the wall (the layout editor, a scenario): back to the demo.
    if ((await snapshot()).layout.id !== DEMO_LAYOUT) expect(await admin.request('layouts:apply', { layoutId: DEMO_LAYOUT })).toMatchObject({ ok: true });
    const state = await snapshot();
    expect(state.problems, 'the wall starts without config problems').toEqual([]);
    await use({ host, admin, revision: state.revision, snapshot });
    admin.close();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright needs the pattern, even empty
  pageErrors: async ({}, use) => {
    await use([]);
  },

  screenPool: [
    async ({ browser }, use) => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      await use({ context, pages: {}, sink: { errors: [] } });
      await context.close();
    },
    { scope: 'worker' },
  ],

  screens: async ({ screenPool: pool, wall, pageErrors }, use, testInfo) => {
    pool.sink.errors = pageErrors;
    // Opened together, as a wall's screens start: the pages load and parse in parallel.
    const missing = SCREEN_IDS.filter((id) => pool.pages[id]?.page.isClosed() !== false);
    const fresh = await Promise.all(
      missing.map((id) => ScreenPage.open(pool.context, id, wall.host.screenUrls.get(id)!, (page) => watch(page, { push: (e) => pool.sink.errors.push(e) }))),
    );
    missing.forEach((id, i) => (pool.pages[id] = fresh[i]!));
    const opened = pool.pages as Record<ScreenId, ScreenPage>;
    // A first map frame compiles its shaders: many seconds on SwiftShader, with four pages at once.
    for (const id of SCREEN_IDS) await opened[id].waitForRevision(wall.revision, 90_000);
    await use(opened);
    // After a failure the next test starts from new pages, whatever state this one left them in.
    if (testInfo.status !== testInfo.expectedStatus) for (const id of SCREEN_IDS) await pool.pages[id]?.page.close();
    expect(pageErrors, 'errors on wall pages').toEqual([]);
  },

  consolePage: async ({ context, wall, pageErrors }, use) => {
    const page = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.admin);
    watch(page.page, pageErrors);
    await page.waitForRevision(wall.revision);
    await use(page);
    expect(pageErrors, 'errors on the console page').toEqual([]);
  },
});

// Chromium's software GL reports its own performance notes as console warnings (luma.gl reads pixels
// once when it probes a new WebGL context); they say nothing about the app.
const GL_DRIVER_NOTE = /^\[\.WebGL-[0-9a-fx]+\]GL Driver Message \(OpenGL, Performance,/;

export function watch(page: Page, errors: Pick<string[], 'push'>): void {
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !GL_DRIVER_NOTE.test(m.text())) errors.push(`${page.url()}: ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: uncaught: ${e.message}`));
}

export { expect };
