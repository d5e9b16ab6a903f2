import path from 'node:path';
import { utilityProcess } from 'electron';
import type { Logger } from '../../node-common/log.js';
import type { Notifier } from '../../node-common/sd-notify.js';
import { GUARD_TIMEOUT_MS, type GuardConfig, type GuardMessage } from '../shell-policy/hang-guard.js';

// Starts the hang guard (electron/hang-guard/main.ts) beside the app when no service manager watches it.
// Its beats go through node-common/watchdog.ts, so they stop when the event loop stalls or a screen's
// page stops answering, exactly as systemd's watchdog is fed on Linux.

export interface HangGuard {
  /** Fed by the watchdog: one beat. */
  notifier: Pick<Notifier, 'watchdog'>;
  /** A clean quit: the guard ends without touching the app. */
  close(): void;
}

export function startHangGuard(logDir: string | null, log: Logger): HangGuard {
  const config: GuardConfig = {
    appPid: process.pid,
    execPath: process.execPath,
    args: process.argv.slice(1),
    cwd: process.cwd(),
    timeoutMs: GUARD_TIMEOUT_MS,
    checkMs: 1000,
    logDir,
  };
  const child = utilityProcess.fork(path.join(__dirname, 'hang-guard.cjs'), [JSON.stringify(config)], { serviceName: 'Toàn Cảnh hang guard', stdio: 'inherit' });
  let closed = false;
  child.once('exit', (code) => {
    if (!closed) log.warn('the hang guard ended: a hang of the app is not detected until it restarts', { exitCode: code });
  });
  const send = (message: GuardMessage): void => child.postMessage(message);
  return {
    notifier: { watchdog: async () => send({ type: 'beat' }) },
    close() {
      closed = true;
      send({ type: 'stop' });
    },
  };
}
