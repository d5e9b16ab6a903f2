import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import type { DataEntry } from '../../common/protocol/data.js';
import type { Layout } from '../../common/wall/layout-schema.js';
import { watch } from './support/fixtures.js';
import { startInProcessWall, type InProcessWall } from './support/in-process-wall.js';

// Data-bound panels in Chromium: values enter the wall's data cache the way the backend link delivers
// them (WallCore.publishData) and reach the screen over the feed events of the WebSocket bridge.

const KEY = 'kpi.flood.evacuated-households';
// Its own key: the wall's cache keeps the newest value, and the test before has pushed newer ones to KEY.
const STALE_KEY = 'kpi.services.late-dossiers';
const panels = [
  { id: 'evacuated', type: 'kpi', rect: { x: 100, y: 100, width: 800, height: 400 }, z: 1, props: { key: KEY, digits: 0, periodS: 600, thresholds: { worse: 'above', warn: 1000, bad: 5000 } } },
  { id: 'late', type: 'kpi', rect: { x: 100, y: 600, width: 800, height: 400 }, z: 1, props: { key: STALE_KEY, digits: 0 } },
  { id: 'dashboard', type: 'web', rect: { x: 1000, y: 100, width: 800, height: 400 }, z: 1, props: { url: 'http://127.0.0.1:1/set-below' } },
  { id: 'elsewhere', type: 'web', rect: { x: 1000, y: 600, width: 800, height: 400 }, z: 1, props: { url: 'http://127.0.0.2:9/' } },
  // On A2, which only the failure test opens: its failed loads are console errors the other tests would count.
  { id: 'down', type: 'web', rect: { x: 2000, y: 100, width: 800, height: 400 }, z: 1, props: { url: 'http://127.0.0.1:1/set-below' } },
];
const layout = { schemaVersion: 1, id: 'e2e-indicators', name: 'e2e', wallId: 'demo-2x2', panels } as unknown as Layout;
const kpi = (value: number, at = Date.now(), key = KEY): DataEntry => ({ key, value: { type: 'kpi', value, unit: 'hộ', periodS: 600 }, at });

let wall: InProcessWall;
let dashboard: http.Server;
let dashboardOrigin: string;
let downPort: number;
const errors: string[] = [];

async function openA1(page: Page): Promise<void> {
  watch(page, errors);
  await page.goto(wall.screenUrl('A1'));
  await expect(page.locator(`html[data-app-state="ready"][data-revision="${wall.app.core.state.revision}"]`)).toBeAttached();
}

