/* global document -- the functions passed to page.evaluate run in the page */
// npm run bench:soak — the 2×2 demo wall left running with scenarios switching, to show it can run for
// months without a restart: every screen's JS heap (after a forced GC), DOM nodes, event listeners, players
// and canvases, the browser's memory (PSS by process kind) and the web host's (RSS), sampled once per cycle
// of the five scenarios, always on the same one (normal operations, settled), so samples compare like with
// like; the growth per hour (least squares over the samples after the warm-up) and every switch checked
// (all four screens showing it). Writes its section of docs/benchmarks.md.
//
// Environment: BENCH_MINUTES (measured, default 30), BENCH_SWITCH_S (between activations, default 30),
// BENCH_WARMUP_S (after every screen is ready and rehearsed, default 150: one cycle),
// BENCH_WITHOUT (panel types left out of every layout, e.g. camera,map: to tell what grows), CHROMIUM_PATH
// (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { startWebHostProcess } from '../tests/e2e/support/web-host-process.ts';
import { machine, writeSection } from './bench-report.mjs.mjs';
import { processKind, readProc, tree, treeSample } from './proc-tree.mjs.mjs';

const env = (name, fallback) => {
  const v = process.env[name] === undefined ? fallback : Number(process.env[name]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number, not "${process.env[name]}"`);
  return v;
};
const MINUTES = env('BENCH_MINUTES', 30);
const SWITCH_S = env('BENCH_SWITCH_S', 30);
const WARMUP_S = env('BENCH_WARMUP_S', 150);
// Sampled SETTLE_S after this one is shown, before the next switch.
const SAMPLED = 'normal-operations';
const SETTLE_S = Math.min(10, SWITCH_S / 2);
const SCENARIOS = ['flood-response', 'storm', 'traffic-incident', 'public-event', 'normal-operations'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const without = (process.env.BENCH_WITHOUT ?? '').split(',').filter(Boolean);
const host = await startWebHostProcess({ withoutTypes: without });
const rest = host.hubUrl;
const token = rest.searchParams.get('token');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
});
const errors = [];
let glNotes = 0;
const screens = [];
for (const [id, url] of host.screenUrls) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // Chromium's own notes on SwiftShader ("GL Driver Message … GPU stall due to ReadPixels") are counted apart.
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    if (m.text().includes('GL Driver Message')) glNotes++;
    else errors.push(`${id}: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => errors.push(`${id}: ${e.message}`));
  await page.goto(url);
  screens.push({ id, page, cdp: await page.context().newCDPSession(page) });
}
await Promise.all(screens.map(({ page }) => page.waitForSelector('html[data-rehearsed="true"]', { state: 'attached', timeout: 300_000 })));
for (const s of screens) await s.cdp.send('Performance.enable');

/** The web host's own process: tsx and the node it starts both name electron/web-main.ts; the host is the big one. */
function hostRssKiB() {
  const named = tree(process.pid).filter((p) => processKind(p.pid) === 'other' && (readProc(`/proc/${p.pid}/cmdline`) ?? '').includes('web-main.ts'));
  return named.length ? Math.max(...named.map((p) => p.rssKiB)) : Number.NaN;
}

async function sample(at) {
  const pages = [];
  for (const { id, page, cdp } of screens) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    const counts = await page.evaluate(() => ({ videos: document.querySelectorAll('video').length, canvases: document.querySelectorAll('canvas').length, revision: document.documentElement.dataset.revision }));
    pages.push({ id, heapMiB: m.JSHeapUsedSize / 2 ** 20, nodes: m.Nodes, listeners: m.JSEventListeners, ...counts });
  }
  const t = treeSample(process.pid);
  const browserKiB = Object.entries(t.pssByKind).filter(([k]) => k !== 'other').reduce((s, [, v]) => s + v, 0);
  return { min: (at - measureFrom) / 60_000, pages, heapMiB: pages.reduce((s, p) => s + p.heapMiB, 0), nodes: pages.reduce((s, p) => s + p.nodes, 0), listeners: pages.reduce((s, p) => s + p.listeners, 0), rendererMiB: (t.pssByKind.renderer ?? 0) / 1024, browserMiB: browserKiB / 1024, hostMiB: hostRssKiB() / 1024 };
}

