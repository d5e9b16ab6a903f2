import { describe, expect, it } from 'vitest';
import { DisplayPriority, displayThreads, linuxProcSystem, type ProcSystem } from '../../../electron/shell-policy/display-priority.js';
import { memoryLogger } from '../../../node-common/log.js';

// A fake machine: processes with parents, their threads by name; records what was raised.
type Procs = Record<number, { ppid: number; type?: string; threads: Record<number, string> }>;

function fakeSystem(procs: Procs, refuse?: (tid: number) => string | null) {
  const set: number[] = [];
  const system: ProcSystem = {
    processes: () => new Map(Object.entries(procs).map(([pid, p]) => [Number(pid), p.ppid])),
    threads: (pid) => Object.keys(procs[pid]?.threads ?? {}).map(Number),
    processType: (pid) => procs[pid]?.type ?? null,
    threadName: (pid, tid) => procs[pid]?.threads[tid] ?? null,
    setRoundRobin: async (tid) => {
      const why = refuse?.(tid);
      if (why) throw new Error(why);
      set.push(tid);
    },
  };
  return { system, set, procs };
}

// Electron's main (100), its GPU process, the network service, a zygote with two renderers; an unrelated
// Chromium elsewhere (900).
const machine = (): Procs => ({
  1: { ppid: 0, threads: { 1: 'init' } },
  100: { ppid: 1, threads: { 100: 'electron', 101: 'Chrome_IOThread', 102: 'Compositor' } },
  110: { ppid: 100, type: 'gpu-process', threads: { 110: 'CrGpuMain', 111: 'VizCompositorTh', 112: 'Chrome_ChildIOT' } },
  115: { ppid: 100, type: 'utility', threads: { 115: 'NetworkService', 116: 'Chrome_ChildIOT' } },
  118: { ppid: 100, type: 'zygote', threads: { 118: 'chromium' } },
  120: { ppid: 118, type: 'renderer', threads: { 120: 'CrRendererMain', 121: 'Compositor', 122: 'CompositorTileW', 123: 'VideoFrameCompo', 124: 'Media', 125: 'ThreadPoolForeg' } },
  130: { ppid: 118, type: 'renderer', threads: { 131: 'Compositor' } },
  900: { ppid: 1, type: 'gpu-process', threads: { 901: 'VizCompositorTh' } },
});

describe('display priority', () => {
  it('finds the frame-path threads of the GPU process and renderers of the given tree only', () => {
    const { system } = fakeSystem(machine());
    expect(displayThreads(system, 100).map((t) => `${t.pid}/${t.tid}/${t.name}`)).toEqual([
      '110/111/VizCompositorTh',
      '110/112/Chrome_ChildIOT',
      '120/121/Compositor',
      '120/123/VideoFrameCompo',
      '130/131/Compositor',
    ]);
  });

  it('raises each thread once, and the threads of a renderer that comes later on the next pass', async () => {
    const { system, set, procs } = fakeSystem(machine());
    const log = memoryLogger();
    const priority = new DisplayPriority(system, log);
    expect((await priority.pass(100)).raised.map((t) => t.tid)).toEqual([111, 112, 121, 123, 131]);
    expect((await priority.pass(100)).raised).toEqual([]);
    procs[140] = { ppid: 118, type: 'renderer', threads: { 141: 'Compositor' } };
    expect((await priority.pass(100)).raised.map((t) => t.tid)).toEqual([141]);
    expect(set).toEqual([111, 112, 121, 123, 131, 141]);
    expect(log.lines.filter((l) => l.level === 'info')).toHaveLength(2);
  });

  it('raises a reused thread id again once the thread it named has gone', async () => {
    const { system, set, procs } = fakeSystem(machine());
    const priority = new DisplayPriority(system, memoryLogger());
    await priority.pass(100);
    delete procs[130];
    await priority.pass(100);
    procs[130] = { ppid: 118, type: 'renderer', threads: { 131: 'Compositor' } }; // a new renderer got the old id
    expect((await priority.pass(100)).raised.map((t) => t.tid)).toEqual([131]);
    expect(set.filter((t) => t === 131)).toHaveLength(2);
  });

  it('without permission says why and how to allow it, once, and stops trying', async () => {
    const { system, set } = fakeSystem(machine(), () => 'chrt: failed to set pid 111\'s policy: Operation not permitted');
    const log = memoryLogger();
    const priority = new DisplayPriority(system, log);
    const first = await priority.pass(100);
    expect(first.raised).toEqual([]);
    expect(first.refused).toMatch(/VizCompositorTh \(thread 111\).*Operation not permitted/);
    expect((await priority.pass(100)).refused).toBe(first.refused);
    expect(set).toEqual([]);
    const warnings = log.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]!['fix'])).toMatch(/rtprio/);
  });

  it('a thread that ends while being raised is skipped, not taken for a refusal', async () => {
    const { system, set, procs } = fakeSystem(machine(), (tid) => {
      if (tid !== 121) return null;
      delete procs[120]!.threads[121];
      return 'No such process';
    });
    const pass = await new DisplayPriority(system, memoryLogger()).pass(100);
    expect(pass.refused).toBeNull();
    expect(set).toEqual([111, 112, 123, 131]);
  });

  it('is a no-op, with the reason, off Linux', async () => {
    expect(linuxProcSystem('win32')).toBeNull();
    const pass = await new DisplayPriority(linuxProcSystem('darwin'), memoryLogger()).pass(100);
    expect(pass).toEqual({ raised: [], refused: expect.stringMatching(/only on Linux/) });
  });

  it('reads this machine\'s /proc: this test runner is in its own tree', () => {
    const system = linuxProcSystem('linux')!;
    expect(system.processes().get(process.pid)).toBe(process.ppid);
    expect(system.threads(process.pid)).toContain(process.pid);
    expect(system.threadName(process.pid, process.pid)).toBeTruthy();
    expect(system.threadName(process.pid, 2 ** 30)).toBeNull();
    expect(system.processType(process.pid)).toBeNull(); // not a Chromium child
  });
});
