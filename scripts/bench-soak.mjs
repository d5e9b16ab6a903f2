/* global window, document, MutationObserver -- the functions passed to page.evaluate run in the page */
// npm run bench:soak — the 2×2 demo wall left running with a scenario switch every 30 s and a camera tour
// (every camera tile on another source every 10 s), to show it can run for months without a restart.
// After a warm-up, sampled after every switch: every screen's JS heap (after a forced GC), DOM nodes,
// event listeners and players; the renderers' PSS, the whole browser's and the web host's; growth per hour
// by least squares within each scenario (scripts/soak-stats.mjs); every switch and tour step checked on
// all screens; camera tiles falling into "Mất tín hiệu" counted (every source is up: each one is a false
// alarm). Chromium is driven over the DevTools protocol without its Network domain (scripts/cdp-browser.mjs):
// through Playwright, DevTools kept every response body and the renderers seemed to leak ~+858 MiB/h.
// Writes its section of docs/benchmarks.md.
//
// Environment: BENCH_MINUTES (measured, default 60), BENCH_WARMUP_S (switching and touring before the first
// sample, default 300), BENCH_SWITCH_S (between activations, default 30), BENCH_CHURN_S (between tour
// steps, default 10; 0: no tour), BENCH_WITHOUT (panel types left out of every layout, e.g. camera,map),
// CHROMIUM_PATH (default /usr/bin/chromium).
import os from 'node:os';
import { startWebHostProcess } from '../tests/e2e/support/web-host-process.ts';
import { machine, writeSection } from './bench-report.mjs';
import { playableCameras, startCameraTour } from './camera-tour.mjs';
import { launchBrowser } from './cdp-browser.mjs';
import { processKind, readProc, tree, treeSample } from './proc-tree.mjs';
import { growthPerHour } from './soak-stats.mjs';

const env = (name, fallback, { zero = false } = {}) => {
  const raw = process.env[name];
  const v = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(v) || v < 0 || (v === 0 && !zero)) throw new Error(`${name} must be a ${zero ? 'non-negative' : 'positive'} number of ${name.endsWith('MINUTES') ? 'minutes' : 'seconds'}, not "${raw}"`);
  return v;
};
const MINUTES = env('BENCH_MINUTES', 60);
const WARMUP_S = env('BENCH_WARMUP_S', 300, { zero: true });
const SWITCH_S = env('BENCH_SWITCH_S', 30);
const CHURN_S = env('BENCH_CHURN_S', 10, { zero: true });
const GOAL_PCT_PER_H = 2;
const GOAL_MINUTES = 60;
// Sampled this long after a switch is shown, before the tour's first step of the cycle.
const SETTLE_S = Math.max(1, Math.min(8, (CHURN_S || SWITCH_S) - 2));
const SCENARIOS = ['flood-response', 'storm', 'traffic-incident', 'public-event', 'normal-operations'];
const VIEWPORT = { width: 1920, height: 1080 };
// The e2e flags (software GL: SwiftShader), and every screen's page kept running as if in front (each
// screen of a real wall is a window of its own, never a background tab).
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sleepUntil = (t) => sleep(Math.max(0, t - Date.now()));

const without = (process.env.BENCH_WITHOUT ?? '').split(',').filter(Boolean);
const startedAt = new Date();
const atStart = machine();
const host = await startWebHostProcess({ withoutTypes: without });
const token = host.hubUrl.searchParams.get('token');
const browser = await launchBrowser({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS, windowSize: VIEWPORT });
const screens = [];
for (const [id, url] of host.screenUrls) screens.push({ id, page: await browser.newPage({ url, viewport: VIEWPORT, warnings: true }) });
for (const { id, page } of screens) {
  if (!(await page.waitFor(() => document.documentElement.dataset.rehearsed === 'true', undefined, { timeout: 300_000, polling: 1000 }))) throw new Error(`screen ${id} did not become ready and rehearsed in 5 min`);
}
const visibility = await Promise.all(screens.map(({ page }) => page.evaluate(() => document.visibilityState)));
const renderer = await screens[0].page.evaluate(() => {
  const gl = document.createElement('canvas').getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'no WebGL';
});