async function activate(scenarioId) {
  const res = await fetch(`${rest.origin}/api/scenarios/${scenarioId}/activate`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  const answer = await res.json();
  if (!answer.ok) throw new Error(`${scenarioId}: ${JSON.stringify(answer.error)}`);
  return answer.value.revision;
}

// Warm-up: switching as measured, so the first sample already holds every scenario's layers and Decks.
let switches = 0;
let missed = 0;
const missedNotes = [];
async function switchOnce() {
  const scenarioId = SCENARIOS[switches % SCENARIOS.length];
  switches++;
  await activate(scenarioId);
  const shown = (id) => document.querySelector(`[data-layer="shown"][data-layer-key^="${id}#"]`) !== null;
  const ok = await Promise.all(screens.map(({ page }) => page.waitForFunction(shown, scenarioId, { timeout: 20_000 }).then(() => true, () => false)));
  if (ok.every(Boolean)) return;
  missed++;
  if (missedNotes.length < 5) missedNotes.push(`switch ${switches} (${scenarioId}): not shown on ${screens.filter((_, i) => !ok[i]).map((s) => s.id).join(', ')} within 20 s`);
}
let measureFrom = Date.now() + WARMUP_S * 1000;
const warmEnd = measureFrom;
while (Date.now() < warmEnd || SCENARIOS[(switches - 1 + SCENARIOS.length) % SCENARIOS.length] !== SAMPLED) {
  await switchOnce();
  await sleep(SWITCH_S * 1000);
}
measureFrom = Date.now();
const warmupSwitches = switches;
console.log(`warmed up (${warmupSwitches} switches); measuring ${MINUTES} min, a switch every ${SWITCH_S} s, a sample on each "${SAMPLED}"`);

const samples = [await sample(Date.now())];
const end = measureFrom + MINUTES * 60_000;
while (Date.now() < end) {
  const started = Date.now();
  await switchOnce();
  if (SCENARIOS[(switches - 1) % SCENARIOS.length] === SAMPLED) {
    await sleep(Math.max(0, started + SETTLE_S * 1000 - Date.now()));
    const s = await sample(Date.now());
    samples.push(s);
    console.log(`${s.min.toFixed(1)} min: heap ${s.heapMiB.toFixed(1)} MiB, nodes ${s.nodes}, listeners ${s.listeners}, renderers ${s.rendererMiB.toFixed(0)} MiB, browser ${s.browserMiB.toFixed(0)} MiB, host ${s.hostMiB.toFixed(0)} MiB`);
  }
  await sleep(Math.max(0, started + SWITCH_S * 1000 - Date.now()));
}
await browser.close();
await host.stop();

/** Least-squares slope per hour of `key` over the samples. */
function perHour(key) {
  const xs = samples.map((s) => s.min / 60);
  const ys = samples.map((s) => s[key]);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : num / den;
}
const first = samples[0];
const last = samples.at(-1);
const fmt = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const rows = [
  ['JS heap, four screens (MiB, after GC)', 'heapMiB', 1],
  ['DOM nodes, four screens', 'nodes', 0],
  ['JS event listeners, four screens', 'listeners', 0],
  ['renderer processes PSS (MiB)', 'rendererMiB', 0],
  ['whole browser PSS (MiB)', 'browserMiB', 0],
  ['web host with embedded hub RSS (MiB)', 'hostMiB', 0],
].map(([label, key, d]) => {
  const slope = perHour(key);
  const pct = (100 * slope) / first[key];
  return `| ${label} | ${fmt(first[key], d)} | ${fmt(last[key], d)} | ${slope >= 0 ? '+' : ''}${fmt(slope, d)} (${pct >= 0 ? '+' : ''}${fmt(pct)}%) |`;
});
const perScreen = last.pages.map((p, i) => `${p.id}: heap ${fmt(first.pages[i].heapMiB)} → ${fmt(p.heapMiB)} MiB, nodes ${first.pages[i].nodes} → ${p.nodes}, videos ${first.pages[i].videos} → ${p.videos}, canvases ${first.pages[i].canvases} → ${p.canvases}`);

const section = without.length ? `bench:soak:without-${without.join('-')}` : 'bench:soak';
const md = `## Soak: the demo wall running with scenario switches (\`npm run bench:soak\`${without.length ? `, BENCH_WITHOUT=${without.join(',')}` : ''})

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}; Debian's Chromium, SwiftShader, four screen pages
of the 2×2 demo (maps, cameras, KPIs, reports) in one browser, the web host with its embedded hub (flood simulation
and cameras) as a child process. Warm-up ${WARMUP_S} s (${warmupSwitches} switches), then **${MINUTES} min measured**: an
activation through the hub's REST API every ${SWITCH_S} s, cycling the five scenarios (${switches - warmupSwitches} switches
measured), sampled once a cycle, ${SETTLE_S} s after "${SAMPLED}" is shown (${samples.length} samples; JS heap after a forced GC).

| | first sample | last sample | growth per hour (least squares) |
| --- | --- | --- | --- |
${rows.join('\n')}

- Switches not shown on every screen within 20 s: **${missed}** of ${switches}${missedNotes.length ? ` (${missedNotes.join('; ')})` : ''}.
- Console errors and warnings on the screens: **${errors.length}**${errors.length ? ` (first: ${errors.slice(0, 3).join(' · ')})` : ''}; Chromium's SwiftShader performance notes ("GL Driver Message"): ${glNotes}.
- Per screen, first → last sample: ${perScreen.join('; ')}.
`;
writeSection(section, md);
console.log(md);
console.log(`written to docs/benchmarks.md (section ${section})`);
