import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test as wallTest } from './support/fixtures.js';
import { hexRgb, near, screenshotPixels, type Rgb } from './support/pixels.js';
import { startWebHostProcess, type WebHostProcess } from './support/web-host-process.js';

// A centre's feeds as files (config/sources), the simulator off: the hydro-meteorological service's CAP
// 1.2 warning pushed to the hub shows on the ticker and as an area on the map, and its Cancel takes both
// away; a one-stop-shop system polled over HTTP that stops answering marks its tile stale while the rest
// of the wall (another HTTP source, the warning) carries on, and is fresh again once it answers.

const SEA = '#102030';
const VIEW = { longitude: 107.58, latitude: 16.46, zoom: 9 };
const MAP = { x: 100, y: 100, width: 900, height: 600 };
const CAP_SAMPLE = 'config/sources/samples/cap-lu-song-huong.xml';
const CAP_CANCEL = 'config/sources/samples/cap-lu-song-huong-huy.xml';

// Web Mercator written out here, independently of the app: canvas px of a lon/lat in MAP showing VIEW.
const worldX = (lon: number) => ((lon + 180) / 360) * 512 * 2 ** VIEW.zoom;
const worldY = (lat: number) => ((Math.PI - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / (2 * Math.PI)) * 512 * 2 ** VIEW.zoom;
const canvasAt = (lat: number, lon: number): [number, number] => [
  Math.round(MAP.x + MAP.width / 2 + worldX(lon) - worldX(VIEW.longitude)),
  Math.round(MAP.y + MAP.height / 2 + worldY(lat) - worldY(VIEW.latitude)),
];
/** Inside the sample's polygon (16.40–16.52 N, 107.50–107.66 E), away from its edges and its label. */
const INSIDE = canvasAt(16.425, 107.525);
/** Well outside the polygon and the circle. */
const OUTSIDE = canvasAt(16.3, 107.4);

const layout = {
  schemaVersion: 1,
  id: 'demo-2x2-normal',
  name: 'Nguồn dữ liệu (e2e)',
  wallId: 'demo-2x2',
  panels: [
    { id: 'backdrop', type: 'solid', rect: { x: 0, y: 0, width: 3846, height: 2166 }, z: 0, props: { color: '#000000' } },
    { id: 'cap-map', type: 'map', rect: MAP, z: 1, props: { view: VIEW, sea: SEA, boundaries: [], legend: 'none', layers: [{ kind: 'areas', key: 'areas.cap', style: 'alert' }] } },
    { id: 'dossiers', type: 'kpi', rect: { x: 2000, y: 100, width: 800, height: 500 }, z: 1, props: { key: 'kpi.e2e.dossiers', label: 'Hồ sơ đã nhận', digits: 0, fontSize: 90 } },
    { id: 'visitors', type: 'kpi', rect: { x: 2900, y: 100, width: 800, height: 500 }, z: 1, props: { key: 'kpi.e2e.visitors', label: 'Lượt khách', digits: 0, fontSize: 90 } },
    { id: 'ticker', type: 'alert-ticker', rect: { x: 0, y: 1900, width: 3846, height: 160 }, z: 1, props: { key: 'alerts.cap', fontSize: 44, speedPxPerS: 140 } },
  ],
};

/** A statistics endpoint on loopback; `hang` makes it accept requests and never answer. */
interface Feed {
  url: string;
  value: number;
  hang: boolean;
  requests: number;
  close(): Promise<void>;
}

async function startFeed(field: string, value: number): Promise<Feed> {
  const feed = { url: '', value, hang: false, requests: 0, close: async () => {} };
  const server = http.createServer((_req, res) => {
    feed.requests++;
    if (feed.hang) return; // the connection stays open: the source's timeout has to cut it off
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ thongKe: { [field]: feed.value } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/thong-ke`;
  feed.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return feed;
}

function writeConfig(dir: string, feeds: { dossiers: Feed; visitors: Feed }): { layoutFile: string; sourcesDir: string } {
  const sourcesDir = path.join(dir, 'sources');
  fs.mkdirSync(sourcesDir);
  fs.copyFileSync('config/sources/canh-bao-cap.json', path.join(sourcesDir, 'canh-bao-cap.json'));
  const http = (id: string, url: string, field: string, key: string) => ({ id, type: 'http', url, intervalS: 1, timeoutMs: 1500, points: [{ path: `/thongKe/${field}`, to: { kind: 'kpi', key, unit: '', min: 0 } }] });
  fs.writeFileSync(path.join(sourcesDir, 'mot-cua.json'), JSON.stringify(http('mot-cua', feeds.dossiers.url, 'daNhan', 'kpi.e2e.dossiers')));
  fs.writeFileSync(path.join(sourcesDir, 'du-lich.json'), JSON.stringify(http('du-lich', feeds.visitors.url, 'luotKhach', 'kpi.e2e.visitors')));
  const layoutFile = path.join(dir, 'layout.json');
  fs.writeFileSync(layoutFile, JSON.stringify(layout));
  return { layoutFile, sourcesDir };
}

const test = wallTest.extend<object, { feeds: { dossiers: Feed; visitors: Feed }; host: WebHostProcess }>({
  feeds: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const feeds = { dossiers: await startFeed('daNhan', 1200), visitors: await startFeed('luotKhach', 5000) };
      await use(feeds);
      await Promise.all([feeds.dossiers.close(), feeds.visitors.close()]);
    },
    { scope: 'worker' },
  ],
  host: [
    async ({ feeds }, use) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-sources-e2e-'));
      const { layoutFile, sourcesDir } = writeConfig(dir, feeds);
      const host = await startWebHostProcess({ layout: layoutFile, env: { TOAN_CANH_SIMULATE: '0', TOAN_CANH_SOURCES_DIR: sourcesDir } });
      await use(host);
      await host.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

test.describe.configure({ timeout: 180_000 });

test('a CAP warning shows on the ticker and the map until its Cancel; an HTTP source that stops answering goes stale alone, and fresh again', async ({ wall, screens, feeds }) => {
  const hub = wall.host.hubUrl;
  const token = hub.searchParams.get('token') ?? '';
  const postCap = (file: string) =>
    fetch(`${hub.origin}/api/sources/canh-bao-cap/cap`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/xml' }, body: fs.readFileSync(file) });
  const sourceState = async (id: string) =>
    ((await (await fetch(`${hub.origin}/api/sources/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { value: { state: string; lastError?: string } }).value;

  const a1 = screens.A1;
  const a2 = screens.A2;
  const [dossiers, visitors] = [a2.panel('dossiers').locator('.kpi'), a2.panel('visitors').locator('.kpi')];
  const ticker = screens.B1.panel('ticker');
  await expect(a1.panel('cap-map').getByTestId('map-panel')).toHaveAttribute('data-drawn', 'true', { timeout: 90_000 });
  const [ox, oy] = [(await a1.canvasRect()).x, (await a1.canvasRect()).y];
  const mapPixels = async (): Promise<Rgb[]> => screenshotPixels(a1.page, [INSIDE, OUTSIDE].map(([x, y]) => [x - ox, y - oy] as const));
  const sea = hexRgb(SEA);
  const show = (c: Rgb[]) => JSON.stringify(c);

  // Both HTTP sources polled: their values on the tiles, live.
  await expect(dossiers.getByTestId('kpi-value')).toHaveText('1.200', { timeout: 30_000 });
  await expect(visitors.getByTestId('kpi-value')).toHaveText('5.000');
  await expect(dossiers).toHaveAttribute('data-stale', 'false');
  const allSea = async () => (await mapPixels()).every((p) => near(p, sea, 6));
  await expect.poll(allSea, { message: 'no warning yet: the map is sea' }).toBe(true);
  await expect(ticker.locator('.alert-ticker__item')).toHaveCount(0);

  // The warning (Vietnamese info, Severe, Immediate, Observed → danger) on the ticker and the map.
  const posted = await postCap(CAP_SAMPLE);
  expect(posted.status, await posted.clone().text()).toBe(202);
  const item = ticker.locator('.alert-ticker__item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Cảnh báo lũ khẩn cấp trên sông Hương');
  await expect(item).toHaveAttribute('data-severity', 'danger');
  const areaDrawn = async () => {
    const [inside, outside] = (await mapPixels()) as [Rgb, Rgb];
    return inside[0] > sea[0] + 40 && near(outside, sea, 6) ? 'inside reddish, outside sea' : show([inside, outside]);
  };
  await expect.poll(areaDrawn, { message: 'the warning area is drawn inside its polygon, not outside', timeout: 30_000 }).toBe('inside reddish, outside sea');
  const withArea = await mapPixels();

  // The one-stop shop stops answering: its source fails on its timeout and its tile says "Dữ liệu cũ",
  // with its last value; the other source's tile stays live and keeps moving, the warning stays.
  feeds.dossiers.hang = true;
  await expect(dossiers).toHaveAttribute('data-stale', 'true', { timeout: 30_000 });
  await expect(dossiers.getByTestId('kpi-stale')).toHaveText('Dữ liệu cũ');
  await expect(dossiers.getByTestId('kpi-value')).toHaveText('1.200');
  expect(await sourceState('mot-cua')).toMatchObject({ state: 'failing' });
  feeds.visitors.value = 5100;
  await expect(visitors.getByTestId('kpi-value')).toHaveText('5.100', { timeout: 30_000 });
  await expect(visitors).toHaveAttribute('data-stale', 'false');
  await expect(visitors.getByTestId('kpi-stale')).toHaveCount(0);
  expect(await sourceState('du-lich')).toMatchObject({ state: 'ok' });
  await expect(item).toHaveCount(1);
  expect(show(await mapPixels()), 'the map is unchanged while a KPI source fails').toBe(show(withArea));

  // It answers again: fresh, with its new value.
  feeds.dossiers.value = 1345;
  feeds.dossiers.hang = false;
  await expect(dossiers.getByTestId('kpi-value')).toHaveText('1.345', { timeout: 30_000 });
  await expect(dossiers).toHaveAttribute('data-stale', 'false');
  await expect(dossiers.getByTestId('kpi-stale')).toHaveCount(0);
  expect(await sourceState('mot-cua')).toMatchObject({ state: 'ok' });

  // The Cancel referencing the warning withdraws it: off the ticker, off the map.
  const cancelled = await postCap(CAP_CANCEL);
  expect(cancelled.status, await cancelled.clone().text()).toBe(202);
  await expect(item).toHaveCount(0);
  await expect.poll(allSea, { message: 'the warning area is gone: sea again', timeout: 30_000 }).toBe(true);
  await expect(visitors).toHaveAttribute('data-stale', 'false');
});
