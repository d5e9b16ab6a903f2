// npm run faults [-- --only <n>[,<n>…]]: runs each fault on loopback, measures what the wall did, and
// writes docs/reliability.md (each fault's section between markers, so --only rewrites just its own).
// Every process a fault starts is stopped by its id when the fault ends, also when it fails.
import fs from 'node:fs';
import path from 'node:path';
import { machine } from './bench-report.mjs';
import { ensureRendererBuilt } from '../tests/support/wall-node-process.ts';
import { Stack } from './faults/common.mjs';
import { hubKill } from './faults/hub-kill.mjs';
import { nodeKill } from './faults/node-kill.mjs';
import { diskFull } from './faults/disk-full.mjs';
import { cameraFlap } from './faults/camera-flap.mjs';
import { screenOffline } from './faults/screen-offline.mjs';
import { hubCorrupt } from './faults/hub-corrupt.mjs';

const FAULTS = [hubKill, nodeKill, diskFull, cameraFlap, screenOffline, hubCorrupt];
const file = path.resolve('docs', 'reliability.md');
const header = `# Reliability: fault figures

Written by \`npm run faults\` (\`scripts/faults.mjs\`, one module per fault in \`scripts/faults/\`): each fault is
run on loopback against the real processes (the hub and the web host wall node as child processes,
screens as WebSocket clients or Chromium pages), measured, and judged against its goal. \`--only <n>\`
reruns one fault and rewrites its section only. A goal not met is written as such, not hidden.
`;

const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',').map(Number)) : null;
if (only && [...only].some((n) => !(n >= 1 && n <= FAULTS.length))) throw new Error(`--only takes fault numbers 1–${FAULTS.length}, not "${process.argv[onlyArg + 1]}"`);

function writeSection(n, markdown) {
  const begin = `<!-- fault:${n}:begin -->`;
  const end = `<!-- fault:${n}:end -->`;
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : header;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const at = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (at >= 0 && stop > at) text = text.slice(0, at) + block + text.slice(stop + end.length);
  else {
    // In fault order, whatever order the sections were first written in.
    const later = [...text.matchAll(/<!-- fault:(\d+):begin -->/g)].find((m) => Number(m[1]) > n);
    text = later ? `${text.slice(0, later.index)}${block}\n\n${text.slice(later.index)}` : `${text.trimEnd()}\n\n${block}\n`;
  }
  fs.writeFileSync(file, text);
}

ensureRendererBuilt();
const startedAt = Date.now();
const summary = [];
let interrupted = false;
const stacks = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    interrupted = true;
    for (const s of stacks) await s.unwind();
    process.exit(130);
  });
}
for (const [index, fault] of FAULTS.entries()) {
  const n = index + 1;
  if (only && !only.has(n)) continue;
  if (interrupted) break;
  const stack = new Stack();
  stacks.add(stack);
  const t0 = Date.now();
  console.log(`fault ${n}: ${fault.name} …`);
  let result;
  try {
    result = await fault(stack);
  } catch (err) {
    result = { title: `Fault ${n}: ${fault.name}`, body: `**The run failed before it could measure:** ${err.stack ?? err.message}`, ok: false };
  } finally {
    await stack.unwind();
    stacks.delete(stack);
  }
  const took = ((Date.now() - t0) / 1000).toFixed(0);
  const stamp = `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${took} s on ${machine()}.`;
  writeSection(n, `## ${result.title}\n\n${result.body}\n\n${stamp}`);
  summary.push(`fault ${n}: ${result.ok ? 'every goal met' : 'a goal NOT met (see docs/reliability.md)'} (${took} s)`);
  console.log(summary.at(-1));
}
console.log(`faults done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; wrote ${path.relative(process.cwd(), file)}`);
