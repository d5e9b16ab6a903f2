/* global document -- the functions passed to page.evaluate run in the page */
// npm run bench:live-view — what the console's live view costs the wall: the wall's node (the web host with
// its embedded hub, and the four screen pages of the 2×2 demo in one Chromium) measured with a console's
// live view open and closed, in periods of the same length, alternated A B B A … so a drift of the machine's
// load over the run falls on both sides alike. The console is a socket signed in as an operator (it sits on
// another machine; its own drawing is not the wall's cost): it sends `live:watch` and counts the frames it
// receives. Writes its section of docs/benchmarks.md.
//
// Environment: BENCH_PERIOD_S (one period, default 40), BENCH_PAIRS (pairs of open/closed periods, default 3),
// BENCH_WARMUP_S (before the first period, default 45), CHROMIUM_PATH (default /usr/bin/chromium).
import os from 'node:os';
import { startWebHostProcess } from '../tests/e2e/support/web-host-process.ts';
import { machine, writeSection } from './bench-report.mjs';
import { launchBrowser } from './cdp-browser.mjs';
import { openConsoleSocket, signIn } from './console-socket.mjs';
import { cpuPercent, machineTicks, processKind, readProc, treeSample } from './proc-tree.mjs';

const env = (name, fallback) => {
  const raw = process.env[name];
  const v = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return v;
};
const PERIOD_S = env('BENCH_PERIOD_S', 40);
const PAIRS = Math.round(env('BENCH_PAIRS', 3));
const WARMUP_S = env('BENCH_WARMUP_S', 45);
/** After a toggle, the screens start or stop sending: this much of each period is not measured. */
const SETTLE_S = Math.min(5, PERIOD_S / 4);
const GOAL_PCT = 5;
const VIEWPORT = { width: 1920, height: 1080 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];
const ACCOUNT = { username: 'live-bench', displayName: 'Live view bench', password: 'live-view-bench-2026' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const startedAt = new Date();
const atStart = machine();
const host = await startWebHostProcess({ startTimeoutMs: 180_000 });
const browser = await launchBrowser({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS, windowSize: VIEWPORT });
const screens = [];
for (const [id, url] of host.screenUrls) screens.push({ id, page: await browser.newPage({ url, viewport: VIEWPORT }) });
for (const { id, page } of screens) {
  if (!(await page.waitFor(() => document.documentElement.dataset.rehearsed === 'true', undefined, { timeout: 300_000, polling: 1000 }))) throw new Error(`screen ${id} did not become ready and rehearsed in 5 min`);
}
const cameraTiles = (await Promise.all(screens.map(({ page }) => page.evaluate(() => document.querySelectorAll('[data-layer="shown"] .camera-tile[data-camera-id]').length)))).reduce((s, n) => s + n, 0);

const received = { messages: 0, frames: 0, bytes: 0 };
const socket = await openConsoleSocket(host.consoleUrl, {
  onEvent(event, payload, bytes) {
    if (event !== 'live:stills' && event !== 'live:capture') return;
    received.messages++;
    received.frames += payload.frames?.length ?? 1;
    received.bytes += bytes;
  },
});
await signIn(socket, ACCOUNT);

/** The web host's own process (tsx starts a node that names electron/web-main.ts too; the host is the big one). */
function hostPid(sample) {
  const named = [...sample.ticks.keys()].filter((pid) => processKind(pid) === 'other' && (readProc(`/proc/${pid}/cmdline`) ?? '').includes('web-main.ts'));
  return named.sort((a, b) => (readProc(`/proc/${b}/statm`)?.split(' ')[1] ?? 0) - (readProc(`/proc/${a}/statm`)?.split(' ')[1] ?? 0))[0];
}

async function watch(on) {
  const r = await socket.request('live:watch', { watching: on });
  if (!r.ok) throw new Error(`live:watch ${on}: ${r.error.code} ${r.error.message}`);
}

/** One period: the view set, settled, then the wall's CPU over the rest, and its memory at the end. */
async function period(open) {
  await watch(open);
  await sleep(SETTLE_S * 1000);
  const got = { ...received };
  const a = treeSample(process.pid);
  const ma = machineTicks();
  await sleep((PERIOD_S - SETTLE_S) * 1000);
  const b = treeSample(process.pid);
  const mb = machineTicks();
  const host = hostPid(b);
  const only = (s, pid) => ({ ...s, ticks: new Map([...s.ticks].filter(([p]) => p === pid)) });
  const seconds = (b.at - a.at) / 1000;
  return {
    open,
    cpu: cpuPercent(a, b),
    hostCpu: host ? cpuPercent(only(a, host), only(b, host)) : Number.NaN,
    machineBusy: (100 * (1 - (mb.idle - ma.idle) / (mb.total - ma.total))),
    pssMiB: b.pssKiB / 1024,
    privateMiB: Object.values(b.privateByKind).reduce((s, v) => s + v, 0) / 1024,
    framesPerS: (received.frames - got.frames) / seconds,
    kBPerS: (received.bytes - got.bytes) / 1024 / seconds,
    load: os.loadavg()[0],
  };
}

console.log(`${screens.length} screens ready, ${cameraTiles} camera tiles shown; warming up ${WARMUP_S} s`);
await sleep(WARMUP_S * 1000);
const order = Array.from({ length: PAIRS }, (_, i) => (i % 2 === 0 ? [false, true] : [true, false])).flat();
const periods = [];
for (const open of order) {
  const p = await period(open);
  periods.push(p);
  console.log(`${open ? 'open  ' : 'closed'}: wall ${p.cpu.toFixed(1)} % of a core (host ${p.hostCpu.toFixed(1)} %), machine ${p.machineBusy.toFixed(0)} % busy, PSS ${p.pssMiB.toFixed(0)} MiB, ${p.framesPerS.toFixed(1)} frames/s, ${p.kBPerS.toFixed(1)} KiB/s to the console, load ${p.load.toFixed(1)}`);
}
await watch(false);
const loadAtEnd = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
const problems = screens.flatMap(({ id, page }) => page.problems.map((p) => `${id}: ${p.slice(0, 160)}`));
socket.close();
await browser.close();
await host.stop();

// ---- the section ---------------------------------------------------------------------------------------

const mean = (xs) => xs.reduce((s, v) => s + v, 0) / xs.length;
const side = (open, key) => mean(periods.filter((p) => p.open === open).map((p) => p[key]));
const fmt = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const closedCpu = side(false, 'cpu');
const openCpu = side(true, 'cpu');
const morePct = (100 * (openCpu - closedCpu)) / closedCpu;
// Each pair's own difference: how much of the mean difference is noise.
const pairDiffs = Array.from({ length: PAIRS }, (_, i) => {
  const [x, y] = periods.slice(2 * i, 2 * i + 2);
  const [open, closed] = x.open ? [x, y] : [y, x];
  return (100 * (open.cpu - closed.cpu)) / closed.cpu;
});
const met = morePct <= GOAL_PCT;
const rows = [
  ['wall node CPU (% of one core: web host + the four screens\' Chromium)', 'cpu', 1],
  ['of which the web host with its embedded hub', 'hostCpu', 1],
  ['whole machine busy (% of all cores; other work ran beside)', 'machineBusy', 0],
  ['wall node PSS (MiB)', 'pssMiB', 0],
  ['wall node private memory (USS, MiB)', 'privateMiB', 0],
  ['camera frames received by the console per second', 'framesPerS', 1],
  ['sent to the console (KiB/s)', 'kBPerS', 1],
].map(([label, key, d]) => `| ${label} | ${fmt(side(false, key), d)} | ${fmt(side(true, key), d)} |`);

const short = PAIRS * PERIOD_S < 3 * 40;
const md = `## The console's live view: what it costs the wall (\`npm run bench:live-view\`)
${short ? `\n**Short proof run** (${PAIRS} × 2 periods of ${PERIOD_S} s): a check that the benchmark works and an early reading; judge the goal on the default run (3 pairs of 40 s).\n` : ''}
Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${atStart}, load average at the end ${loadAtEnd}
(a shared machine: other work ran beside this benchmark, so figures are taken under load).
The wall's node: the web host with its embedded hub (flood simulation, simulated cameras) and the 2×2 demo's four screen pages at
${VIEWPORT.width} × ${VIEWPORT.height} in one Debian Chromium (software rendering, video decoded in software), driven over the DevTools protocol
(\`scripts/cdp-browser.mjs\`); ${cameraTiles} camera tiles shown. The console is a signed-in socket (\`live:watch\`), as a console on another
machine is: what its page draws is not the wall's cost. Browser display nodes send each camera's recent frame (a 192 × 108 JPEG,
\`renderer/screen/use-live-stills.ts\`) once a second while a console watches, and nothing otherwise; the console draws the rest of
each screen itself from the same layout and data. (The Electron shell's window capture is not measured here: no Electron on this machine.)

${PAIRS} pairs of ${PERIOD_S} s periods, alternated ${order.map((o) => (o ? 'open' : 'closed')).join(', ')} after a ${WARMUP_S} s warm-up; the first ${SETTLE_S} s
after each toggle are not measured. CPU is the process tree's ticks from \`/proc/<pid>/stat\`, memory its PSS and private memory at each
period's end.

| | view closed | view open |
| --- | --- | --- |
${rows.join('\n')}

- **Wall node CPU with the view open: ${morePct >= 0 ? '+' : ''}${fmt(morePct, 1)} %** over closed (goal ≤ ${GOAL_PCT} %): **${met ? 'met' : 'not met'}**.
  Per pair: ${pairDiffs.map((d) => `${d >= 0 ? '+' : ''}${fmt(d, 1)} %`).join(', ')} (the spread is the noise of a loaded machine).
- Per period (view, wall CPU %, load): ${periods.map((p) => `${p.open ? 'open' : 'closed'} ${fmt(p.cpu)} % / ${fmt(p.load)}`).join('; ')}.
- Console errors on the screens: **${problems.length}**${problems.length ? ` (first: ${problems.slice(0, 3).join(' · ')})` : ''}.
`;
writeSection('bench:live-view', md);
console.log(md);
console.log('written to docs/benchmarks.md (section bench:live-view)');
