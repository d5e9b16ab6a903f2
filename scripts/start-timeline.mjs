/* global window -- the functions passed to evaluate run in the page */
// One cold start of the web host and four screen pages, as a timeline in ms from the host's process start:
// the host's own log lines (JSON on stderr, each with its time), its printed URLs, and each page's own
// account (navigation and resource timing, paint entries, the renderer's `tc:first-snapshot` mark, and
// the moment <html data-app-state> became "ready"). For scripts/bench-start.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** CPU time (user + system, all threads) a process has used so far, in ms; NaN where /proc is missing. */
function cpuMs(pid) {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 Hz on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Host log messages that mark a stage of its start (electron/startup/app.ts, hub/server.ts, hub-link, web-host). */
const HOST_STAGES = { 'app started': 'appStarted', 'hub listening': 'hubListening', 'hub link': 'hubLinked', 'web host listening': 'hostListening' };

/**
 * A copy of the built web host and renderer in a folder of its own (the rest linked to the repository's),
 * so another build in the same working tree cannot change or empty them during a run. The bundle finds
 * the app root one folder above its own file. Returns that root.
 */
export function snapshotBuild(into) {
  const repo = process.cwd();
  const index = path.join(repo, 'dist/renderer/index.html');
  const assets = fs.existsSync(index) ? [...fs.readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]) : [];
  if (!assets.length || !assets.every((a) => fs.existsSync(path.join(repo, 'dist/renderer', a)))) throw new Error('dist/renderer is missing or half-built: run "npm run build" (npm run bench:start does) and try again');
  if (!fs.existsSync(path.join(repo, 'dist/web-main.cjs'))) throw new Error('dist/web-main.cjs is missing: run "npm run build:main"');
  fs.mkdirSync(path.join(into, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'dist/web-main.cjs'), path.join(into, 'dist/web-main.cjs'));
  fs.cpSync(path.join(repo, 'dist/renderer'), path.join(into, 'dist/renderer'), { recursive: true });
  for (const linked of ['node_modules', 'config', 'assets']) fs.symlinkSync(path.join(repo, linked), path.join(into, linked));
  return into;
}

/**
 * Starts the host on `wallFile` with its data in `dbFile`; resolves once it has printed its URLs.
 * `form`: "bundle" runs `root`/dist/web-main.cjs (see snapshotBuild), as `npm start` does without
 * Electron; "tsx" the TypeScript sources of this working tree.
 */
export function startHost({ form, root, wallFile, dbFile, env }) {
  const args = form === 'bundle' ? [path.join(root, 'dist/web-main.cjs')] : ['--import', 'tsx', 'electron/web-main.ts'];
  const t0 = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, [...args, '--wall', wallFile, '--port', '0', '--db', dbFile], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, FORCE_COLOR: '0' } });
  const at = () => performance.timeOrigin + performance.now() - t0;
  const stages = {};
  let firstLog = null;
  let err = '';
  let tail = '';
  child.stderr.on('data', (d) => {
    tail = (tail + String(d)).slice(-4000);
    err += String(d);
    const lines = err.split('\n');
    err = lines.pop();
    for (const line of lines) {
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      const t = Date.parse(entry.t) - t0;
      firstLog ??= t;
      // The first "hub link" line that says connected; the first of every other stage.
      const key = HOST_STAGES[entry.msg];
      if (key && stages[key] === undefined && (key !== 'hubLinked' || entry.state === 'connected')) stages[key] = t;
      if (entry.level === 'error') stages.errors = [...(stages.errors ?? []), entry.msg];
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const printed = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the web host printed no URLs within 60 s:\n${out}`)), 60_000);
    void exited.then((code) => reject(new Error(`the web host exited (${code}) before printing its URLs:\n${out}${tail}`)));
    child.stdout.on('data', (d) => {
      out += String(d);
      const lines = out.split('\n').slice(0, -1);
      const count = Number(/\((\d+) màn hình/.exec(lines[0] ?? '')?.[1] ?? NaN);
      const screens = lines.filter((l) => l.startsWith('screen ')).map((l) => l.split(' ')[2]);
      if (screens.length === count && lines.some((l) => l.startsWith('hub '))) {
        clearTimeout(timer);
        stages.printed = at();
        stages.cpuAtPrinted = cpuMs(child.pid);
        resolve(screens);
      }
    });
  });
  return {
    t0,
    printed,
    /** The host's stages in ms from its process start; `firstLog`: its first log line (its modules loaded). */
    stages: () => ({ firstLog, ...stages }),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// Evaluated in each page before its own scripts: when its WebSocket opened and when <html> said "ready".
const WATCH = `(() => {
  const seen = (window.__tcStart = { socketOpen: null, ready: null });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => (seen.socketOpen ??= performance.now()), { once: true });
    }
  };
  new MutationObserver(() => {
    if (seen.ready === null && document.documentElement?.dataset.appState === 'ready') seen.ready = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app-state'] });
})();`;

/**
 * A blank page of `browser` (scripts/cdp-browser.mjs) with the watch above installed, as a screen PC's
 * browser window waiting for the host; `go(url)` sends it there.
 */
export async function openWatched(browser, viewport) {
  const page = await browser.newPage({ url: 'about:blank', viewport });
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: WATCH });
  await page.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    ...page,
    navigated: null,
    async go(url) {
      this.navigated = performance.timeOrigin + performance.now();
      await page.send('Page.navigate', { url });
    },
  };
}

/** The page's timeline once ready, in epoch ms (its timeOrigin + its own clock), and its main thread's work. */
export async function pageTimeline(page) {
  const marks = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const bundle = performance.getEntriesByType('resource').find((r) => /\/assets\/index-[^/]*\.js$/.test(new URL(r.name).pathname));
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
    const snapshot = performance.getEntriesByName('tc:first-snapshot')[0];
    return {
      origin: performance.timeOrigin,
      document: nav?.responseEnd ?? null,
      bundle: bundle?.responseEnd ?? null,
      bundleRun: nav?.domContentLoadedEventEnd ?? null,
      firstPaint: paint['first-paint'] ?? null,
      firstContentfulPaint: paint['first-contentful-paint'] ?? null,
      socketOpen: window.__tcStart.socketOpen,
      snapshot: snapshot?.startTime ?? null,
      ready: window.__tcStart.ready,
      bundleKiB: (bundle?.encodedBodySize ?? Number.NaN) / 1024,
    };
  });
  const { metrics } = await page.send('Performance.getMetrics');
  const metric = (name) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const epoch = (v) => (v === null ? null : marks.origin + v);
  return {
    navigationStart: marks.origin,
    document: epoch(marks.document),
    bundle: epoch(marks.bundle),
    bundleRun: epoch(marks.bundleRun),
    firstPaint: epoch(marks.firstPaint),
    socketOpen: epoch(marks.socketOpen),
    snapshot: epoch(marks.snapshot),
    ready: epoch(marks.ready),
    bundleKiB: marks.bundleKiB,
    // The page's main thread up to now: scripts, style and layout, and all its tasks.
    work: { script: metric('ScriptDuration'), style: metric('RecalcStyleDuration'), layout: metric('LayoutDuration'), tasks: metric('TaskDuration') },
  };
}
