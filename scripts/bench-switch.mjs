/* global window, document -- the functions passed to page.evaluate run in the page */
// npm run bench:switch — scenario switching on the 2×2 demo wall: from the hub's activation to every
// screen page having painted the new layout, and the skew between screens. Figures go to
// docs/benchmarks.md. Usage: npm run bench:switch -- [--switches 100] [--nodes 2]
// `--nodes 2`: the standalone hub and two node processes (rows A and B), each node's screens in a
// Chromium of its own, as two PCs; adds the skew between screens of different nodes and each node's
// estimate of the hub's clock (tests/e2e/support/multi-node-wall.ts).
import { chromium } from 'playwright-core';
import { DEFAULT_APPLY_DELAY_MS } from '../common/scenario-swap.ts';
import { machine, quantile, writeSection } from './bench-report.mjs';
import { firstShown, ScreenWatch } from '../tests/support/screen-watch.ts';
import { startWebHostProcess } from '../tests/e2e/support/web-host-process.ts';
import { startMultiNodeWall } from '../tests/e2e/support/multi-node-wall.ts';
import { DisplayPriority, linuxProcSystem } from '../electron/shell-policy/display-priority.ts';
import { createLogger } from '../node-common/log.ts';
import os from 'node:os';

const switches = Number(process.argv[process.argv.indexOf('--switches') + 1]) || 100;
// Each switch starts on a settled wall: the previous switch's old layout has been torn down by then, as
// on a real wall, where switches come minutes apart, not back to back.
const SETTLE_MS = 1000;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const scenarios = ['flood-response', 'normal-operations'];
const applyDelayMs = Number(process.env.TOAN_CANH_APPLY_DELAY_MS || DEFAULT_APPLY_DELAY_MS);

// `--without map,camera`: the same wall with those panel types left out of every layout (as the e2e
// tests' light wall), to tell the switch's own cost from what the heavy panels cost this machine.
const withoutArg = process.argv.indexOf('--without');
const without = withoutArg > 0 ? process.argv[withoutArg + 1].split(',').filter(Boolean) : [];
const nodesArg = process.argv.indexOf('--nodes');
const nodeCount = nodesArg > 0 ? Number(process.argv[nodesArg + 1]) : 1;
if (nodeCount !== 1 && nodeCount !== 2) throw new Error(`--nodes ${process.argv[nodesArg + 1]}: use 1 (one web host, embedded hub) or 2 (standalone hub, two node processes)`);
// The machine, and its load, before anything of the wall runs.
const machineAtStart = machine();
const wall = nodeCount === 2 ? await twoNodes() : await oneNode();
const pageNode = wall.groups.flatMap((g) => g.urls.map(() => g.nodeId));

// No GPU here: SwiftShader (--disable-gpu, as the e2e tests run) or Mesa llvmpipe through ANGLE.
const rendererArg = process.argv.indexOf('--renderer');
const renderer = rendererArg > 0 ? process.argv[rendererArg + 1] : 'swiftshader';
const RENDERER_ARGS = { swiftshader: ['--disable-gpu'], llvmpipe: ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist'] };
if (!RENDERER_ARGS[renderer]) throw new Error(`--renderer ${renderer}: use swiftshader or llvmpipe`);
// One browser per node: each PC has its own Chromium (and compositor).
const browsers = [];
const pages = [];
for (const group of wall.groups) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', ...RENDERER_ARGS[renderer], '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
  browsers.push(browser);
  for (const url of group.urls) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(url);
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached', timeout: 60_000 });
    pages.push(page);
  }
}
const glRenderer = await pages[0].evaluate(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
});
// As the Electron app does for its windows: Chromium's frame-path threads at real-time priority
// (electron/shell-policy/display-priority.ts), unless TOAN_CANH_DISPLAY_PRIORITY=normal. Chromium is our descendant.
const priority = new DisplayPriority(process.env.TOAN_CANH_DISPLAY_PRIORITY === 'normal' ? null : linuxProcSystem(), createLogger('bench.priority'));
let priorityNote = '';
const raise = () =>
  priority.pass(process.pid).then((pass) => {
    priorityNote = pass.refused ? `normal priority (${pass.refused})` : 'real-time priority';
  });
