/* global window, document, MutationObserver -- the functions passed to page.evaluate run in the page */
// The camera half of `npm run bench:panels`: 4, 9, 16 and 25 camera tiles at 640 × 360 in one page of
// Debian's Chromium (the flags of playwright.config.ts), playing the hub's simulated live cameras through
// the app's own CameraView and CameraPlayer. Per tile: frames decoded and dropped
// (getVideoPlaybackQuality) over the measured window; CPU of the browser's processes (/proc/<pid>/stat of
// the whole Chromium tree); JS heap (after a forced GC) and the tree's RSS and PSS at the start of the window
// and at its end. Writes its section of docs/benchmarks.md.
//
// Run with tsx loaded (it imports the app's CSP from TypeScript): node --import tsx scripts/bench-cameras.mjs
// Environment: BENCH_MINUTES (measured window per tile count, default 10), BENCH_TILES (default 4,9,16,25),
// BENCH_WARMUP_S (played before the window opens, default 60), CHROMIUM_PATH (default /usr/bin/chromium),
// TOAN_CANH_DISPLAY_PRIORITY=normal (leave Chromium's frame-path threads at normal priority, unlike the app).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { DisplayPriority, linuxProcSystem } from '../electron/shell-policy/display-priority.ts';
import { createLogger } from '../node-common/log.ts';
import { cspDirectives } from '../electron/web-host/security-headers.ts';
import { machine, quantile, writeSection } from './bench-report.mjs';
import { openPage } from './cdp-page.mjs';
import { cpuPercent, machineTicks, treeSample } from './proc-tree.mjs';

const GOAL_TILES = 16;
const GOAL_MINUTES = 10;
const GOAL_MEMORY_PCT = 5;
const TILE = { width: 640, height: 360 };
const FPS = 25; // the committed clips (assets/media/cameras/README.md)
// The clips Chromium can play (H.264; the HEVC one is the unsupported-format case).
const CAMERAS = ['cau-song-han', 'cau-song-han-fmp4', 'de-huu-ngan', 'nga-tu-le-duan', 'cang-ca-tho-quang', 'ham-hai-van', 'ubnd-tinh'];
// playwright.config.ts: software GL (SwiftShader), video allowed to start on its own.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'];

function envNumber(name, fallback, { min = 0, integer = false } = {}) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    console.error(`bench-cameras: ${name} must be ${integer ? 'a whole number' : 'a number'} ≥ ${min}, not "${raw}"`);
    process.exit(2);
  }
  return n;
}

const minutes = envNumber('BENCH_MINUTES', GOAL_MINUTES, { min: 0.1 });
// Long enough for every tile's forward and back buffers (10 s each, hls-config.ts) to fill, so memory starts level.
const warmupS = envNumber('BENCH_WARMUP_S', 60);
const tileCounts = (process.env.BENCH_TILES ?? '4,9,16,25').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
if (!tileCounts.length || tileCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 36)) {
  console.error(`bench-cameras: BENCH_TILES must list tile counts from 1 to 36, e.g. "4,9,16,25", not "${process.env.BENCH_TILES}"`);
  process.exit(2);
}
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As the Electron app does for its own windows (electron/shell-policy/display-priority.ts): Chromium's frame-path
// threads at real-time priority, set again as threads come.
const normalPriority = process.env.TOAN_CANH_DISPLAY_PRIORITY === 'normal';
const priorityLog = createLogger('bench.priority');
if (!fs.existsSync(executablePath)) {
  console.error(`bench-cameras: no Chromium at ${executablePath}; install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`);
  process.exit(2);
}


let simulatorPid = -1;

// ---- the simulated cameras and the page ---------------------------------------------------------------------

function startCameras() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cameras/main.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const origin = /simulated cameras at (http:\/\/[^/\s]+)\/cameras/.exec(out)?.[1];
      if (origin) resolve({ origin, pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`the camera simulator exited (${code}): ${err.trim()}`)));
  });
}

const OUT = path.resolve('node_modules/.cache/toan-canh-bench/cameras');