test.describe('indicator and web page panels', () => {
  test.beforeAll(async () => {
    // A province dashboard on another origin, the way web page panels meet them.
    dashboard = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Bảng điều hành</title><h1 id="board">Bảng điều hành dịch vụ công</h1>');
    });
    await new Promise<void>((resolve) => dashboard.listen(0, '127.0.0.1', resolve));
    dashboardOrigin = `http://127.0.0.1:${(dashboard.address() as AddressInfo).port}`;
    panels.find((p) => p.id === 'dashboard')!.props = { url: `${dashboardOrigin}/board` };
    // A listed origin whose server is not running (yet): a port that was free a moment ago.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    downPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    panels.find((p) => p.id === 'down')!.props = { url: `http://127.0.0.1:${downPort}/portal` };
    wall = await startInProcessWall(layout, { webOrigins: { frames: [dashboardOrigin, `http://127.0.0.1:${downPort}`], tiles: [] } });
  });
  test.afterAll(async () => {
    await wall.close();
    await new Promise((resolve) => dashboard.close(resolve));
  });

  test('a KPI value pushed into the wall’s data cache is on screen in Vietnamese format, its paint marked after its arrival', async ({ page }) => {
    await openA1(page);
    const tile = page.locator('[data-panel-id="evacuated"]');
    await expect(tile.getByTestId('no-data')).toHaveText('Chưa có dữ liệu');

    const latencies: number[] = [];
    const inPage: number[] = [];
    for (const [value, text, level] of [[850, '850', 'ok'], [12850, '12.850', 'bad'], [3200, '3.200', 'warn'], [47, '47', 'ok'], [1234567, '1.234.567', 'bad']] as const) {
      const pushedAt = Date.now();
      wall.publish([kpi(value, pushedAt)]);
      await expect(tile.getByTestId('kpi-value')).toHaveText(text);
      await expect(tile.locator('.kpi')).toHaveAttribute('data-level', level);
      // The page marks the frame after the commit that showed the value; both clocks are this machine's.
      const marks = (await page.evaluate(
        `(() => { const m = performance.getEntriesByName('tc:kpi-painted').at(-1); const r = performance.getEntriesByName('tc:data-received').at(-1);
          return m && m.detail.value === ${value} ? [performance.timeOrigin + r.startTime, performance.timeOrigin + m.startTime] : null; })()`,
      )) as [number, number] | null;
      expect(marks, `mark for ${value}`).not.toBeNull();
      latencies.push(marks![1] - pushedAt);
      inPage.push(marks![1] - marks![0]);
    }
    console.log(`KPI push → painted (ms): ${latencies.map((l) => l.toFixed(1)).join(', ')}; of which in the page: ${inPage.map((l) => l.toFixed(1)).join(', ')}`);
    // How fast is a benchmark's question (npm run bench:panels), not a test's: this machine is shared.
    for (const l of inPage) expect(l).toBeGreaterThanOrEqual(0);
  });

  test('an old value is shown as stale, a value of the wrong kind as invalid (logged once), and neither breaks the tile', async ({ page }) => {
    await openA1(page);
    const tile = page.locator('[data-panel-id="late"]');
    await expect(tile.getByTestId('no-data')).toHaveText('Chưa có dữ liệu');
    wall.publish([kpi(500, Date.now() - 601_000, STALE_KEY)]);
    await expect(tile.getByTestId('kpi-value')).toHaveText('500');
    await expect(tile.getByTestId('kpi-stale')).toHaveText('Dữ liệu cũ');
    await expect(tile.locator('.kpi')).toHaveAttribute('data-stale', 'true');

    wall.publish([{ key: STALE_KEY, value: { type: 'alerts', items: [] }, at: Date.now() }]);
    await expect(tile.getByTestId('invalid-data')).toContainText('Dữ liệu không hợp lệ');
    await expect(tile.getByTestId('invalid-data')).toContainText(`Khóa “${STALE_KEY}” chứa dữ liệu loại “alerts”`);
    wall.publish([{ key: STALE_KEY, value: { type: 'alerts', items: [] }, at: Date.now() + 1 }]);
    await expect.poll(() => errors.filter((e) => e.includes(`data key "${STALE_KEY}" holds a "alerts" value`)).length).toBe(1);
    errors.splice(0);

    wall.publish([kpi(640, Date.now() + 2, STALE_KEY)]);
    await expect(tile.getByTestId('kpi-value')).toHaveText('640');
    await expect(tile.locator('.kpi')).toHaveAttribute('data-stale', 'false');
    expect(errors).toEqual([]);
  });

  test('a web page panel frames only allowed origins, sandboxed, and the page’s CSP allows exactly those', async ({ page }) => {
    const response = await page.goto(wall.screenUrl('A1'));
    watch(page, errors);
    const csp = (await response!.headerValue('content-security-policy')) ?? '';
    expect(csp.split('; ').find((d) => d.startsWith('frame-src'))).toBe(`frame-src ${dashboardOrigin} http://127.0.0.1:${downPort}`);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain(`frame-src ${dashboardOrigin}`);

    const frame = page.locator('[data-panel-id="dashboard"] iframe');
    await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
    await expect(frame).toHaveAttribute('src', `${dashboardOrigin}/board`);
    await expect(page.frameLocator('[data-panel-id="dashboard"] iframe').locator('#board')).toHaveText('Bảng điều hành dịch vụ công');

    const refused = page.locator('[data-panel-id="elsewhere"]');
    await expect(refused.getByTestId('web-refused')).toContainText('Không được phép hiển thị trang này');
    await expect(refused.getByTestId('web-refused')).toContainText('http://127.0.0.2:9');
    await expect(refused.locator('iframe')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a web page whose server does not answer shows the wall’s own state, never the browser’s error page, and loads once the server is back', async ({ page }) => {
    await page.goto(wall.screenUrl('A2'));
    const down = page.locator('[data-panel-id="down"]');
    const failed = down.getByTestId('web-failed');
    await expect(failed).toContainText('Không tải được trang');
    await expect(failed).toContainText(`http://127.0.0.1:${downPort}`);
    await expect(failed).toHaveAttribute('data-reason', 'refused');
    await expect(failed).toContainText(/Thử lại sau \d+ giây|Đang thử lại/);
    await expect(down.locator('iframe')).toHaveCount(0);
    // It keeps trying, further apart each time.
    await expect(failed).toHaveAttribute('data-attempt', '2', { timeout: 20_000 });

    const portal = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Cổng</title><h1 id="portal">Cổng điều hành</h1>');
    });
    await new Promise<void>((resolve) => portal.listen(downPort, '127.0.0.1', resolve));
    try {
      await expect(page.frameLocator('[data-panel-id="down"] iframe').locator('#portal')).toHaveText('Cổng điều hành', { timeout: 30_000 });
      await expect(failed).toHaveCount(0);
    } finally {
      await new Promise((resolve) => portal.close(resolve));
    }
  });
});