await raise();
const raising = setInterval(() => void raise(), 10_000);
// Switches come long after a wall starts: measure once every screen has rehearsed its scenarios' maps.
const warmStart = Date.now();
await Promise.all(pages.map((p) => p.waitForSelector('html[data-rehearsed="true"]', { state: 'attached', timeout: 180_000 })));
const warmupMs = Date.now() - warmStart;

// What each screen really showed, from its compositor's frames (tests/support/screen-watch.ts).
// `--no-film`: no screencast, to see what filming the four screens costs the switch (pages' account only).
const film = !process.argv.includes('--no-film');
const watches = film ? await Promise.all(pages.map((p) => ScreenWatch.open(p))) : [];
// Frames kept after the last page says it painted: how the new layout looks once settled.
const AFTER_MS = 400;
const seenLatencies = [];
const seenSkews = [];
const seenLate = [];
let unseen = 0;

const latencies = [];
const skews = [];
const paintSkews = [];
// Per screen and switch: activation → received, received → hidden layer drawn, apply time → swap frame.
const received = [];
const prepared = [];
const late = [];
const commit = [];
const nextFrame = [];
let unprepared = 0;
let unarmed = 0;
// Screens that had not painted a switch within MISSED_MS.
const MISSED_MS = 15_000;
const missed = [];
// Two nodes: the same between screens of different nodes, on the hub's clock (a page's time + its node's
// estimate of hub − node), and each node's estimate and round trip, read from the hub after each switch.
const nodeSkews = [];
const nodePaintSkews = [];
const seenNodeSkews = [];
// And within each node (its two screens, one Chromium): what the link between the nodes adds is the difference.
const oneNodeSkews = [];
const seenOneNodeSkews = [];
const clockOffsets = new Map();
const clockTrips = new Map();
for (let i = 0; i < switches; i++) {
  const scenarioId = scenarios[i % scenarios.length];
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const before = await Promise.all(pages.map((p) => p.evaluate(() => window.__tcSwaps?.length ?? 0)));
  await Promise.all(watches.map((w) => w.start()));
  await new Promise((r) => setTimeout(r, 150)); // a few frames of the old layout
  const startedAt = Date.now();
  await wall.activate(scenarioId).catch((err) => {
    throw new Error(`activation ${i}: ${err.message}`);
  });
  const records = await Promise.all(
    pages.map((p, k) =>
      p
        .waitForFunction((n) => (window.__tcSwaps?.length ?? 0) > n && window.__tcSwaps.at(-1).paintedAt !== undefined, before[k], { timeout: MISSED_MS })
        .then(() => p.evaluate(() => window.__tcSwaps.at(-1)))
        .catch(async () => {
          // Not painted in time: counted and described, and the run goes on with the next switch.
          const shown = await p.evaluate(() => document.documentElement.dataset.revision).catch(() => 'page gone');
          missed.push(`switch ${i + 1} (${scenarioId}), screen ${k + 1}: showing revision ${shown}`);
          return null;
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, AFTER_MS));
  const filmed = await Promise.all(watches.map((w) => w.stop()));
  const offsets = await wall.clockOffsets();
  for (const [nodeId, { offset, trip }] of offsets) {
    if (offset !== null) (clockOffsets.get(nodeId) ?? clockOffsets.set(nodeId, []).get(nodeId)).push(offset);
    if (trip !== null) (clockTrips.get(nodeId) ?? clockTrips.set(nodeId, []).get(nodeId)).push(trip);
  }
  if (records.some((r) => r === null)) continue;
  const onHub = (k, t) => t + (offsets.get(pageNode[k])?.offset ?? 0);
  if (film) {
    const shown = filmed.map((frames) => {
      const old = frames.filter((f) => f.at < startedAt).at(-1) ?? frames[0];
      return frames.length ? firstShown(frames, old, frames.at(-1), startedAt) : null;
    });
    if (shown.some((t) => t === null)) unseen++;
    else {
      seenLatencies.push(Math.max(...shown) - startedAt);
      seenSkews.push(Math.max(...shown) - Math.min(...shown));
      shown.forEach((t, k) => seenLate.push(t - records[k].applyAt));
      if (nodeCount === 2) {
        seenNodeSkews.push(acrossNodes(shown));
        seenOneNodeSkews.push(withinNodes(shown));
      }
    }
  }
  latencies.push(Math.max(...records.map((r) => r.paintedAt)) - startedAt);
  const swapped = records.map((r) => r.swappedAt);
  const painted = records.map((r) => r.paintedAt);
  skews.push(Math.max(...swapped) - Math.min(...swapped));
  paintSkews.push(Math.max(...painted) - Math.min(...painted));
  if (nodeCount === 2) {
    nodeSkews.push(acrossNodes(records.map((r, k) => onHub(k, r.swappedAt))));
    oneNodeSkews.push(withinNodes(swapped));
    nodePaintSkews.push(acrossNodes(records.map((r, k) => onHub(k, r.paintedAt))));
  }
  for (const r of records) {
    received.push(r.receivedAt - startedAt);
    if (r.preparedAt === undefined) unprepared++;
    if (r.armedAt === undefined || r.armedAt > r.applyAt) unarmed++;
    else prepared.push(r.preparedAt - r.receivedAt);
    late.push(r.frameAt - r.applyAt);
    commit.push(r.swappedAt - r.frameAt);
    nextFrame.push(r.paintedAt - r.frameAt);
  }
}

clearInterval(raising);
await Promise.all(browsers.map((b) => b.close()));
await wall.stop();

const records = (values) => values.length;
// A run with another apply delay than the default gets a section of its own.
const delayed = applyDelayMs !== DEFAULT_APPLY_DELAY_MS;
const two = nodeCount === 2;
const variant = [renderer, ...(two ? ['nodes-2'] : []), ...(without.length ? [`without-${without.join('-')}`] : []), ...(film ? [] : ['no-film']), ...(delayed ? [`delay-${applyDelayMs}`] : [])].join(':');
const ms = (v) => `${v.toFixed(1)} ms`;
const row = (name, values) => `| ${name} | ${ms(quantile(values, 0.5))} | ${ms(quantile(values, 0.95))} | ${ms(Math.max(...values))} |`;
const filmNote = !film
  ? "Not filmed (`--no-film`): the screencast costs the same two cores what it measures, so this run has the pages' own account only."
  : `What the screens
really showed is read from Chromium's screencast of each page (the compositor's frames with their times, as
64 × 36 thumbnails): a screen showed the new layout at the first frame that looks like it does once settled
(${AFTER_MS} ms after the last page reported its swap) rather than as before the activation
(\`tests/support/screen-watch.ts\`). Screencast times are this machine's clock, as is the activation's.

| seen on screen (screencast) | p50 | p95 | max |
| --- | --- | --- | --- |
${seenLatencies.length ? row('activation → all four screens showing the new layout', seenLatencies) : '| activation → all four screens showing the new layout | — | — | — |'}
${seenSkews.length ? row('skew between screens: first frame showing it', seenSkews) : '| skew between screens: first frame showing it | — | — | — |'}
${seenLate.length ? row('per screen: apply time → first frame showing it', seenLate) : '| per screen: apply time → first frame showing it | — | — | — |'}
${two && seenNodeSkews.length ? `${row("skew between the two nodes' screens: first frame showing it", seenNodeSkews)}\n${row("skew between one node's two screens: first frame showing it", seenOneNodeSkews)}` : ''}

${unseen} of ${latencies.length} switches could not be read from the frames on every screen (the two layouts alike at thumbnail size, or no frame) and are left out of this table.`;
const report = `## Scenario switching${two ? ' across two nodes' : ''} on ${renderer}${without.length ? `, without ${without.join(', ')} panels` : ''}${delayed ? `, swap ${applyDelayMs} ms after activation` : ''} (\`${delayed ? `TOAN_CANH_APPLY_DELAY_MS=${applyDelayMs} ` : ''}npm run bench:switch -- ${two ? '--nodes 2 ' : ''}--renderer ${renderer}${without.length ? ` --without ${without.join(',')}` : ''}${film ? '' : ' --no-film'}\`)

${switches} switches (${SETTLE_MS / 1000} s apart) between the flood and normal scenarios on the 2×2 demo wall (${two ? "the standalone hub and two node processes, rows A and B, each with its own database and port; each node's two 1920×1080 screen pages in a headless Debian Chromium of its own, as two PCs" : 'web host, embedded hub, four 1920×1080 screen pages in headless Debian Chromium'}, \`--renderer ${renderer}\`: WebGL on "${glRenderer}", no GPU), activated
over the hub's REST API. Chromium's frame-path threads at ${priorityNote} (\`electron/shell-policy/display-priority.ts\`, as the app sets them). Times are on ${two ? "each page's own node's" : "the wall node's"} clock as the page estimates it (\`clock:sync\`).
The hub schedules the swap ${applyDelayMs} ms after it accepts an activation (\`TOAN_CANH_APPLY_DELAY_MS\`), so every
screen has time to draw the new layout hidden; that delay is part of the end-to-end figure. Each screen
draws the next layout in a hidden layer as soon as it arrives and, in the frame of the apply time, only
makes that layer visible (\`renderer/screen/use-scheduled-state.ts\`). Switching starts once every screen has
rehearsed the maps of the scenarios it may show (\`common/rehearsal.ts\`): ${(warmupMs / 1000).toFixed(1)} s after the pages were up.

Each screen's swap is handed to its compositor: two opacity animations pinned to the apply time on the page's
timeline (\`renderer/screen/compositor-swap.ts\`), so a busy main thread does not delay the picture. ${filmNote}

| the pages' own account (main thread, rAF times) | p50 | p95 | max |
| --- | --- | --- | --- |
${row('activation → all four screens painted', latencies)}
${row('skew between screens: frame of the swap', skews)}
${row('skew between screens: next frame (painted)', paintSkews)}
${two ? `${row("skew between one node's two screens: frame of the swap", oneNodeSkews)}\n${row("skew between the two nodes' screens: frame of the swap (hub clock)", nodeSkews)}\n${row("skew between the two nodes' screens: next frame (hub clock)", nodePaintSkews)}` : ''}
${row('per screen: activation → page received it', received)}
${prepared.length ? row('per screen: received → next layout drawn hidden', prepared) : '| per screen: received → next layout drawn hidden | — | — | — |'}
${row('per screen: apply time → swap frame (late > 0)', late)}
${row('per screen: swap frame → swap committed', commit)}
${row('per screen: swap frame → next frame', nextFrame)}

Per screen, ${unprepared} of ${records(received)} swaps came before the hidden layout had been committed, and ${unarmed} before the compositor had been given the swap ahead of its apply time.
${missed.length ? `\n**${missed.length} time(s) a screen had not painted a switch within ${MISSED_MS / 1000} s** (those switches are left out of the figures above): ${missed.join('; ')}.\n` : `Every screen painted every switch within ${MISSED_MS / 1000} s.`}

Goals: end to end p95 ≤ 250 ms; skew p95 ≤ 17 ms (one frame at 60 Hz)${film ? ', judged on what the screens showed (first table)' : ''}.
${two ? nodesNote() : ''}
Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineAtStart}, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.`;
writeSection(`bench:switch:${variant}`, report);
console.log(report);

/** Each node's estimate of the hub's clock, and what the figures mean on this one box. */
function nodesNote() {
  const rows = [...clockOffsets.keys()].sort().map((nodeId) => {
    const abs = clockOffsets.get(nodeId).map(Math.abs);
    const trips = clockTrips.get(nodeId) ?? [];
    return `| ${nodeId} | ${ms(quantile(abs, 0.5))} | ${ms(quantile(abs, 0.95))} | ${ms(Math.max(...abs))} | ${trips.length ? `${ms(quantile(trips, 0.5))} / ${ms(Math.max(...trips))}` : '—'} |`;
  });
  return `
Between nodes, a page's times are put on the hub's clock with its node's estimate of hub − node (\`clock:sync\`,
docs/protocol.md §7), as they would have to be across PCs. Each node's estimate, as it reported it to the hub
(\`node:health\`, every 5 s) read after each switch: here both nodes and the hub share one clock, so the
true offset is 0 and the estimate is its own error.

| node's estimate of hub − node | |offset| p50 | p95 | max | round trip p50 / max |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

**What these figures mean here.** The hub, two node processes and two Chromiums (each with two pages'
renderers and one software compositor, SwiftShader, no GPU) share two cores with the rest of the
box, so each screen's frame comes when the cores let it. ${unarmed} of ${records(received)} swaps reached their page too late
to be handed to its compositor before the apply time (the activation travels hub → node → page over
processes waiting for a core), and such a screen shows the switch when it gets it; the clocks' part is
the few ms of the estimates above. How much the split across processes adds to this box's scheduling
shows in a node's own two screens against screens of different nodes: p50 ${ms(quantile(oneNodeSkews, 0.5))} against
${ms(quantile(nodeSkews, 0.5))} (pages' account, frame of the swap). On a wall of PCs, each node has its own cores and a
GPU compositing at the display's refresh: a swap armed ahead of its apply time lands in the frame of
that time on every PC, so the skew between nodes is bounded by their clocks' agreement (the estimate's
error, at most half the round trip: a LAN round trip of ~0.2–1 ms gives well under a millisecond) plus
the displays' refresh phase (up to one frame at 60 Hz, 16.7 ms, unless the outputs are genlocked). What
carries over from this box is that the apply time and the clock conversion work across processes; the
millisecond figures here are this box's CPU contention.
`;
}

/** The largest difference between two screens of different nodes (`across`) or of the same node. */
function pairSkew(times, across) {
  let worst = 0;
  times.forEach((a, i) => times.forEach((b, j) => {
    if (i !== j && (pageNode[i] !== pageNode[j]) === across) worst = Math.max(worst, Math.abs(a - b));
  }));
  return worst;
}

function acrossNodes(times) {
  return pairSkew(times, true);
}

function withinNodes(times) {
  return pairSkew(times, false);
}

async function oneNode() {
  const host = await startWebHostProcess({ withoutTypes: without, env: { TOAN_CANH_APPLY_DELAY_MS: String(applyDelayMs) } });
  const rest = host.hubUrl;
  const token = rest.searchParams.get('token');
  return {
    groups: [{ nodeId: 'web-host', urls: [...host.screenUrls.values()] }],
    async activate(scenarioId) {
      const res = await fetch(`${rest.origin}/api/scenarios/${scenarioId}/activate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const answer = await res.json();
      if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer.error)}`);
      return answer.value;
    },
    clockOffsets: async () => new Map(),
    stop: () => host.stop(),
  };
}

async function twoNodes() {
  const multi = await startMultiNodeWall({ withoutTypes: without, applyDelayMs });
  return {
    groups: Object.values(multi.nodes).map((n) => ({ nodeId: n.nodeId, urls: [...n.screenUrls.values()] })),
    activate: (scenarioId) => multi.activate(scenarioId),
    async clockOffsets() {
      const health = await multi.health();
      return new Map(health.nodes.map((n) => [n.nodeId, { offset: n.process?.clockOffsetMs ?? null, trip: n.process?.clockRoundTripMs ?? null }]));
    },
    stop: () => multi.stop(),
  };
}
