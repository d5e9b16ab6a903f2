import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Logger } from '../../node-common/log.js';

// A wall's video drops frames when the threads that put frames on screen wake late. Measured on a 2-core
// Linux box with 16 camera tiles: Chromium's display compositor timer fired 40–56 ms late now and then
// (its thread idle, the cores busy with decoders and hls.js workers), every tile lost a frame at once,
// and no page-side change helped (nor did nice -10). With the frame path at real-time round-robin
// priority, drops became rare (docs/benchmarks.md). These threads run short tasks and sleep between
// frames; the kernel's real-time throttling caps them anyway.

/** Thread names (/proc/…/comm, cut to 15 characters) of Chromium's frame path. */
export const DISPLAY_THREADS: ReadonlySet<string> = new Set([
  'VizCompositorTh', // GPU process: composites every window's frame (VizCompositorThread)
  'Compositor', // renderer: its compositor thread (not CompositorTileWorker: raster of a map-heavy page at
  // real-time priority starved the wall's own process, and a scenario reached the screens seconds late)
  'VideoFrameCompo', // renderer: hands decoded video frames to the compositor (VideoFrameCompositor)
  'Chrome_ChildIOT', // both: carries the frame messages between them (Chrome_ChildIOThread)
]);

/** Only these processes (their --type): the same thread names elsewhere (the network service's IO) are not on the path. */
export const DISPLAY_PROCESSES: ReadonlySet<string> = new Set(['gpu-process', 'renderer']);

/** Low on the real-time scale: above every normal thread, below the kernel's own. */
export const DISPLAY_PRIORITY = 5;

/** What the helper needs of the system, so tests can give a fake /proc and runner. */
export interface ProcSystem {
  /** pid → parent pid, for every process. */
  processes(): Map<number, number>;
  /** Thread ids of a process ([] if it has ended). */
  threads(pid: number): number[];
  /** Chromium's --type of a process (renderer, gpu-process, utility…), or null (the browser, not Chromium). */
  processType(pid: number): string | null;
  /** A thread's name, or null if it has ended. */
  threadName(pid: number, tid: number): string | null;
  /** Sets SCHED_RR at `priority` for one thread; rejects with the reason. */
  setRoundRobin(tid: number, priority: number): Promise<void>;
}

export interface RaisedThread {
  pid: number;
  tid: number;
  name: string;
}

export interface PriorityPass {
  raised: RaisedThread[];
  /** Why nothing more can be done (not Linux, no permission): then the helper stops trying. */
  refused: string | null;
}

/** `rootPid` and every process below it, from a pid → parent pid map; `skip` prunes a branch. */
export function descendants(parents: ReadonlyMap<number, number>, rootPid: number, skip: ReadonlySet<number> = new Set()): Set<number> {
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && !skip.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

/** The display threads of `rootPid`'s descendants, in process order. */
export function displayThreads(system: ProcSystem, rootPid: number): RaisedThread[] {
  const tree = descendants(system.processes(), rootPid);
  const found: RaisedThread[] = [];
  for (const pid of [...tree].sort((a, b) => a - b)) {
    if (!DISPLAY_PROCESSES.has(system.processType(pid) ?? '')) continue;
    for (const tid of system.threads(pid)) {
      const name = system.threadName(pid, tid);
      if (name !== null && DISPLAY_THREADS.has(name)) found.push({ pid, tid, name });
    }
  }
  return found;
}

/**
 * Raises the display threads of a Chromium process tree (Electron's own, or a browser display node's), again
 * on each pass: windows reload and renderers come and go. Refused once, it says why and how to allow it.
 */
export class DisplayPriority {
  private readonly done = new Set<number>();
  private refused: string | null = null;

  constructor(
    private readonly system: ProcSystem | null,
    private readonly log: Logger,
    private readonly priority = DISPLAY_PRIORITY,
  ) {
    if (!system) this.refused = 'real-time thread priority is not set here (only on Linux, and not with TOAN_CANH_DISPLAY_PRIORITY=normal)';
  }

  async pass(rootPid: number): Promise<PriorityPass> {
    if (this.refused || !this.system) return { raised: [], refused: this.refused };
    const raised: RaisedThread[] = [];
    const threads = displayThreads(this.system, rootPid);
    // Thread ids are reused by the kernel: only the ones still here count as done.
    const here = new Set(threads.map((t) => t.tid));
    for (const tid of this.done) if (!here.has(tid)) this.done.delete(tid);
    for (const thread of threads.filter((t) => !this.done.has(t.tid))) {
      try {
        await this.system.setRoundRobin(thread.tid, this.priority);
      } catch (err) {
        // The thread may have ended between listing and setting; anything else is a missing permission.
        if (this.system.threadName(thread.pid, thread.tid) === null) continue;
        this.refused = `could not give ${thread.name} (thread ${thread.tid}) real-time priority: ${err instanceof Error ? err.message : String(err)}`;
        this.log.warn('display threads keep normal priority; video may drop frames on a busy PC', {
          reason: this.refused,
          fix: `allow real-time priority for the wall's user: "<user> - rtprio ${this.priority}" in /etc/security/limits.d/toan-canh.conf, then log in again`,
        });
        break;
      }
      this.done.add(thread.tid);
      raised.push(thread);
    }
    if (raised.length) this.log.info('display threads at real-time priority', { threads: raised.map((t) => `${t.name}/${t.tid}`).join(' '), priority: this.priority });
    return { raised, refused: this.refused };
  }
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // ended between listing and reading
  }
}

/** This machine's /proc and util-linux's chrt; null where there is no such thing. */
export function linuxProcSystem(platform: NodeJS.Platform = process.platform): ProcSystem | null {
  if (platform !== 'linux') return null;
  return {
    processes() {
      const parents = new Map<number, number>();
      for (const name of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        const stat = read(`/proc/${name}/stat`);
        // The name field may hold spaces and parentheses: the parent pid comes after its last ')'.
        if (stat) parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      }
      return parents;
    },
    threads(pid) {
      try {
        return fs.readdirSync(`/proc/${pid}/task`).map(Number);
      } catch {
        return [];
      }
    },
    processType(pid) {
      // Chromium rewrites its command line with spaces in place of NULs.
      const args = read(`/proc/${pid}/cmdline`)?.split(/[\0 ]/) ?? [];
      return args.find((a) => a.startsWith('--type='))?.slice(7) ?? null;
    },
    threadName(pid, tid) {
      return read(`/proc/${pid}/task/${tid}/comm`)?.trim() ?? null;
    },
    setRoundRobin(tid, priority) {
      return new Promise((resolve, reject) => {
        execFile('chrt', ['--rr', '--pid', String(priority), String(tid)], { timeout: 5000 }, (err, _out, stderr) => {
          if (err) reject(new Error(stderr.trim() || err.message));
          else resolve();
        });
      });
    },
  };
}
