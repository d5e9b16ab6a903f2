/* global window, document -- the functions passed to page.evaluate run in the page */
// npm run bench:sources — a data point from a centre's feed to the wall's four screens: MQTT readings
// published to Debian's mosquitto on loopback at a sustained rate (default 1000 points/s for 60 s) and an
// HTTP JSON source polled every second, through the embedded hub's sources (config/sources) and the web
// host, to KPI tiles painted in four headless Chromium pages. Latency is from the publish (MQTT) or the
// answer served (HTTP, so the poll interval is left out) to the tile's own paint mark (`tc:kpi-painted`,
// made after the frame that shows the value, renderer/panels/shared/painted-mark.ts), read in each page
// with a PerformanceObserver. Also: the host's CPU (it runs the embedded hub), probes painted or skipped,
// and whether the last value of every key reached the screens. Writes its section of docs/benchmarks.md.
//
// Environment: BENCH_RATE (points/s, default 1000), BENCH_SECONDS (default 60), CHROMIUM_PATH.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { hasMosquitto, startMosquitto } from '../tests/support/services.ts';
import { startWebHostProcess } from '../tests/e2e/support/web-host-process.ts';
import { machine, quantile, writeSection } from './bench-report.mjs';
import { launchBrowser } from './cdp-browser.mjs';
import { processTable, readProc, tree } from './proc-tree.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function envNumber(name, fallback, min, max) {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`bench-sources: ${name} must be a number from ${min} to ${max}, not "${raw}"`);
    process.exit(2);
  }
  return n;
}
const RATE = envNumber('BENCH_RATE', 1000, 10, 20_000);
const SECONDS = envNumber('BENCH_SECONDS', 60, 5, 600);
const PROBE_HZ = 10; // probes are part of RATE: one key whose every value should reach the screens
const KEYS = 100; // the other points go round these keys
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!hasMosquitto) {
  console.error("bench-sources: needs Debian's mosquitto at /usr/sbin/mosquitto (apt-get install mosquitto)");
  process.exit(2);
}
if (!fs.existsSync(executablePath)) {
  console.error(`bench-sources: no Chromium at ${executablePath}; install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`);
  process.exit(2);
}
// Four windows on one headless display cover each other: without these, Chromium stops painting the covered ones.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];
const VIEWPORT = { width: 1920, height: 1080 };
const startedAt = new Date();
const load = machine();

// ---- the wall: a probe tile, an HTTP tile and twelve of the busy keys per screen ----------------------------
const ORIGINS = [[0, 0], [1926, 0], [0, 1086], [1926, 1086]];
const layout = {
  schemaVersion: 1,
  id: 'demo-2x2-normal',
  name: 'bench:sources',
  wallId: 'demo-2x2',
  panels: [
    { id: 'backdrop', type: 'solid', rect: { x: 0, y: 0, width: 3846, height: 2166 }, z: 0, props: { color: '#08131f' } },
    ...ORIGINS.flatMap(([x, y], s) => [
      { id: `probe-${s}`, type: 'kpi', rect: { x: x + 60, y: y + 60, width: 860, height: 380 }, z: 1, props: { key: 'kpi.bench.probe', label: 'MQTT', digits: 0, fontSize: 90 } },
      { id: `http-${s}`, type: 'kpi', rect: { x: x + 980, y: y + 60, width: 860, height: 380 }, z: 1, props: { key: 'kpi.bench.http', label: 'HTTP', digits: 0, fontSize: 90 } },
      {
        id: `busy-${s}`,
        type: 'kpi-group',
        rect: { x: x + 60, y: y + 500, width: 1780, height: 520 },
        z: 1,
        props: { domain: 'socio-economic', columns: 4, fontSize: 36, items: Array.from({ length: 12 }, (_, i) => ({ key: `kpi.bench.k${s * 12 + i}`, digits: 0 })) },
      },
    ]),
  ],
};

