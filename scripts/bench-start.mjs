/* global window -- the function passed to waitFor runs in the page */
// npm run bench:start — cold start: from the web host's process start to every screen of the 2×2 demo wall
// showing <html data-app-state="ready">, N times on a fresh data folder (cold) and again on the same
// database (warm), for the demo wall as it is and without the heavy panels (--without, default
// map,camera,web: the light wall of the e2e tests). Chromium is already running, as a screen PC's
// browser would be, and is driven over the DevTools protocol (scripts/cdp-browser.mjs); each page has an
// empty cache. Where an Electron binary is installed this says the desktop app is not measured here.
// Writes its section of docs/benchmarks.md.
// Usage: npm run bench:start -- [--runs 5] [--without map,camera,web] [--host bundle|tsx] [--renderer swiftshader|llvmpipe]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { prepareWallFiles } from '../tests/e2e/support/web-host-process.ts';
import { machine, writeSection } from './bench-report.mjs';
import { launchBrowser } from './cdp-browser.mjs';
import { openWatched, pageTimeline, snapshotBuild, startHost } from './start-timeline.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const runs = Number(arg('runs', '5'));
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${arg('runs')}: give a whole number of runs, 1 or more`);
const light = arg('without', 'map,camera,web').split(',').filter(Boolean);
const form = arg('host', 'bundle');
if (!['tsx', 'bundle'].includes(form)) throw new Error(`--host ${form}: use bundle (dist/web-main.cjs, as npm start and the packaged services run it) or tsx (the sources, as npm run web and the e2e tests run it)`);
const renderer = arg('renderer', 'swiftshader');
const RENDERER_ARGS = { swiftshader: ['--disable-gpu'], llvmpipe: ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist'] };
if (!RENDERER_ARGS[renderer]) throw new Error(`--renderer ${renderer}: use swiftshader or llvmpipe`);
const ARGS = ['--no-sandbox', ...RENDERER_ARGS[renderer], '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];
const VIEWPORT = { width: 1920, height: 1080 };
const READY_WITHIN_MS = 120_000;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the Electron app is not measured: its binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronNote() {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return `an Electron binary is installed (${binary}), but this benchmark drives the web host only: the app's windows are not measured`;
  } catch (err) {
    return `skipped: \`require('electron')\` fails here (${String(err.message).split('\n')[0].slice(0, 120)}): no Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD), so only the web host is measured`;
  }
}

/** One start of the host on `dir` and the four screens opened as soon as it printed their URLs. */
async function startOnce(dir, files) {
  const load = os.loadavg()[0];
  const browser = await launchBrowser({ executablePath: chromiumPath, args: ARGS, windowSize: VIEWPORT });
  try {
    const pages = [];
    for (let i = 0; i < 4; i++) pages.push(await openWatched(browser, VIEWPORT));
    const host = startHost({ form, root: buildRoot, wallFile: files.wallFile, dbFile: path.join(dir, 'wall.db'), env: { TOAN_CANH_SCENARIOS_DIR: files.scenariosDir } });
    try {
      const urls = await host.printed;
      if (urls.length !== pages.length) throw new Error(`the demo wall has ${urls.length} screens, not ${pages.length}`);
      await Promise.all(urls.map((url, i) => pages[i].go(url)));
      const ready = await Promise.all(pages.map((p) => p.waitFor(() => window.__tcStart?.ready != null, undefined, { timeout: READY_WITHIN_MS, polling: 100 })));
      if (!ready.every(Boolean)) throw new Error(`screens not ready within ${READY_WITHIN_MS / 1000} s: ${urls.filter((_, i) => !ready[i]).join(', ')}`);
      const timelines = await Promise.all(pages.map((p) => pageTimeline(p)));
      const problems = pages.flatMap((p) => p.problems);
      return { load, host: host.stages(), t0: host.t0, navigated: pages.map((p) => p.navigated), pages: timelines, problems };
    } finally {
      await host.stop();
    }
  } finally {
    await browser.close();
  }
}

/** Stage → ms from the host's process start, for one start (the last screen's time for page stages). */
function stagesOf(run) {
  const last = (key) => Math.max(...run.pages.map((p) => p[key] ?? Number.NaN)) - run.t0;
  const work = (key) => run.pages.reduce((s, p) => s + p.work[key], 0) / run.pages.length;
  return {
    firstLog: run.host.firstLog,
    appStarted: run.host.appStarted,
    hubListening: run.host.hubListening,
    hubLinked: run.host.hubLinked,
    hostListening: run.host.hostListening,
    printed: run.host.printed,
    navigated: Math.max(...run.navigated) - run.t0,
    document: last('document'),
    bundle: last('bundle'),
    bundleRun: last('bundleRun'),
    firstPaint: last('firstPaint'),
    socketOpen: last('socketOpen'),
    snapshot: last('snapshot'),
    ready: last('ready'),
    // Per screen (mean of the four): the page's own part, and its main thread's work over it.
    pageSpan: run.pages.reduce((s, p) => s + (p.ready - p.navigationStart), 0) / run.pages.length,
    snapshotToReady: run.pages.reduce((s, p) => s + (p.ready - (p.snapshot ?? Number.NaN)), 0) / run.pages.length,
    hostCpu: run.host.cpuAtPrinted,
    script: work('script'),
    style: work('style') + work('layout'),
    tasks: work('tasks'),
    bundleKiB: run.pages[0].bundleKiB,
  };
}