/** The camera harness (tests/harness/camera-harness-page.ts, the screen's CameraView), built by Vite. */
async function buildPage() {
  await build({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      rollupOptions: { input: path.resolve('tests/harness/camera-harness-page.ts'), output: { entryFileNames: 'harness.js', assetFileNames: 'assets/[name]-[hash][extname]' } },
    },
  });
  const styles = fs.readdirSync(path.join(OUT, 'assets')).filter((f) => f.endsWith('.css'));
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>camera bench</title>${styles.map((s) => `<link rel="stylesheet" href="/assets/${s}">`).join('')}<script type="module" src="/harness.js"></script></head><body></body></html>`;
}

async function servePage(html, csp) {
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.map': 'application/json' };
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    const headers = { 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' };
    if (pathname === '/') return void res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    if (pathname === '/favicon.ico') return void res.writeHead(204, headers).end(); // no 404 in the page's console
    const file = path.join(OUT, path.normalize(pathname));
    if (!file.startsWith(OUT + path.sep) || !fs.existsSync(file)) return void res.writeHead(404, headers).end();
    res.writeHead(200, { ...headers, 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

// ---- one run: N tiles in one page ---------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Per tile: decoded and dropped frames so far, its state, and how often it has lost its signal. */
function tileStats(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-panel-id]')].map((panel) => {
      const video = panel.querySelector('video');
      const q = video?.getVideoPlaybackQuality();
      return { id: panel.dataset.panelId, state: panel.querySelector('[data-camera-state]')?.dataset.cameraState ?? 'none', decoded: q?.totalVideoFrames ?? 0, dropped: q?.droppedVideoFrames ?? 0, losses: window.__benchLosses?.[panel.dataset.panelId] ?? 0 };
    }),
  );
}

async function heapUsed(page) {
  await page.send('HeapProfiler.collectGarbage');
  const { metrics } = await page.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

async function run(tiles, pageUrl, origin) {
  const side = Math.ceil(Math.sqrt(tiles));
  const viewport = { width: side * TILE.width, height: Math.ceil(tiles / side) * TILE.height };
  // Raw DevTools protocol, not Playwright: see scripts/cdp-page.mjs for why.
  const page = await openPage({ executablePath, args: ARGS, viewport, url: pageUrl });
  const priority = new DisplayPriority(normalPriority ? null : linuxProcSystem(), priorityLog);
  const raised = [];
  let refused = null;
  const raise = () =>
    priority.pass(page.pid).then((pass) => {
      raised.push(...pass.raised.map((t) => t.name));
      refused = pass.refused;
    });
  const raising = setInterval(() => void raise(), 10_000);
  try {
    const rootPid = process.pid;
    const problems = page.problems;
    if (!(await page.waitFor(() => document.documentElement.dataset.harness === 'ready', undefined, { timeout: 60_000 }))) throw new Error('the camera harness page did not load in 60 s');
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'no WebGL';
    });
    for (let i = 0; i < tiles; i++) {
      const id = CAMERAS[i % CAMERAS.length];
      const rect = { x: (i % side) * TILE.width, y: Math.floor(i / side) * TILE.height, ...TILE };
      await page.evaluate(
        ({ panelId, props, rect }) => window.__cameraHarness.mount(panelId, { props, rect }),
        { panelId: `tile-${i + 1}`, props: { cameras: [{ id: `${id}-${i + 1}`, name: `${id} #${i + 1}`, url: `${origin}/cameras/${id}/live.m3u8` }] }, rect },
      );
    }
    // Count each tile's falls into "Mất tín hiệu" from here on.
    await page.evaluate(() => {
      window.__benchLosses = {};
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.target.dataset.cameraState !== 'signal-lost' || r.oldValue === 'signal-lost') continue;
          const id = r.target.closest('[data-panel-id]')?.dataset.panelId;
          if (id) window.__benchLosses[id] = (window.__benchLosses[id] ?? 0) + 1;
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-camera-state'], attributeOldValue: true });
    });
    const playing = () => page.evaluate(() => [...document.querySelectorAll('[data-camera-state]')].filter((t) => t.dataset.cameraState === 'playing').length);
    // Every tile playing, or two minutes: a machine too busy to start them all is a result too, not a crash.
    await page.waitFor((n) => [...document.querySelectorAll('[data-camera-state]')].filter((t) => t.dataset.cameraState === 'playing').length === n, tiles, { timeout: 120_000, polling: 500 });
    await raise();
    console.log(`${await playing()} of ${tiles} tiles playing; warming up ${warmupS} s, then measuring ${minutes} min`);
    await sleep(warmupS * 1000);
    const playingAtStart = await playing();

    await page.send('Performance.enable');
    const heapStart = await heapUsed(page);
    const memStart = treeSample(rootPid, new Set([simulatorPid]));
    const machineStart = machineTicks();
    const loadStart = os.loadavg()[0];
    const first = await tileStats(page);
    const trend = [];
    const windowMs = minutes * 60_000;
    const step = Math.min(60_000, windowMs);
    for (let elapsed = step; elapsed <= windowMs; elapsed += step) {
      await sleep(step);
      await heapUsed(page); // every sample after a collection, so garbage not yet collected is not counted as growth
      const s = treeSample(rootPid, new Set([simulatorPid]));
      trend.push({ minute: elapsed / 60_000, rssMiB: s.rssKiB / 1024, pssMiB: s.pssKiB / 1024, rendererMiB: (s.pssByKind.renderer ?? 0) / 1024 });
    }
    const last = await tileStats(page);
    const playingAtEnd = last.filter((t) => t.state === 'playing').length;
    const heapEnd = await heapUsed(page);
    const memEnd = treeSample(rootPid, new Set([simulatorPid]));
    const machineEnd = machineTicks();
    const seconds = (memEnd.at - memStart.at) / 1000;
    const perTile = last.map((t) => {
      const f = first.find((x) => x.id === t.id) ?? { decoded: 0, dropped: 0 };
      // A rebuilt player attaches a new MediaSource, which restarts the counters: count from that restart.
      const reset = t.decoded < f.decoded;
      return { id: t.id, state: t.state, decoded: reset ? t.decoded : t.decoded - f.decoded, dropped: reset ? t.dropped : t.dropped - f.dropped, losses: t.losses, reset };
    });
    const busy = 1 - (machineEnd.idle - machineStart.idle) / (machineEnd.total - machineStart.total);
    const counts = {};
    for (const name of raised) counts[name] = (counts[name] ?? 0) + 1;
    return {
      tiles,
      priority: refused ? `normal (${refused})` : `real-time for ${Object.entries(counts).map(([n, c]) => `${c} ${n}`).join(', ')}`,
      playingAtStart,
      playingAtEnd,
      viewport,
      renderer,
      seconds,
      perTile,
      cpu: cpuPercent(memStart, memEnd),
      machineBusy: 100 * busy,
      load: [loadStart, os.loadavg()[0]],
      heap: [heapStart, heapEnd],
      rss: [memStart.rssKiB, memEnd.rssKiB],
      pss: [memStart.pssKiB, memEnd.pssKiB],
      pssByKind: [memStart.pssByKind, memEnd.pssByKind],
      processes: memEnd.processes,
      trend,
      problems: problems.slice(0, 20),
    };
  } finally {
    clearInterval(raising);
    await page.close();
  }
}

