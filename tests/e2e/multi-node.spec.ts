import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { WallHealth } from '../../common/protocol/health.js';
import { ScreenPage } from './pages/screen-page.js';
import { HEAVY_PANEL_TYPES, watch } from './support/fixtures.js';
import { startMultiNodeWall, type MultiNodeWall, type NodeId } from './support/multi-node-wall.js';

// The 2×2 demo wall driven by two PCs: the standalone hub and two node processes, row A (A1, A2) and
// row B (B1, B2), each node's screens in a Chromium of its own, as two PCs would have them. The wall is
// the light one (no maps, web pages or cameras) plus one camera that spans the seam between A1 and B1,
// that is between the two nodes, in the normal-operations scenario.

interface SwapRecord {
  applyAt: number;
  frameAt: number;
  paintedAt?: number;
}

// Canvas y 900–1260: 180 px at the bottom of A1 (row A ends at 1080), 174 px at the top of B1 (row B
// starts at 1086, after the bezels).
const SEAM_CAMERA = {
  id: 'seam-camera',
  type: 'camera',
  title: 'Camera qua mối nối hai máy',
  rect: { x: 40, y: 900, width: 640, height: 360 },
  z: 9,
  props: { cameras: [{ id: 'nga-tu-le-duan', name: 'Ngã tư Lê Duẩn' }] },
};
const ROWS: Record<NodeId, readonly string[]> = { 'demo-row-a': ['A1', 'A2'], 'demo-row-b': ['B1', 'B2'] };
// Within this, two nodes' apply times are one moment (a frame at 50 Hz): the clock estimates' error.
const CLOCK_TOLERANCE_MS = 20;
// A swap's frame may begin up to a frame before its apply time (renderer/screen/use-scheduled-state.ts).
const FRAME_MS = 17;

const test2 = test.extend<{ multi: MultiNodeWall; browsers: Record<NodeId, Browser> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  multi: async ({}, use) => {
    const multi = await startMultiNodeWall({
      withoutTypes: HEAVY_PANEL_TYPES,
      applyDelayMs: 600,
      editScenario: (id, scenario) => {
        if (id === 'normal-operations') scenario.layout.panels.push(SEAM_CAMERA);
      },
    });
    await use(multi);
    await multi.stop();
  },
  browsers: async ({ playwright }, use, testInfo) => {
    const launch = () => playwright.chromium.launch(testInfo.project.use.launchOptions);
    const [a, b] = await Promise.all([launch(), launch()]);
    await use({ 'demo-row-a': a, 'demo-row-b': b });
    await Promise.all([a.close(), b.close()]);
  },
});

test2.describe.configure({ timeout: 300_000 });

