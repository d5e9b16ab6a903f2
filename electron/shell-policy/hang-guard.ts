import { z } from 'zod';

// A main process whose event loop is stuck cannot notice it. Under systemd the unit's watchdog ends it
// (packaging/linux/); elsewhere (Windows, started by hand) a second process, the hang guard
// (electron/hang-guard/), waits for its beats and, when they stop, relaunches the app and ends the hung
// one. The guard's decisions live here, apart from its effects, so they are tested without Electron.

/** What the shell hands the guard at its start (argv[2], JSON). */
export const GuardConfig = z.object({
  /** The app's main process: the one that beats, and the one ended when it stops. */
  appPid: z.number().int().positive(),
  /** How to start the app again: its own binary and arguments, from its working folder. */
  execPath: z.string().min(1),
  args: z.array(z.string()),
  cwd: z.string().min(1),
  /** No beat for this long: hung. Several missed beats, so one slow round is not a hang. */
  timeoutMs: z.number().int().min(1000),
  checkMs: z.number().int().min(50),
  /** The folder of the app's log: the guard writes hang-guard.log beside toan-canh.log. */
  logDir: z.string().nullable(),
});
export type GuardConfig = z.infer<typeof GuardConfig>;

export const GuardMessage = z.object({ type: z.enum(['beat', 'stop']) });
export type GuardMessage = z.infer<typeof GuardMessage>;

/** Set on the relaunched app: wait for this pid to be gone before taking the single-instance lock. */
export const WAIT_FOR_PID_ENV = 'TOAN_CANH_WAIT_FOR_PID';

/** Beats every 5 s, hung after 60 s without one: long enough for a slow GC or a loaded box, short for a wall. */
export const GUARD_BEAT_MS = 5_000;
export const GUARD_TIMEOUT_MS = 60_000;

export class HangWatch {
  private last: number;

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.last = now();
  }

  beat(): void {
    this.last = this.now();
  }

  /** Milliseconds since the last beat once that is past the timeout, else null. */
  overdueMs(): number | null {
    const since = this.now() - this.last;
    return since > this.timeoutMs ? since : null;
  }
}

/** Resolves true once `pid` is gone, false if it still runs after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number, alive: (pid: number) => boolean = isAlive, stepMs = 100): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return true;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but is not ours to signal.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