// ---- main ---------------------------------------------------------------------------------------------------

const cameras = await startCameras();
simulatorPid = cameras.pid;
const startedAt = new Date();
const atStart = machine();
let site;
const results = [];
try {
  const html = await buildPage();
  // The app's policy (electron/web-host/security-headers.ts), with the simulator's origin as a listed camera origin.
  const csp = cspDirectives({ cameras: [cameras.origin] }).join('; ');
  site = await servePage(html, csp);
  for (const tiles of tileCounts) {
    const r = await run(tiles, site.url, cameras.origin);
    results.push(r);
    const dropped = r.perTile.reduce((s, t) => s + t.dropped, 0);
    console.log(`${tiles} tiles: CPU ${r.cpu.toFixed(0)}% of one core, dropped ${dropped}, RSS ${(r.rss[0] / 1024).toFixed(0)} → ${(r.rss[1] / 1024).toFixed(0)} MiB, heap ${(r.heap[0] / 2 ** 20).toFixed(1)} → ${(r.heap[1] / 2 ** 20).toFixed(1)} MiB, machine ${r.machineBusy.toFixed(0)}% busy`);
    console.log(`  PSS by process kind (MiB): ${JSON.stringify(Object.fromEntries(Object.keys(r.pssByKind[1]).map((k) => [k, [Math.round((r.pssByKind[0][k] ?? 0) / 1024), Math.round(r.pssByKind[1][k] / 1024)]])))}`);
  }
} finally {
  site?.close();
  cameras.stop();
}