// ---- the feeds ---------------------------------------------------------------------------------------------
const broker = await startMosquitto();
let httpSeq = 0;
const httpServedAt = new Map();
const feed = http.createServer((_req, res) => {
  httpSeq++;
  httpServedAt.set(httpSeq, Date.now());
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ giaTri: httpSeq }));
});
await new Promise((resolve) => feed.listen(0, '127.0.0.1', resolve));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-sources-'));
const sourcesDir = path.join(dir, 'sources');
fs.mkdirSync(sourcesDir);
const kpi = (key) => ({ kind: 'kpi', key, unit: '', min: 0 });
fs.writeFileSync(path.join(sourcesDir, 'bench-mqtt.json'), JSON.stringify({ id: 'bench-mqtt', type: 'mqtt', url: broker.url, topics: [{ topic: 'bench/+', payload: 'number', points: [{ to: kpi('kpi.bench.{1}') }] }] }));
fs.writeFileSync(path.join(sourcesDir, 'bench-http.json'), JSON.stringify({ id: 'bench-http', type: 'http', url: `http://127.0.0.1:${feed.address().port}/`, intervalS: 1, timeoutMs: 2000, points: [{ path: '/giaTri', to: kpi('kpi.bench.http') }] }));
const layoutFile = path.join(dir, 'layout.json');
fs.writeFileSync(layoutFile, JSON.stringify(layout));

let host = null;
let browser = null;
const hostPids = () => tree(process.pid, new Set([browser.pid])).filter((p) => (readProc(`/proc/${p.pid}/cmdline`) ?? '').includes('web-main')).map((p) => p.pid);
const hostTicks = () => {
  const table = processTable();
  return hostPids().reduce((s, pid) => s + (table.get(pid)?.ticks ?? 0), 0);
};

