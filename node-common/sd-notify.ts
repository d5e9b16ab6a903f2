import { execFile } from 'node:child_process';
import type { Logger } from './log.js';

// Tells systemd (Type=notify units, packaging/linux/) that we are ready, alive, or stopping.
// Node cannot send the unix datagram sd_notify needs (dgram has no unix sockets), and the npm
// bindings (sd-notify, sd-daemon) are native addons: a libsystemd-dev build per Electron ABI and
// nothing on Windows. So we run systemd's own `systemd-notify` command. Since systemd 246 it waits
// until systemd has read the message (sd_notify_barrier), so the message is credited to our unit
// even though the sender exits at once; the units set NotifyAccess=all because the sender is a child.
// Without NOTIFY_SOCKET (started by hand, tests, Windows) every call does nothing.

/** Runs `systemd-notify` with these arguments; resolves when it exits, rejects on failure. */
export type NotifyExec = (args: string[]) => Promise<void>;

export interface Notifier {
  /** True when a service manager listens (NOTIFY_SOCKET is set). */
  readonly enabled: boolean;
  /** How often to feed the watchdog (half of WatchdogSec), or null when the unit has no watchdog. */
  readonly watchdogIntervalMs: number | null;
  ready(status?: string): Promise<void>;
  watchdog(): Promise<void>;
  stopping(status?: string): Promise<void>;
  status(text: string): Promise<void>;
}

export interface NotifierOptions {
  env?: NodeJS.ProcessEnv;
  pid?: number;
  exec?: NotifyExec;
  log?: Logger;
}

/** The real sender: systemd-notify reads NOTIFY_SOCKET from `env`. */
export function systemdNotifyExec(env: NodeJS.ProcessEnv = process.env): NotifyExec {
  return (args) =>
    new Promise((resolve, reject) => {
      execFile('systemd-notify', args, { env, timeout: 10_000, windowsHide: true }, (err, _stdout, stderr) => {
        if (err) reject(new Error(`systemd-notify ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
        else resolve();
      });
    });
}

/** WATCHDOG_USEC as sd_watchdog_enabled reads it: only for the process WATCHDOG_PID names, if set. */
export function watchdogIntervalMs(env: NodeJS.ProcessEnv, pid: number): number | null {
  const usec = Number(env.WATCHDOG_USEC);
  if (!env.WATCHDOG_USEC || !Number.isFinite(usec) || usec <= 0) return null;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== pid) return null;
  // systemd's advice: notify at half the timeout, so one late tick does not kill a healthy process.
  return Math.max(1, Math.floor(usec / 1000 / 2));
}

export function createNotifier(options: NotifierOptions = {}): Notifier {
  const env = options.env ?? process.env;
  const pid = options.pid ?? process.pid;
  const exec = options.exec ?? systemdNotifyExec(env);
  const enabled = Boolean(env.NOTIFY_SOCKET);
  let failed = false;
  let feeding = false;

  const send = async (...assignments: string[]): Promise<void> => {
    if (!enabled) return;
    try {
      await exec([`--pid=${pid}`, ...assignments]);
      failed = false;
    } catch (err) {
      // One line per run of failures, not one per watchdog tick.
      if (!failed) options.log?.error('cannot notify systemd; is systemd-notify installed (package systemd)?', { error: err instanceof Error ? err.message : String(err) });
      failed = true;
    }
  };

  return {
    enabled,
    watchdogIntervalMs: enabled ? watchdogIntervalMs(env, pid) : null,
    ready: (status) => send('READY=1', ...(status ? [`STATUS=${status}`] : [])),
    stopping: (status) => send('STOPPING=1', ...(status ? [`STATUS=${status}`] : [])),
    status: (text) => send(`STATUS=${text}`),
    async watchdog() {
      // A systemd-notify still running means the system is very slow: do not pile up more of them.
      if (feeding) return;
      feeding = true;
      try {
        await send('WATCHDOG=1');
      } finally {
        feeding = false;
      }
    },
  };
}