// ---- the section ---------------------------------------------------------------------------------------------

const mib = (kib) => (kib / 1024).toFixed(0);
const pct = ([a, b]) => `${b >= a ? '+' : ''}${((100 * (b - a)) / a).toFixed(1)}%`;
const cores = os.cpus().length;
const full = minutes >= GOAL_MINUTES && tileCounts.includes(GOAL_TILES);
const loaded = results.some((r) => r.machineBusy - r.cpu / cores > 25 || r.load[0] > cores);

const table = results
  .map((r) => {
    const fps = r.perTile.map((t) => t.decoded / r.seconds);
    const dropped = r.perTile.reduce((s, t) => s + t.dropped, 0);
    const worst = Math.max(...r.perTile.map((t) => t.dropped));
    const losses = r.perTile.reduce((s, t) => s + t.losses, 0);
    return `| ${r.tiles} | ${r.priority} | ${r.playingAtStart} / ${r.playingAtEnd} | ${(r.seconds / 60).toFixed(1)} | ${quantile(fps, 0).toFixed(1)} / ${quantile(fps, 0.5).toFixed(1)} | ${dropped} (worst tile ${worst}) | ${losses} | ${r.cpu.toFixed(0)}% (${(r.cpu / cores).toFixed(0)}% of ${cores}) | ${r.machineBusy.toFixed(0)}% | ${(r.heap[0] / 2 ** 20).toFixed(1)} → ${(r.heap[1] / 2 ** 20).toFixed(1)} (${pct(r.heap)}) | ${mib(r.rss[0])} → ${mib(r.rss[1])} (${pct(r.rss)}) | ${mib(r.pss[0])} → ${mib(r.pss[1])} (${pct(r.pss)}) | ${r.load.map((l) => l.toFixed(1)).join(' → ')} |`;
  })
  .join('\n');

const goal = results.find((r) => r.tiles === GOAL_TILES);
let verdict = `Not run with ${GOAL_TILES} tiles: no verdict on the goals.`;
if (goal && goal.playingAtStart < goal.tiles) {
  verdict = `Only ${goal.playingAtStart} of ${goal.tiles} tiles were playing when the window opened: no verdict on the goals (see "machine busy").`;
} else if (goal) {
  const dropped = goal.perTile.reduce((s, t) => s + t.dropped, 0);
  const worstMem = Math.max(...[goal.heap, goal.pss].map(([a, b]) => Math.abs((100 * (b - a)) / a)));
  verdict =
    `${GOAL_TILES} tiles: ${dropped === 0 ? 'no dropped frames (goal met)' : `${dropped} dropped frames (goal: none)`}; ` +
    `JS heap and PSS within ${worstMem.toFixed(1)}% of their start (${worstMem <= GOAL_MEMORY_PCT ? 'goal met' : `goal: ${GOAL_MEMORY_PCT}%`})` +
    (full ? '.' : ` — over ${minutes} min, not the goal's ${GOAL_MINUTES}: an indication only.`);
}
const trends = results
  .filter((r) => r.trend.length > 1)
  .map((r) => `- ${r.tiles} tiles, PSS by minute (MiB): ${r.trend.map((t) => t.pssMiB.toFixed(0)).join(', ')}; of which the page's renderer: ${r.trend.map((t) => t.rendererMiB.toFixed(0)).join(', ')}`)
  .join('\n');