// Every fall of a camera tile into "Mất tín hiệu", with the layer it was in (a hidden one is never seen).
for (const { page } of screens) {
  await page.evaluate(() => {
    const soak = { shown: 0, hidden: 0, notes: [] };
    window.__soak = soak;
    new MutationObserver((records) => {
      for (const r of records) {
        const tile = r.target;
        if (tile.dataset.cameraState !== 'signal-lost' || r.oldValue === 'signal-lost') continue;
        const layer = tile.closest('[data-layer]')?.dataset.layer ?? 'rehearsal';
        if (layer === 'shown') soak.shown++;
        else soak.hidden++;
        if (soak.notes.length < 20) soak.notes.push(`${layer} layer, ${tile.dataset.cameraId}: ${tile.dataset.failure} ${tile.dataset.failureDetail}`.slice(0, 200));
      }
    }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-camera-state'], attributeOldValue: true });
  });
}
const tour = CHURN_S > 0 && !without.includes('camera') ? await startCameraTour(host.consoleUrl) : null;

/** The web host's own process: tsx and the node it starts both name electron/web-main.ts; the host is the big one. */
function hostRssKiB() {
  const named = tree(process.pid).filter((p) => processKind(p.pid) === 'other' && (readProc(`/proc/${p.pid}/cmdline`) ?? '').includes('web-main.ts'));
  return named.length ? Math.max(...named.map((p) => p.rssKiB)) : Number.NaN;
}

let measureFrom = Number.NaN;
async function sample(scenario) {
  const pages = [];
  for (const { id, page } of screens) {
    await page.send('HeapProfiler.collectGarbage');
    const heap = await page.send('Runtime.getHeapUsage');
    const dom = await page.send('Memory.getDOMCounters');
    const counts = await page.evaluate(() => ({ videos: document.querySelectorAll('video').length, canvases: document.querySelectorAll('canvas').length, players: window.__tcMedia?.players ?? 0, hls: window.__tcMedia?.hls ?? 0 }));
    pages.push({ id, heapMiB: heap.usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners, ...counts });
  }
  const t = treeSample(process.pid);
  const chromium = (byKind) => Object.entries(byKind).filter(([k]) => k !== 'other').reduce((s, [, v]) => s + v, 0);
  const browserKiB = chromium(t.pssByKind);
  const browserPrivateKiB = chromium(t.privateByKind);
  const sum = (key) => pages.reduce((s, p) => s + p[key], 0);
  return { min: (Date.now() - measureFrom) / 60_000, scenario, pages, heapMiB: sum('heapMiB'), nodes: sum('nodes'), listeners: sum('listeners'), players: sum('players'), rendererMiB: (t.pssByKind.renderer ?? 0) / 1024, browserMiB: browserKiB / 1024, rendererPrivateMiB: (t.privateByKind.renderer ?? 0) / 1024, browserPrivateMiB: browserPrivateKiB / 1024, hostMiB: hostRssKiB() / 1024 };
}

async function activate(scenarioId) {
  const res = await fetch(`${host.hubUrl.origin}/api/scenarios/${scenarioId}/activate`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  const answer = await res.json();
  if (!answer.ok) throw new Error(`${scenarioId}: ${JSON.stringify(answer.error)}`);
}

const tally = { switches: 0, switchesMissed: 0, steps: 0, stepsMissed: 0, stepsFailed: 0, tilesAtStep: 0, playingAtStep: 0, notes: [] };
const note = (text) => tally.notes.length < 8 && tally.notes.push(text);
const shownOn = (ok) => screens.filter((_, i) => !ok[i]).map((s) => s.id).join(', ');

async function switchTo(scenarioId) {
  tally.switches++;
  await activate(scenarioId);
  const shown = (id) => document.querySelector(`[data-layer="shown"][data-layer-key^="${id}#"]`) !== null;
  const ok = await Promise.all(screens.map(({ page }) => page.waitFor(shown, scenarioId, { timeout: 20_000 })));
  if (ok.every(Boolean)) return;
  tally.switchesMissed++;
  note(`switch ${tally.switches} (${scenarioId}): not shown on ${shownOn(ok)} within 20 s`);
}

/** One tour step: how many shown tiles were playing before it, then every screen showing only the step's cameras. */
async function tourStep() {
  const before = await Promise.all(screens.map(({ page }) => page.evaluate(() => [...document.querySelectorAll('[data-layer="shown"] [data-camera-state]')].map((t) => t.dataset.cameraState))));
  tally.tilesAtStep += before.flat().length;
  tally.playingAtStep += before.flat().filter((s) => s === 'playing').length;
  tally.steps++;
  let ids;
  try {
    ids = await tour.step();
  } catch (err) {
    tally.stepsFailed++;
    note(`tour step ${tally.steps}: ${err.message}`);
    return;
  }
  const landed = (expected) => [...document.querySelectorAll('[data-layer="shown"] [data-camera-id]')].every((t) => expected.includes(t.dataset.cameraId));
  const ok = await Promise.all(screens.map(({ page }) => page.waitFor(landed, ids, { timeout: Math.max(2, CHURN_S - 2) * 1000 })));
  if (ok.every(Boolean)) return;
  tally.stepsMissed++;
  note(`tour step ${tally.steps}: not shown on ${shownOn(ok)} in time`);
}

const samples = [];
/** One switch, a sample when measuring, then the tour's steps until the next switch is due. */
async function cycle(measuring) {
  const t0 = Date.now();
  const scenarioId = SCENARIOS[tally.switches % SCENARIOS.length];
  await switchTo(scenarioId);
  if (measuring) {
    await sleepUntil(t0 + SETTLE_S * 1000);
    const s = await sample(scenarioId);
    samples.push(s);
    console.log(`${s.min.toFixed(1)} min ${scenarioId}: heap ${s.heapMiB.toFixed(1)} MiB, nodes ${s.nodes}, listeners ${s.listeners}, players ${s.players}, renderers ${s.rendererMiB.toFixed(0)} MiB (private ${s.rendererPrivateMiB.toFixed(0)}), browser ${s.browserMiB.toFixed(0)} MiB (private ${s.browserPrivateMiB.toFixed(0)}), host ${s.hostMiB.toFixed(0)} MiB`);
  }
  if (tour) {
    for (let at = CHURN_S; at < SWITCH_S - 1e-9; at += CHURN_S) {
      await sleepUntil(t0 + at * 1000);
      await tourStep();
    }
  }
  await sleepUntil(t0 + SWITCH_S * 1000);
}

const warmEnd = Date.now() + WARMUP_S * 1000;
while (Date.now() < warmEnd) await cycle(false);
const warm = { ...tally, notes: [...tally.notes] };
for (const { page } of screens) await page.evaluate(() => Object.assign(window.__soak, { shown: 0, hidden: 0, notes: [] }));
const problemsAtWarm = screens.map(({ page }) => page.problems.length);
measureFrom = Date.now();
console.log(`warmed up (${warm.switches} switches, ${warm.steps} tour steps); measuring ${MINUTES} min`);
while (Date.now() < measureFrom + MINUTES * 60_000) await cycle(true);
const alarms = await Promise.all(screens.map(({ page }) => page.evaluate(() => window.__soak)));
const loadAtEnd = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const problems = screens.flatMap(({ id, page }, i) => page.problems.slice(problemsAtWarm[i]).map((p) => `${id}: ${p.slice(0, 200)}`));
tour?.close();
await browser.close();
await host.stop();

// ---- the section ---------------------------------------------------------------------------------------

const fmt = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const signed = (v, d) => `${v >= 0 ? '+' : ''}${fmt(v, d)}`;
// Like with like: the first and last samples on the same scenario.
const first = samples.find((s) => s.scenario === 'normal-operations') ?? samples[0];
const last = samples.findLast((s) => s.scenario === first.scenario);
const goalKeys = new Set(['rendererMiB', 'browserMiB', 'rendererPrivateMiB', 'browserPrivateMiB', 'heapMiB', 'nodes']);
const growth = {};
const rows = [
  ['renderer processes PSS (MiB; the four screens, and Chromium\'s spare renderer)', 'rendererMiB', 0],
  ['whole browser PSS (MiB; every Chromium process)', 'browserMiB', 0],
  ['renderer processes, private memory (USS, MiB)', 'rendererPrivateMiB', 0],
  ['whole browser, private memory (USS, MiB)', 'browserPrivateMiB', 0],
  ['JS heap, four screens (MiB, after a forced GC)', 'heapMiB', 1],
  ['DOM nodes, four screens', 'nodes', 0],
  ['JS event listeners, four screens', 'listeners', 0],
  ['camera players alive, four screens', 'players', 0],
  ['web host with embedded hub RSS (MiB)', 'hostMiB', 0],
].map(([label, key, d]) => {
  const g = growthPerHour(samples, key);
  growth[key] = g;
  // The goal is that nothing grows: a fall (memory given back after the warm-up, or PSS shared with programs
  // started beside the run) meets it, and is said as such.
  const verdict = goalKeys.has(key) && Number.isFinite(g.pct) ? (g.pct > GOAL_PCT_PER_H ? '**not met**' : g.pct < -GOAL_PCT_PER_H ? 'met (falls)' : 'met') : '—';
  return `| ${label} | ${fmt(g.level, d)} | ${fmt(first[key], d)} → ${fmt(last[key], d)} | ${signed(g.slope, d)} | ${signed(g.pct, 2)}% | ${verdict} |`;
});
const measuredSwitches = tally.switches - warm.switches;
const measuredSteps = tally.steps - warm.steps;
const shownAlarms = alarms.reduce((s, a) => s + a.shown, 0);
const hiddenAlarms = alarms.reduce((s, a) => s + a.hidden, 0);
const alarmNotes = alarms.flatMap((a, i) => a.notes.map((n) => `${screens[i].id}: ${n}`)).slice(0, 6);
const perScreen = last.pages.map((p, i) => `${p.id}: heap ${fmt(first.pages[i].heapMiB)} → ${fmt(p.heapMiB)} MiB, nodes ${first.pages[i].nodes} → ${p.nodes}, players ${first.pages[i].players} → ${p.players}, videos ${first.pages[i].videos} → ${p.videos}, canvases ${first.pages[i].canvases} → ${p.canvases}`);
const short = MINUTES < GOAL_MINUTES;
const goalsMet = [...goalKeys].every((k) => growth[k].pct <= GOAL_PCT_PER_H);
const series = (key, d = 0) => samples.filter((s) => s.scenario === first.scenario).map((s) => fmt(s[key], d)).join(', ');

const section = ['bench:soak', ...(without.length ? [`without-${without.join('-')}`] : []), ...(tour ? [] : ['no-tour'])].join(':');
const md = `## Soak: the demo wall with scenario switches${tour ? ' and a camera tour' : ''} (\`npm run bench:soak\`${without.length ? `, BENCH_WITHOUT=${without.join(',')}` : ''}${tour ? '' : ', BENCH_CHURN_S=0'})
${short ? `\n**Short proof run** (${MINUTES} min measured): a check that the benchmark works and an early reading; the goal is judged over ${GOAL_MINUTES} minutes or more.\n` : ''}
Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${atStart}, load average at the end ${loadAtEnd}.
Debian's Chromium 156, software rendering: WebGL renderer "${renderer}" (SwiftShader; no GPU), video decoded in software.
Four screen pages of the 2×2 demo (maps, cameras, KPIs, reports) at ${VIEWPORT.width} × ${VIEWPORT.height}, each in its own window and
browser context of one Chromium (visibility: ${[...new Set(visibility)].join(', ')}), driven over the DevTools protocol with **no
Network domain** (\`scripts/cdp-browser.mjs\`); the web host with its embedded hub (flood simulation, simulated cameras) as a child process.

- **Scenario switches**: an activation through the hub's REST API every ${SWITCH_S} s, cycling the five scenarios.
${tour ? `- **Camera tour**: every ${CHURN_S} s between switches, every camera tile of the layout on the wall moves to another source, as an
  operator's tour does: the console's socket saves the wall's current layout with new cameras and applies it (\`layouts:save\` +
  \`layouts:apply\`, \`scripts/camera-tour.mjs\`). The scenario stays, so each screen keeps its drawn layer and only the camera tiles
  change; every tile's player is replaced. Chosen over activating scenario variants through the hub, which would redraw the whole
  wall (maps included) every ${CHURN_S} s, which the switches already do and a tour does not. Sources: the ${playableCameras().length} H.264 simulated cameras,
  under a new camera id at each step (a real tour walks through more cameras than there are simulated streams).\n` : ''}- Warm-up ${WARMUP_S} s (${warm.switches} switches, ${warm.steps} tour steps), then **${MINUTES} min measured** (${measuredSwitches} switches, ${measuredSteps} tour steps).
  Sampled ${SETTLE_S} s after every switch is shown (${samples.length} samples): JS heap after \`HeapProfiler.collectGarbage\` (\`Runtime.getHeapUsage\`),
  DOM nodes and listeners (\`Memory.getDOMCounters\`), PSS from \`/proc/<pid>/smaps_rollup\` by Chromium process kind. Growth is the
  least-squares slope within each scenario (one level per scenario, a common slope), as a share of the mean.
  PSS shares library pages among every process that maps them, so it falls when other programs start Chromium on the same
  machine (other work ran beside this benchmark); private memory (USS: \`Private_Clean\` + \`Private_Dirty\`) does not.

| | mean | first → last "${first.scenario}" sample | growth per hour | per hour | goal ≤ ${GOAL_PCT_PER_H} %/h |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${short ? 'On this short run the goals read' : 'Goals'}: ${goalsMet ? '**all met**' : '**not all met**'} (renderer and browser PSS and private memory, JS heap, DOM nodes each growing ≤ ${GOAL_PCT_PER_H} % per hour).

- Switches not shown on every screen within 20 s: **${tally.switchesMissed}** of ${tally.switches}; tour steps refused: **${tally.stepsFailed}**, not shown on every screen in time: **${tally.stepsMissed}**, of ${tally.steps}${tally.notes.length ? ` (${tally.notes.join('; ')})` : ''}.
- False "Mất tín hiệu" alarms while measuring (every source was up): **${shownAlarms}** on shown tiles${hiddenAlarms ? `, ${hiddenAlarms} on hidden layers (never seen)` : ''}${alarmNotes.length ? ` (${alarmNotes.join('; ')})` : ''}.
${tour ? `- Shown camera tiles playing when the tour moved on (${CHURN_S} s after their start, or after the switch): ${tally.tilesAtStep ? fmt((100 * tally.playingAtStep) / tally.tilesAtStep, 1) : '—'} % of ${tally.tilesAtStep}.\n` : ''}- Console errors and warnings on the screens while measuring: **${problems.length}**${problems.length ? ` (first: ${problems.slice(0, 3).join(' · ')})` : ''}.
- At each "${first.scenario}" sample (MiB): renderer PSS ${series('rendererMiB')}; renderer private ${series('rendererPrivateMiB')}; whole browser PSS ${series('browserMiB')}.
- Per screen, first → last sample: ${perScreen.join('; ')}.
`;
writeSection(section, md);
console.log(md);
console.log(`written to docs/benchmarks.md (section ${section})`);