async function measure(without) {
  const cold = [];
  const warm = [];
  const problems = new Set();
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-bench-start-'));
    try {
      const files = prepareWallFiles(dir, { withoutTypes: without });
      for (const [list, kind] of [[cold, 'cold'], [warm, 'warm']]) {
        const run = await startOnce(dir, files);
        run.problems.forEach((p) => problems.add(p.slice(0, 200)));
        list.push(run);
        const s = stagesOf(run);
        console.log(`${without.length ? `without ${without.join(',')}` : 'demo wall'} ${kind} ${i + 1}/${runs}: host printed its URLs at ${s.printed.toFixed(0)} ms, every screen ready at ${s.ready.toFixed(0)} ms (load ${run.load.toFixed(1)})`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { without, cold: cold.map(stagesOf), warm: warm.map(stagesOf), loads: [...cold, ...warm].map((r) => r.load), problems: [...problems] };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const figure = (values) => {
  const v = values.filter(Number.isFinite);
  if (!v.length) return '—';
  const f = (x) => (x / 1000).toFixed(2);
  return `${f(median(v))} (${f(Math.min(...v))}–${f(Math.max(...v))})`;
};
const ROWS = [
  ['host: first log line (its modules loaded, opening the database)', 'firstLog'],
  ['host: database, wall and layout open ("app started")', 'appStarted'],
  ['host: embedded hub listening (scenarios seeded)', 'hubListening'],
  ['host: linked to the hub', 'hubLinked'],
  ['host: web host listening', 'hostListening'],
  ['host: URLs printed on stdout', 'printed'],
  ['screens: navigation sent (last screen)', 'navigated'],
  ['screens: document received', 'document'],
  ['screens: main bundle loaded', 'bundle'],
  ['screens: main bundle run (DOMContentLoaded)', 'bundleRun'],
  ['screens: first paint', 'firstPaint'],
  ['screens: WebSocket open', 'socketOpen'],
  ['screens: first snapshot received (`tc:first-snapshot`)', 'snapshot'],
  ['**every screen `data-app-state="ready"`**', 'ready'],
];
const SPANS = [
  ['host: its CPU time (all threads) until it printed its URLs', 'hostCpu'],
  ['per screen: navigation → ready', 'pageSpan'],
  ['per screen: first snapshot → ready (first layout drawn and painted)', 'snapshotToReady'],
  ['per screen: main-thread script until ready (thread time)', 'script'],
  ['per screen: main-thread style and layout until ready (thread time)', 'style'],
  ['per screen: main-thread tasks in all until ready (thread time)', 'tasks'],
];

function table(result) {
  const line = ([name, key]) => `| ${name} | ${figure(result.cold.map((s) => s[key]))} | ${figure(result.warm.map((s) => s[key]))} |`;
  const title = result.without.length ? `Without ${result.without.join(', ')} panels (\`--without ${result.without.join(',')}\`)` : 'The demo wall as it is';
  return `### ${title}

Load average (1 min) at each start: ${result.loads.map((l) => l.toFixed(1)).join(', ')}. Main bundle: ${result.cold[0].bundleKiB.toFixed(0)} KiB as sent.

| seconds from the host's process start, median (min–max) | cold: fresh data folder | warm: same database again |
| --- | --- | --- |
${ROWS.map(line).join('\n')}
${SPANS.map(line).join('\n')}
${result.problems.length ? `\nConsole errors on the screens: ${result.problems.map((p) => `\`${p}\``).join('; ')}.\n` : ''}`;
}

const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-bench-build-'));
process.on('exit', () => fs.rmSync(buildDir, { recursive: true, force: true }));
const buildRoot = form === 'bundle' ? snapshotBuild(buildDir) : process.cwd();
const atStart = machine();
const startedAt = new Date();
const electron = electronNote();
console.log(`Electron app: ${electron}`);
const results = [];
for (const without of [[], light]) results.push(await measure(without));
const hostCommand = form === 'bundle' ? '`node dist/web-main.cjs`, the esbuild bundle `npm start` runs where no Electron binary is installed (and the packaged services run)' : '`node --import tsx electron/web-main.ts`, the TypeScript sources as `npm run web` and the e2e tests run them';
writeSection(
  `bench:start:${renderer}:${form}`,
  `## Cold start on ${renderer}, web host from ${form === 'bundle' ? 'the bundle' : 'the sources'} (\`npm run bench:start -- --host ${form} --renderer ${renderer}\`)

From the web host's process start (${hostCommand}) to every screen of the 2×2 demo wall
showing \`<html data-app-state="ready">\` (its first layout drawn, the fonts loaded and a frame painted:
\`renderer/ui/use-painted.ts\`). ${runs} starts on a fresh data folder (cold: database and the embedded hub's
created, migrated and seeded) each followed by a second start on the same folder (warm). Chromium (Debian,
headless, \`--renderer ${renderer}\`, no GPU) is already running, as a screen PC's browser would be; its four
1920×1080 pages, each in its own context with an empty cache, are sent to their URLs as soon as the host prints
them. Host stages come from its log lines' times, page stages from each page's own clock (navigation and resource
timing, paint entries, the renderer's \`tc:first-snapshot\` mark), both on this machine's clock.
Electron app: ${electron}.

${atStart}; run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Other work was running on the machine: see the load at each start.

${results.map(table).join('\n')}`,
);
console.log(`written to docs/benchmarks.md (bench:start:${renderer}:${form})`);