const byKind = results
  .map((r) => {
    const kinds = Object.keys(r.pssByKind[1]).sort((a, b) => r.pssByKind[1][b] - r.pssByKind[1][a]);
    return `- ${r.tiles} tiles, PSS by process kind, start → end (MiB): ${kinds.map((k) => `${k} ${mib(r.pssByKind[0][k] ?? 0)} → ${mib(r.pssByKind[1][k])}`).join('; ')}`;
  })
  .join('\n');
const problems = results.flatMap((r) => r.problems.map((p) => `- ${r.tiles} tiles: ${p.slice(0, 200)}`)).join('\n');

writeSection(
  'bench:panels:cameras',
  `## Camera tiles (bench:panels, camera half)

Measured ${startedAt.toISOString()} with \`node scripts/bench-cameras.mjs\` (BENCH_MINUTES=${minutes}, BENCH_TILES=${tileCounts.join(',')}) on ${atStart}.
Debian Chromium with the e2e flags (\`--disable-gpu\`): WebGL/compositing renderer "${results[0]?.renderer ?? '?'}" (SwiftShader, no GPU);
video is decoded in software. Each tile is a single-camera panel at ${TILE.width} × ${TILE.height} (the app's CameraView and CameraPlayer,
hls.js in a worker) in one page sized to hold them all, playing the simulated live cameras (\`hub/cameras\`, ${CAMERAS.length} H.264 clips at
${FPS} fps, ~220 kb/s, reused round the tiles) from a separate process. After all tiles play and a ${warmupS} s warm-up, the window opens:
frames per tile from \`getVideoPlaybackQuality()\` over the window; CPU is the Chromium process tree's user + system time from
\`/proc/<pid>/stat\` (100% = one core); "machine busy" is all cores from \`/proc/stat\`, so it shows other work sharing the machine;
JS heap is \`JSHeapUsedSize\`; every memory sample follows a forced GC of the page; RSS is summed over the tree (shared pages counted
per process), PSS shares them out. The page is driven over the DevTools protocol without its Network domain (\`scripts/cdp-page.mjs\`):
under Playwright, DevTools kept every segment's body in the renderer and PSS grew ~45 MiB a minute with 16 tiles.
As the Electron app does for its windows, Chromium's frame-path threads (display compositor, renderer compositor, video frame
compositor) run at real-time round-robin priority (\`electron/shell-policy/display-priority.ts\`; \`TOAN_CANH_DISPLAY_PRIORITY=normal\` leaves them
be): at normal priority the display compositor's frame timer sometimes fired 40–56 ms late while its thread was idle and the cores
were busy with decoders, and every tile dropped a frame at once.
${full ? '' : `\n**Short or partial run** (${minutes} min, tiles ${tileCounts.join(', ')}): a check that the benchmark works, not the goal figures;\nthe goals are judged on a ${GOAL_MINUTES}-minute run with ${GOAL_TILES} tiles on a quiet machine.\n`}${loaded ? `\n**The machine was busy** (other processes used the CPU during the window, or the load average exceeded the ${cores} cores):\nfigures are worse than the page alone would give; run again on a quiet machine before comparing with the goals.\n` : ''}
| tiles | frame-path threads | playing at start / end | minutes | decoded fps per tile, min / median | dropped frames | signal losses | browser CPU | machine busy | JS heap MiB | RSS MiB | PSS MiB | load avg |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table}

Goals on this 2-core machine: ${GOAL_TILES} tiles with no dropped frames, memory flat within ${GOAL_MEMORY_PCT}% over ${GOAL_MINUTES} minutes. ${verdict}
${trends ? `\n${trends}\n` : ''}${byKind ? `\n${byKind}\n` : ''}${problems ? `\nConsole errors on the page:\n${problems}\n` : ''}`,
);
console.log('written to docs/benchmarks.md (section bench:panels:cameras)');
