import { spawn } from 'node:child_process';
import { openLogFile } from '../../node-common/log-file.js';
import { createLogger, stderrSink, teeSink } from '../../node-common/log.js';
import { GuardConfig, GuardMessage, HangWatch, isAlive, WAIT_FOR_PID_ENV } from '../shell-policy/hang-guard.js';
import { RELAUNCH_ENV, restartDecision } from '../shell-policy/restart-policy.js';

// The hang guard's process (dist/electron/hang-guard.cjs): started by the shell with Electron's
// utilityProcess, or by child_process.fork in tests. It watches the app's beats; when they stop it
// starts the app again (the new one waits for the old to be gone) and ends the hung one. It ends itself
// when told to stop or when the app is gone.

interface Port {
  on(event: 'message', listener: (message: unknown) => void): unknown;
}
// Electron's utility process receives on process.parentPort ({ data }); a forked Node child on process.
const parentPort = (process as unknown as { parentPort?: Port }).parentPort;
const port: Port = parentPort ?? process;
const unwrap = (message: unknown): unknown => (parentPort && message && typeof message === 'object' && 'data' in message ? message.data : message);

const parsed = GuardConfig.safeParse(JSON.parse(process.argv[2] ?? 'null'));
if (!parsed.success) {
  process.stderr.write(`hang guard: bad configuration (argv[2]): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
  process.exit(2);
}
const config = parsed.data;
const file = config.logDir ? openLogFile({ dir: config.logDir, name: 'hang-guard', maxBytes: 1024 * 1024, keep: 2 }) : null;
const log = createLogger('hang-guard', file ? teeSink(stderrSink, file.sink) : stderrSink);
const watch = new HangWatch(config.timeoutMs);

const end = (code: number): never => {
  clearInterval(timer);
  file?.close();
  process.exit(code);
};

function relaunchAndEnd(overdueMs: number): void {
  const decision = restartDecision(process.env, Date.now());
  log.error(`Toàn Cảnh has not answered for ${Math.round(overdueMs / 1000)} s: ending it`, { pid: config.appPid, action: decision.how });
  if (decision.how === 'relaunch') {
    // Started first: once the hung app is gone this process may be ended with it (Electron's children).
    const child = spawn(config.execPath, config.args, {
      cwd: config.cwd,
      detached: true,
      stdio: 'ignore',
      windowsHide: false,
      env: { ...process.env, [RELAUNCH_ENV]: decision.history, [WAIT_FOR_PID_ENV]: String(config.appPid) },
    });
    child.once('error', (err) => log.error('could not start Toàn Cảnh again', { error: err.message }));
    child.unref();
  } else if (decision.how === 'give-up') {
    log.error('not starting Toàn Cảnh again', { reason: decision.reason });
  }
  try {
    process.kill(config.appPid, 'SIGKILL');
  } catch (err) {
    log.warn('the hung app could not be ended', { error: (err as Error).message });
  }
  // Leave time for the relaunch to be spawned before this process goes.
  setTimeout(() => end(0), 200);
}

port.on('message', (raw) => {
  const message = GuardMessage.safeParse(unwrap(raw));
  if (!message.success) {
    log.warn('ignored a message that is not { type: "beat" | "stop" }');
    return;
  }
  if (message.data.type === 'beat') watch.beat();
  else end(0);
});

const timer = setInterval(() => {
  if (!isAlive(config.appPid)) end(0);
  const overdue = watch.overdueMs();
  if (overdue !== null) {
    clearInterval(timer);
    relaunchAndEnd(overdue);
  }
}, config.checkMs);
log.info('watching Toàn Cảnh', { pid: config.appPid, timeoutMs: config.timeoutMs });
