// /proc for the benchmarks: a process tree's CPU ticks and memory (RSS and PSS, by Chromium process kind).
import fs from 'node:fs';
import { descendants } from '../electron/shell-policy/display-priority.ts';

const TICKS_PER_S = 100; // USER_HZ on Linux
const PAGE_KIB = 4;

export function readProc(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** pid → { ppid, ticks } for every process; the command name may hold spaces and parentheses. */
export function processTable() {
  const table = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields from 3 (state): ppid is field 4, utime 14, stime 15.
    table.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), rssKiB: Number(fields[21]) * PAGE_KIB });
  }
  return table;
}

/** Every process below `rootPid` (Playwright starts Chromium as our child), but for `exclude` and theirs. */
export function tree(rootPid, exclude = new Set()) {
  const table = processTable();
  const parents = new Map([...table].map(([pid, p]) => [pid, p.ppid]));
  return [...descendants(parents, rootPid, exclude)].filter((pid) => pid !== rootPid && table.has(pid)).map((pid) => ({ pid, ...table.get(pid) }));
}

/** Chromium's name for a process (--type, the utility's service), so a growing one can be named. */
export function processKind(pid) {
  const args = (readProc(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/); // Chromium rewrites its title with spaces
  const type = args.find((a) => a.startsWith('--type='))?.slice(7);
  if (!type) return args[0]?.includes('chrom') ? 'browser' : 'other';
  const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19).split('.')[0];
  return sub ? `${type}:${sub}` : type;
}

/** CPU ticks of the tree, and its memory: RSS summed (counts shared pages once per process), PSS, and private (USS). */
export function treeSample(rootPid, exclude = new Set()) {
  const procs = tree(rootPid, exclude);
  let pssKiB = 0;
  const pssByKind = {};
  const privateByKind = {};
  for (const { pid } of procs) {
    const rollup = readProc(`/proc/${pid}/smaps_rollup`);
    const pss = rollup && /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (!pss) continue;
    pssKiB += Number(pss[1]);
    const kind = processKind(pid);
    pssByKind[kind] = (pssByKind[kind] ?? 0) + Number(pss[1]);
    // Private (USS): unlike PSS, not lowered when other programs map the same library pages.
    const own = [...rollup.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)].reduce((s, m) => s + Number(m[1]), 0);
    privateByKind[kind] = (privateByKind[kind] ?? 0) + own;
  }
  return { at: Date.now(), ticks: new Map(procs.map((p) => [p.pid, p.ticks])), rssKiB: procs.reduce((s, p) => s + p.rssKiB, 0), pssKiB, pssByKind, privateByKind, processes: procs.length };
}

/** Share of one core the tree used between two samples (processes in both). */
export function cpuPercent(a, b) {
  let ticks = 0;
  for (const [pid, t] of b.ticks) if (a.ticks.has(pid)) ticks += t - a.ticks.get(pid);
  return (100 * ticks) / TICKS_PER_S / ((b.at - a.at) / 1000);
}

/** Busy share of all cores (whole machine) from /proc/stat. */
export function machineTicks() {
  const cpu = readProc('/proc/stat').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + (cpu[4] ?? 0);
  return { total: cpu.reduce((s, v) => s + v, 0), idle };
}