const screens = [];
try {
  host = await startWebHostProcess({ layout: layoutFile, withoutTypes: ['map', 'camera', 'web'], env: { TOAN_CANH_SIMULATE: '0', TOAN_CANH_SOURCES_DIR: sourcesDir } });
  browser = await launchBrowser({ executablePath, args: ARGS, windowSize: VIEWPORT });
  for (const [id, url] of host.screenUrls) screens.push({ id, page: await browser.newPage({ url, viewport: VIEWPORT }) });
  for (const { id, page } of screens) {
    // Ready, and done rehearsing the scenarios' layouts in hidden layers (heavy work that would share the frames).
    const settled = () => document.documentElement.dataset.appState === 'ready' && document.documentElement.dataset.rehearsed === 'true';
    if (!(await page.waitFor(settled, undefined, { timeout: 300_000, polling: 1000 }))) throw new Error(`screen ${id} not ready and rehearsed in 5 min`);
    // Every paint mark of the probe and HTTP tiles, with the page's clock offset to Date.now().
    await page.evaluate(() => {
      window.__benchPainted = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const d = e.detail;
          if (e.name === 'tc:kpi-painted' && (d?.key === 'kpi.bench.probe' || d?.key === 'kpi.bench.http') && window.__benchPainted.length < 100_000) {
            window.__benchPainted.push([d.key, d.value, performance.timeOrigin + e.startTime]);
          }
        }
      }).observe({ type: 'mark' });
    });
  }

  // ---- the load: RATE points/s for SECONDS, PROBE_HZ of them the probe ---------------------------------------
  const client = await mqtt.connectAsync(broker.url, { clientId: 'bench-publisher' });
  const probeSentAt = new Map();
  const last = new Map();
  let sent = 0;
  let acked = 0;
  let failed = 0;
  let probeSeq = 0;
  const publish = (topic, value) => {
    sent++;
    client.publish(topic, String(value), { qos: 1 }, (err) => (err ? failed++ : acked++));
  };
  // Warm up: every key once, so the tiles exist before measuring.
  for (let k = 0; k < KEYS; k++) {
    publish(`bench/k${k}`, 0);
    last.set(`kpi.bench.k${k}`, 0);
  }
  await sleep(3000);
  const t0Ticks = hostTicks();
  const t0 = Date.now();
  const end = t0 + SECONDS * 1000;
  let busy = 0;
  let behind = 0;
  while (Date.now() < end) {
    const now = Date.now();
    const due = Math.floor(((now - t0) / 1000) * RATE) + KEYS;
    const probeDue = Math.floor(((now - t0) / 1000) * PROBE_HZ);
    if (due - sent > RATE / 10) behind++; // the publisher itself more than 100 ms late
    while (sent < due) {
      if (probeSeq < probeDue) {
        probeSeq++;
        probeSentAt.set(probeSeq, Date.now());
        publish('bench/probe', probeSeq);
        continue;
      }
      const k = busy++ % KEYS;
      const v = (last.get(`kpi.bench.k${k}`) ?? 0) + 1;
      last.set(`kpi.bench.k${k}`, v);
      publish(`bench/k${k}`, v);
    }
    await sleep(5);
  }
  const elapsedS = (Date.now() - t0) / 1000;
  const cpu = ((hostTicks() - t0Ticks) / 100 / elapsedS) * 100;
  const loadEnd = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  // Let the queue drain, then read what every screen shows for the busy keys it has.
  await sleep(5000);
  await client.endAsync();

  const results = [];
  for (const [s, { id, page }] of screens.entries()) {
    const { painted, offset, shown } = await page.evaluate((s) => {
      const keys = Array.from(document.querySelectorAll(`[data-panel-id="busy-${s}"] [data-kpi-key]`));
      const shown = keys.map((el) => [el.getAttribute('data-kpi-key'), el.querySelector('[data-testid="kpi-value"]')?.textContent ?? null]);
      return { painted: window.__benchPainted, offset: Date.now() - (performance.timeOrigin + performance.now()), shown };
    }, s);
    const probe = painted.filter(([k, v]) => k === 'kpi.bench.probe' && probeSentAt.has(v));
    const viaHttp = painted.filter(([k, v]) => k === 'kpi.bench.http' && httpServedAt.has(v) && httpServedAt.get(v) >= t0 && httpServedAt.get(v) < end);
    // Each value sent, to the first paint of it or of a later value (a value coalesced into the next frame
    // counts as shown when that frame is); a value never followed by any paint counts as missing.
    const lat = (rows, from) => {
      const paints = rows.map(([, v, t]) => [v, t + offset]).sort((a, b) => a[1] - b[1]);
      const out = [];
      for (const [v, sentAt] of from) {
        if (sentAt < t0) continue;
        const shownAt = paints.find(([pv]) => pv >= v)?.[1];
        if (shownAt !== undefined) out.push(shownAt - sentAt);
      }
      return out;
    };
    const half = (from, second) => new Map([...from].filter(([, at]) => (at >= t0 + (SECONDS * 1000) / 2) === second));
    const stale = shown.filter(([key, text]) => Number(String(text).replace(/\./g, '')) !== last.get(key));
    results.push({
      id,
      mqtt: lat(probe, probeSentAt),
      mqttFirst: lat(probe, half(probeSentAt, false)),
      mqttSecond: lat(probe, half(probeSentAt, true)),
      http: lat(viaHttp, new Map([...httpServedAt].filter(([, at]) => at < end))),
      probesPainted: new Set(probe.map(([, v]) => v)).size,
      httpPainted: new Set(viaHttp.map(([, v]) => v)).size,
      busyShown: shown.length,
      busyNotLast: stale.length,
      problems: page.problems.slice(0, 5),
    });
  }
  const httpServed = [...httpServedAt.values()].filter((t) => t >= t0 && t < end).length;

  const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');
  const all = (k) => results.flatMap((r) => r[k]);
  for (const r of results) console.log(`${r.id}: MQTT p50 ${ms(quantile(r.mqtt, 0.5))} p95 ${ms(quantile(r.mqtt, 0.95))} ms (${r.probesPainted}/${probeSeq} probes); HTTP p50 ${ms(quantile(r.http, 0.5))} p95 ${ms(quantile(r.http, 0.95))} ms; busy keys not at their last value ${r.busyNotLast}/${r.busyShown}`);
  console.log(`sent ${sent} (${(sent / elapsedS).toFixed(0)}/s), acked ${acked}, failed ${failed}; host CPU ${cpu.toFixed(0)}% of one core`);
  const rows = results
    .map((r) => `| ${r.id} | ${ms(quantile(r.mqtt, 0.5))} | ${ms(quantile(r.mqtt, 0.95))} | ${ms(Math.max(...r.mqtt))} | ${ms(quantile(r.mqttFirst, 0.95))} → ${ms(quantile(r.mqttSecond, 0.95))} | ${r.probesPainted} / ${probeSeq} | ${ms(quantile(r.http, 0.5))} | ${ms(quantile(r.http, 0.95))} | ${r.httpPainted} / ${httpServed} | ${r.busyShown - r.busyNotLast} / ${r.busyShown} |`)
    .join('\n');
  const problems = results.filter((r) => r.problems.length).map((r) => `${r.id}: ${r.problems.join(' · ')}`);
  writeSection(
    'bench:sources',
    `## Data point → painted on the wall (\`npm run bench:sources\`)

Measured ${startedAt.toISOString()} on ${load}; load average at the end of the load ${loadEnd}.
**The machine was shared** (other sessions' builds, tests and a memory soak on its cores): read these as
figures under load, not as the software's best.

${RATE.toLocaleString('en')} MQTT points/s for ${SECONDS} s (QoS 1) published to Debian's mosquitto on loopback,
read by the embedded hub's MQTT source (\`bench/+\` → \`kpi.bench.{1}\`: ${KEYS} keys in turn, and a probe key
${PROBE_HZ} times a second whose every value is distinct), plus an HTTP JSON source polled every second; the web
host (\`node --import tsx electron/web-main.ts\`, embedded hub, simulator off) sends them to four 1920×1080
screen pages in one headless Debian Chromium (SwiftShader). Each screen shows the probe, the HTTP value and
12 of the busy keys. Latency: from the publish (MQTT), or from the HTTP answer being served (so the poll
interval is left out), to the tile's own paint mark (\`tc:kpi-painted\`, made after the frame that shows the
value) of that value or of a later one (a value coalesced into a later frame is shown when that frame is),
read with the page's clock corrected to the bench's. Publisher: ${sent.toLocaleString('en')} sent
(${(sent / elapsedS).toFixed(0)}/s), ${acked.toLocaleString('en')} acknowledged by the broker, ${failed} failed;
it ran more than 100 ms behind its schedule ${behind} time(s). **Host CPU** (web host + embedded hub, one
process): **${cpu.toFixed(0)} % of one core** over the load.

| screen | MQTT p50 ms | MQTT p95 ms | max ms | p95 first half → second half | probes painted | HTTP p50 ms | HTTP p95 ms | HTTP values painted | busy keys at their last value after the load |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows}

All screens together: MQTT p50 ${ms(quantile(all('mqtt'), 0.5))} ms, p95 ${ms(quantile(all('mqtt'), 0.95))} ms; HTTP p50 ${ms(quantile(all('http'), 0.5))} ms, p95 ${ms(quantile(all('http'), 0.95))} ms (goal: p95 ≤ 500 ms).

Coalescing, by design: nothing between the broker and the page drops points; the hub gathers MQTT
readings for 25 ms and sends them as one \`data:update\` (every reading kept), and a tile paints at most
once a frame, so readings of the same key that arrive within one frame are painted as the last of them. The probe changes ten times a second, so
on a screen drawing at least ten frames a second every probe value is painted: "probes painted" short of the
number sent counts values coalesced because the screen drew fewer frames than that (its latency then runs
to the frame that showed a later value). "Busy keys at their last value" checks, after the load has drained, that each screen shows
the last value published for every busy key it has: nothing was lost on the way.${problems.length ? `\n\nPage problems: ${problems.join('; ')}` : ''}
`,
  );
  console.log('written to docs/benchmarks.md (section bench:sources)');
} finally {
  await browser?.close();
  await host?.stop();
  await broker.stop();
  feed.closeAllConnections();
  feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
