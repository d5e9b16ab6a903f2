/* global window -- the function passed to page.evaluate runs in the page */
// The map half of `npm run bench:panels`: deck.gl frame time with 10k and 100k points, in Debian's Chromium,
// on SwiftShader (--disable-gpu, what the e2e tests use) and on Mesa llvmpipe (GL through ANGLE), each
// named by the WebGL renderer string the page reports. Writes its section of docs/benchmarks.md.
// Usage: node scripts/bench-map.mjs [--frames 20] [--renderers swiftshader,llvmpipe]
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { machine, quantile, writeSection } from './bench-report.mjs';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '20' }, renderers: { type: 'string', default: 'swiftshader,llvmpipe' } } });
const frames = Number(values.frames);
const COUNTS = [10_000, 100_000];
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RENDERERS = {
  swiftshader: [...BASE_ARGS, '--disable-gpu'],
  llvmpipe: [...BASE_ARGS, '--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist'],
};

const out = path.resolve('node_modules/.cache/toan-canh-bench');
fs.mkdirSync(out, { recursive: true });
await build({ entryPoints: ['tests/harness/map-bench-page.ts'], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', outfile: path.join(out, 'map-bench.js'), logLevel: 'warning' });
const html = '<!doctype html><html><head><meta charset="utf-8"><title>map bench</title></head><body style="margin:0;background:#000"><script type="module" src="/map-bench.js"></script></body></html>';
const server = http.createServer((req, res) => {
  if (req.url === '/map-bench.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(fs.readFileSync(path.join(out, 'map-bench.js')));
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const startedAt = new Date();
const load = machine();
const busy = os.loadavg()[0] > 2 * os.cpus().length;

const rows = [];
for (const name of values.renderers.split(',')) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: RENDERERS[name] });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1280 } });
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
    for (const count of COUNTS) {
      const n = count >= 100_000 ? Math.max(5, Math.round(frames / 2)) : frames;
      const r = await page.evaluate(([c, f]) => window.__benchMap(c, f), [count, n]);
      rows.push({ name, count, frames: n, renderer: r.renderer, first: r.firstMs, p50: quantile(r.frameMs, 0.5), p95: quantile(r.frameMs, 0.95), max: Math.max(...r.frameMs) });
      console.log(`${name} ${count.toLocaleString('en')} points: median ${quantile(r.frameMs, 0.5).toFixed(1)} ms, p95 ${quantile(r.frameMs, 0.95).toFixed(1)} ms (${r.renderer})`);
    }
  } finally {
    await browser.close();
  }
}
server.close();

const ms = (v) => v.toFixed(1);
const table = rows.map((r) => `| ${r.name} | ${r.renderer} | ${r.count.toLocaleString('en')} | ${r.frames} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${ms(r.first)} |`).join('\n');
writeSection(
  'bench:panels:map',
  `## Map frame time (bench:panels, map half)

Measured ${startedAt.toISOString()} with \`node scripts/bench-map.mjs\` on ${load}.
One deck.gl Deck (the map panel's view settings and point layer builder) at 1620 × 1200 px over the flood map's
bounds; a frame is \`deck.redraw()\` until a one-pixel read returns, i.e. until the GL work is done. No GPU on this
machine: the renderer column is the WebGL renderer Chromium reported — SwiftShader (\`--disable-gpu\`, as in the
e2e tests) or Mesa llvmpipe through ANGLE. Time to first frame includes the context and shader compilation
(the 100k case runs second in the same page, so its shaders may come from the browser's cache).${busy ? '\n\n**The machine was busy** (load average above twice its cores): other work shared the CPU, so these\nframes are slower than the renderer alone; run again on an idle machine before comparing with goals.' : ''}

| renderer | WebGL renderer string | points | frames | median ms | p95 ms | max ms | first frame ms |
| --- | --- | --- | --- | --- | --- | --- | --- |
${table}
`,
);
console.log('written to docs/benchmarks.md (section bench:panels:map)');