test2('two nodes drive one wall: one apply time across nodes, a node killed and back, a camera across their seam in step', async ({ multi, browsers }, testInfo) => {
  const errors: Record<NodeId, string[]> = { 'demo-row-a': [], 'demo-row-b': [] };
  const screens = new Map<string, ScreenPage>();
  for (const [nodeId, node] of Object.entries(multi.nodes) as [NodeId, MultiNodeWall['nodes'][NodeId]][]) {
    expect(node.screens, `${nodeId} serves only its own screens`).toEqual(ROWS[nodeId]);
    const context = await browsers[nodeId].newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    for (const id of node.screens) screens.set(id, await ScreenPage.open(context, id, node.screenUrls.get(id)!, (p) => watch(p, errors[nodeId])));
  }
  for (const s of screens.values()) await expect(s.html()).toHaveAttribute('data-app-state', 'ready', { timeout: 60_000 });
  const screen = (id: string) => screens.get(id)!;
  const ids = [...screens.keys()];

  // Node A's console, signed in as its first administrator (set up from the page, as on a new PC).
  const consoleContext = await browsers['demo-row-a'].newContext({ viewport: { width: 1600, height: 1000 } });
  const consolePage = await consoleContext.newPage();
  watch(consolePage, errors['demo-row-a']);
  await consolePage.goto(multi.nodes['demo-row-a'].consoleUrl);
  await signUpAdmin(consolePage);

  const first = await test2.step('(a) an activation switches all four screens at one apply time', async () => {
    const result = await switchAndRead(multi, ids.map(screen), 'normal-operations');
    const health = await multi.health();
    const late: string[] = [];
    for (const [i, id] of ids.entries()) {
      const r = result.records[i]!;
      const node = nodeOf(health, id);
      const offset = node.process?.clockOffsetMs;
      expect(offset, `${node.nodeId} has a clock estimate`).not.toBeNull();
      // The page's apply time is on its node's clock; on the hub's clock it must be the announced one.
      expect(Math.abs(r.applyAt + offset! - result.applyAt), `${id}: its apply time is the hub's, on ${node.nodeId}'s clock`).toBeLessThanOrEqual(CLOCK_TOLERANCE_MS);
      expect(r.frameAt, `${id}: not swapped before the apply time`).toBeGreaterThanOrEqual(r.applyAt - FRAME_MS);
      late.push(`${id} ${Math.round(r.frameAt - r.applyAt)} ms`);
    }
    testInfo.annotations.push({ type: 'swap frame after the apply time (page account, load-dependent)', description: late.join(', ') });
    return result;
  });

  await test2.step('(d) the camera across the seam between the nodes plays in step by programme date time', async () => {
    const halves = ['A1', 'B1'].map((id) => screen(id).panel('seam-camera'));
    for (const half of halves) await expect(half.getByTestId('camera-tile')).toHaveAttribute('data-camera-state', 'playing', { timeout: 90_000 });
    // The tolerance of the single-node seam test (camera.spec.ts): each half within half a frame of the
    // shared target, the two within one frame (40 ms at 25 fps) of each other.
    const errorsNow = () => Promise.all(halves.map((h) => h.locator('.camera-player').getAttribute('data-sync-error-ms').then((v) => (v === null ? Number.NaN : Number(v)))));
    const readings: string[] = [];
    await expect
      .poll(
        async () => {
          const now = await errorsNow();
          readings.push(now.join('/'));
          return now.every((e) => Math.abs(e) <= 20);
        },
        { timeout: 60_000, message: 'both halves within half a frame of the shared target' },
      )
      .toBe(true)
      .catch((err: Error) => {
        throw new Error(`${err.message}\nlast readings, A1/B1 ms: ${readings.slice(-30).join(', ')}`);
      });
    const [a, b] = await errorsNow();
    testInfo.annotations.push({ type: 'seam camera programme-time error', description: `A1 ${a} ms, B1 ${b} ms` });
    expect(Math.abs(a! - b!), 'the halves on the two nodes apart by at most one frame (40 ms)').toBeLessThanOrEqual(40);
  });

  const bErrorsBeforeKill = [...errors['demo-row-b']];
  const second = await test2.step('(b) node B killed: node A\'s screens still switch, the console names the node and screens down', async () => {
    await multi.nodes['demo-row-b'].kill9();
    const result = await switchAndRead(multi, ['A1', 'A2'].map(screen), 'flood-response');
    expect(result.revision).toBeGreaterThan(first.revision);
    // Node B's pages keep the last picture they had.
    for (const id of ['B1', 'B2']) await expect(shownLayer(screen(id), 'normal-operations', first.revision)).toHaveCount(1);
    const nodeB = consolePage.getByTestId('wall-health-node-demo-row-b');
    await expect(nodeB).toHaveAttribute('data-connected', 'false', { timeout: 30_000 });
    await expect(nodeB.getByTestId('node-state')).toContainText('MẤT KẾT NỐI');
    for (const id of ['B1', 'B2']) {
      const row = consolePage.getByTestId(`wall-health-${id}`);
      await expect(row).toHaveAttribute('data-state', 'nodeDown');
      await expect(row).toHaveAttribute('data-node', 'demo-row-b');
      await expect(row).toContainText('Máy điều khiển mất kết nối');
    }
    await expect(consolePage.getByTestId('wall-health-node-demo-row-a')).toHaveAttribute('data-connected', 'true');
    for (const id of ['A1', 'A2']) {
      const row = consolePage.getByTestId(`wall-health-${id}`);
      await expect(row).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await expect(row).toHaveAttribute('data-revision', String(result.revision), { timeout: 30_000 });
    }
    return result;
  });

  await test2.step('(c) node B back: its screens converge to the current revision', async () => {
    await multi.nodes['demo-row-b'].restart();
    // Its pages reconnect by themselves (backoff up to 30 s) and show what the wall shows now.
    for (const id of ['B1', 'B2']) await expect(shownLayer(screen(id), 'flood-response', second.revision)).toHaveCount(1, { timeout: 60_000 });
    await expect
      .poll(async () => (await multi.health()).nodes.find((n) => n.nodeId === 'demo-row-b')?.health.map((h) => [h.screenId, h.online, h.revision]), { timeout: 30_000, message: 'the hub hears B1 and B2 show the current revision' })
      .toEqual([['B1', true, second.revision], ['B2', true, second.revision]]);
    await expect(consolePage.getByTestId('wall-health-node-demo-row-b')).toHaveAttribute('data-connected', 'true', { timeout: 30_000 });
    for (const id of ids) {
      const row = consolePage.getByTestId(`wall-health-${id}`);
      await expect(row).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await expect(row).toHaveAttribute('data-revision', String(second.revision), { timeout: 30_000 });
    }
  });

  expect(errors['demo-row-a'], 'errors on node A\'s pages').toEqual([]);
  expect(bErrorsBeforeKill, 'errors on node B\'s pages before it was killed').toEqual([]);
});

