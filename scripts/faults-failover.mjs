// npm run faults:failover: two hubs on one PostgreSQL and one Redis, two wall nodes knowing both, 100 REST
// activations alternately through either hub, and three faults mid-burst: the hub the nodes follow killed
// (SIGKILL), PostgreSQL restarted, Redis restarted (tests/support/failover-run.ts does each run). Writes its
// section of docs/reliability.md between its own markers; every process it starts is stopped by its id.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine } from './bench-report.mjs';
import { runFailover } from '../tests/support/failover-run.ts';
import { missingServices } from '../tests/support/services.ts';
import { fmtMs, table } from './faults/common.mjs';

const GOAL_MS = 5000;
const file = path.resolve('docs', 'reliability.md');
const BEGIN = '<!-- failover:begin -->';
const END = '<!-- failover:end -->';
const CASES = [
  { fault: 'hub-kill', what: 'the hub both nodes follow (hub-a) killed with SIGKILL as request 51 goes out' },
  { fault: 'postgres-restart', what: 'PostgreSQL stopped (fast shutdown) as request 51 goes out and started again at once' },
  { fault: 'redis-restart', what: 'Redis killed (SIGKILL) as request 51 goes out and started again at once (empty)' },
];

function rowsFor(c, f) {
  const worst = f.screens.some((s) => s.lastRevisionMs === null) ? null : Math.max(...f.screens.map((s) => s.lastRevisionMs));
  return [
    {
      done: `${c.fault}: ${c.what} (down ${fmtMs(f.downMs)}); ${f.activations} activations, one every ${f.everyMs} ms, a failure retried through the other hub with the same Idempotency-Key`,
      measured: `${f.acknowledged} acknowledged (${f.retried} after a retry), ${f.unanswered} not acknowledged within 30 s of retries${f.unanswered ? ` (last answers: ${f.lastUnanswered.join('; ')})` : ''}; stored ${f.stored} (one per request at most), last revision ${f.lastRevision}; acknowledged but lost ${f.lost}, duplicated ${f.duplicated}, screens out of order ${f.outOfOrder}`,
      goal: 'no acknowledged activation lost, none applied twice, revisions strictly increasing on every screen',
      ok: f.lost === 0 && f.duplicated === 0 && f.outOfOrder === 0,
    },
    {
      done: `${c.fault}: the nodes' hub`,
      measured: `every node on a live hub ${f.liveHubMs === null ? 'NOT within 25 s' : `${fmtMs(f.liveHubMs)} after the fault`} (ended on ${f.nodeHubs.join(', ')})`,
      goal: `within ${GOAL_MS / 1000} s`,
      ok: f.liveHubMs !== null && f.liveHubMs <= GOAL_MS,
    },
    {
      done: `${c.fault}: every screen on the last revision, from the nodes on a live hub with the burst answered`,
      measured: f.screens.map((s) => `${s.screenId} ${fmtMs(s.lastRevisionMs)} (${s.switches.length} switches)`).join(', '),
      goal: `within ${GOAL_MS / 1000} s`,
      ok: worst !== null && worst <= GOAL_MS,
    },
  ];
}

const missing = missingServices();
if (missing) {
  console.error(`faults:failover cannot run: ${missing}`);
  process.exit(1);
}
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : null;
if (only && !CASES.some((c) => c.fault === only)) throw new Error(`--only takes one of ${CASES.map((c) => c.fault).join(', ')}, not "${only}"`);
const load = os.loadavg()[0];
const started = Date.now();
const rows = [];
for (const c of CASES) {
  if (only && c.fault !== only) continue;
  console.log(`failover: ${c.fault} …`);
  try {
    const f = await runFailover(c.fault);
    rows.push(...rowsFor(c, f));
    console.log(JSON.stringify({ ...f, screens: f.screens.map((s) => ({ ...s, switches: s.switches.length })) }));
  } catch (err) {
    rows.push({ done: `${c.fault}: ${c.what}`, measured: `the run failed before it could measure: ${String(err?.message ?? err).slice(0, 500)}`, goal: '—', ok: false });
  }
}
const took = ((Date.now() - started) / 1000).toFixed(0);
const body = `## Failover: two hubs on PostgreSQL and Redis

Written by \`npm run faults:failover\` (\`scripts/faults-failover.mjs\`, the run in \`tests/support/failover-run.ts\`).
Two hub processes (\`hub/main.ts --store postgres://… --redis redis://…\`) on one PostgreSQL 15 and one Redis,
both on loopback with their data in a temporary folder; two wall nodes (in the script's process, the link's
own timings) driving the 2×2 demo wall, rows A and B, each given both hubs' URLs (hub-a first); their screens
are stand-ins that confirm every state they are sent. The history is the store's \`activations\` table.
The box was shared with other work (load average ${load.toFixed(1)} at the start): times are upper bounds.

${table(rows)}

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${took} s on ${machine()}.`;
let text = fs.readFileSync(file, 'utf8');
const block = `${BEGIN}\n${body}\n${END}`;
const at = text.indexOf(BEGIN);
const stop = text.indexOf(END);
text = at >= 0 && stop > at ? text.slice(0, at) + block + text.slice(stop + END.length) : `${text.trimEnd()}\n\n${block}\n`;
fs.writeFileSync(file, text);
console.log(`faults:failover: ${rows.every((r) => r.ok) ? 'every goal met' : 'a goal NOT met'}; wrote ${path.relative(process.cwd(), file)} (${took} s)`);
process.exit(0);
