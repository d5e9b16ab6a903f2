/* global document, window -- the functions passed to evaluate run in the page */
// Fault 4: a camera source that goes away and comes back 100 times, shown in four tiles. Every tile must
// be playing again within 10 s of each return, and the page's memory must stay flat.
import { startCameraServer } from '../../hub/cameras/server.ts';
import { DEFAULT_MEDIA_DIR } from '../../hub/cameras/simulator.ts';
import { serveHarness } from '../../tests/e2e/fixtures/camera-site.ts';
import { launchBrowser } from '../cdp-browser.mjs';
import { treeSample } from '../proc-tree.mjs';
import { quantile } from '../bench-report.mjs';
import { fmtMs, table, within } from './common.mjs';

const FLAPS = Number(process.env.FAULTS_CAMERA_FLAPS || 100);
const BUDGET_MS = 14 * 60_000; // the whole fault, whatever the flaps take
const LOST_WITHIN_MS = 20_000;
const BACK_GOAL_MS = 10_000;
const BACK_WITHIN_MS = 30_000;
const MEMORY_GOAL = 0.05; // renderer PSS growth from the first sample to the last
const CAMERA = 'de-huu-ngan';
const TILES = 4;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];

export async function cameraFlap(stack) {
  const cameras = await startCameraServer({ mediaDir: DEFAULT_MEDIA_DIR, host: '127.0.0.1' });
  stack.defer('camera server', () => cameras.close());
  const site = await serveHarness(cameras.origin);
  stack.defer('camera harness site', () => site.close());
  const viewport = { width: 1280, height: 720 };
  const browser = await launchBrowser({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, windowSize: viewport });
  stack.defer(`Chromium (pid ${browser.pid})`, () => browser.close());
  const page = await browser.newPage({ url: site.origin, viewport });
  if (!(await page.waitFor(() => document.documentElement.dataset.harness === 'ready'))) throw new Error('camera harness page not ready in 30 s');
  const camera = { id: CAMERA, name: CAMERA, url: `${cameras.origin}/cameras/${CAMERA}/live.m3u8` };
  await page.evaluate(({ camera, tiles }) => {
    for (let k = 0; k < tiles; k++) window.__cameraHarness.mount(`tile-${k}`, { props: { cameras: [camera] }, rect: { x: (k % 2) * 640, y: Math.floor(k / 2) * 360, width: 640, height: 360 } });
  }, { camera, tiles: TILES });
  const states = () => page.evaluate(() => [...document.querySelectorAll('[data-camera-state]')].map((e) => e.getAttribute('data-camera-state')));
  const all = (state) => async () => {
    const s = await states();
    return s.length === TILES && s.every((x) => x === state);
  };
  if ((await within(30_000, all('playing'), 100)) === null) throw new Error(`the ${TILES} tiles were not playing within 30 s: ${(await states()).join(', ')}`);

  const renderer = () => (treeSample(browser.pid).pssByKind.renderer ?? 0) / 1024;
  const memory = [];
  const flaps = [];
  const startedAt = Date.now();
  for (let i = 0; i < FLAPS && Date.now() - startedAt < BUDGET_MS; i++) {
    if (i % 10 === 0) memory.push({ flap: i, mib: renderer() });
    const offAt = Date.now();
    cameras.sim.setCameraState(CAMERA, 'offline-404');
    const lostMs = await within(LOST_WITHIN_MS, all('signal-lost'), 50);
    cameras.sim.setCameraState(CAMERA, 'online');
    const backMs = await within(BACK_WITHIN_MS, all('playing'), 50);
    flaps.push({ lostMs, backMs, cycleMs: Date.now() - offAt });
    if (backMs === null) await within(BACK_WITHIN_MS, all('playing'), 200); // let it settle before the next one
  }
  memory.push({ flap: flaps.length, mib: renderer() });
  const media = await page.evaluate(() => ({ ...(window.__tcMedia ?? {}), videos: document.querySelectorAll('video').length }));
  const backs = flaps.map((f) => f.backMs).filter((ms) => ms !== null);
  const neverBack = flaps.length - backs.length;
  const late = backs.filter((ms) => ms > BACK_GOAL_MS).length;
  const lost = flaps.map((f) => f.lostMs).filter((ms) => ms !== null);
  // The first 10 flaps are the warm-up (the players' buffers and caches filling); growth counts from there.
  // Whether returns get slower as the flaps go on (a backoff that never resets would show here).
  const thirds = [0, 1, 2].map((k) => flaps.slice(Math.floor((k * flaps.length) / 3), Math.floor(((k + 1) * flaps.length) / 3)).map((f) => f.backMs ?? BACK_WITHIN_MS));
  const first = (memory.find((m) => m.flap === 10) ?? memory[0]).mib;
  const last = memory.at(-1).mib;
  const growth = (last - first) / first;

  const rows = [
    {
      done: `one simulated live camera (\`hub/cameras\`, ${CAMERA}) in ${TILES} tiles of the camera harness page (\`tests/harness/camera-harness-page.ts\`, the screen's CameraView) in headless Chromium; ${flaps.length} flaps${flaps.length < FLAPS ? ` (of ${FLAPS}: the ${BUDGET_MS / 60_000}-minute budget ran out)` : ''}: the source answers 404 until every tile shows "Mất tín hiệu", then comes back`,
      measured: `every tile lost within ${fmtMs(LOST_WITHIN_MS)} in ${lost.length} flaps (median ${fmtMs(quantile(lost, 0.5))} after the source went); every tile playing again after each return: median ${fmtMs(quantile(backs, 0.5))}, p95 ${fmtMs(quantile(backs, 0.95))}, max ${fmtMs(Math.max(...backs))}; later than ${BACK_GOAL_MS / 1000} s: ${late}; not back within ${BACK_WITHIN_MS / 1000} s: ${neverBack}; median by third of the run (unreturned counted as ${BACK_WITHIN_MS / 1000} s): ${thirds.map((t) => fmtMs(quantile(t, 0.5))).join(', ')}`,
      goal: `every tile back within ${BACK_GOAL_MS / 1000} s of each return`,
      ok: flaps.length === FLAPS && late === 0 && neverBack === 0,
    },
    {
      done: 'same run: the renderer\'s proportional set size (PSS, `scripts/proc-tree.mjs`) every 10 flaps; media objects at the end',
      measured: `${memory.map((m) => `${m.mib.toFixed(0)}`).join(' → ')} MiB (from flap ${memory.find((m) => m.flap === 10) ? 10 : 0}, after the warm-up: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %, ${(last - first).toFixed(1)} MiB); at the end: ${media.players ?? '?'} players, ${media.hls ?? '?'} hls.js instances, ${media.videos} video elements for ${TILES} tiles`,
      goal: `memory flat: renderer PSS grows ≤ ${MEMORY_GOAL * 100} % from flap 10 to the end`,
      ok: growth <= MEMORY_GOAL,
    },
  ];
  return {
    title: 'Fault 4: a camera source that flaps 100 times',
    body: `The camera simulator the hub serves (\`startCameraServer\`, its \`setCameraState(id, 'offline-404' | 'online')\`) on loopback, and the camera harness page served with the app's Content-Security-Policy (\`tests/e2e/fixtures/camera-site.ts\`), driven over raw CDP (\`scripts/cdp-browser.mjs\`, no Network domain). A tile's state is its \`data-camera-state\` (\`playing\`, \`signal-lost\`). \`FAULTS_CAMERA_FLAPS\` changes the number of flaps.\n\n${table(rows)}`,
    ok: rows.every((r) => r.ok !== false),
  };
}