/** Activates `scenarioId` on the hub and waits until every page painted a new swap showing it; their swap records. */
async function switchAndRead(multi: MultiNodeWall, pages: ScreenPage[], scenarioId: string): Promise<{ revision: number; applyAt: number; records: SwapRecord[] }> {
  const before = await Promise.all(pages.map((s) => swapCount(s.page)));
  const answer = await multi.activate(scenarioId);
  const records = await Promise.all(
    pages.map(async (s, i) => {
      await s.page.waitForFunction(
        (n) => {
          const swaps = (globalThis as unknown as { __tcSwaps?: SwapRecord[] }).__tcSwaps ?? [];
          return swaps.length > n && swaps.at(-1)!.paintedAt !== undefined;
        },
        before[i]!,
        { timeout: 60_000 },
      );
      await expect(shownLayer(s, scenarioId, answer.revision), `${s.screenId} shows ${scenarioId}`).toHaveCount(1);
      return s.page.evaluate(() => (globalThis as unknown as { __tcSwaps: SwapRecord[] }).__tcSwaps.at(-1)!);
    }),
  );
  return { ...answer, records };
}

/** The layer on show, if it is this activation's (renderer/screen/screen-page.tsx marks each layer with it). */
function shownLayer(s: ScreenPage, scenarioId: string, revision: number): Locator {
  return s.page.locator(`[data-layer="shown"][data-layer-key="${scenarioId}#${revision}"]`);
}

function swapCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { __tcSwaps?: unknown[] }).__tcSwaps?.length ?? 0);
}

function nodeOf(health: WallHealth, screenId: string): WallHealth['nodes'][number] {
  const node = health.nodes.find((n) => n.connected && n.screens.includes(screenId));
  if (!node) throw new Error(`no connected node drives ${screenId}: ${JSON.stringify(health.nodes.map((n) => [n.nodeId, n.connected, n.screens]))}`);
  return node;
}

/** A new node's console: the first administrator, created from the sign-in page. */
async function signUpAdmin(page: Page): Promise<void> {
  await expect(page.getByTestId('login-screen')).toHaveAttribute('data-mode', 'setup', { timeout: 30_000 });
  await page.getByTestId('setup-username').fill('quantri');
  await page.getByTestId('setup-displayName').fill('Quản trị viên E2E');
  await page.getByTestId('setup-password').fill('quan-tri-e2e-2026');
  await page.getByTestId('setup-again').fill('quan-tri-e2e-2026');
  await page.getByTestId('setup-submit').click();
  // The password hash takes seconds on a loaded box.
  await expect(page.getByTestId('console-shell')).toHaveAttribute('data-user', 'quantri', { timeout: 90_000 });
}
