import { startDemoPage } from '../startup/demo-page.js';
import path from 'node:path';
import { app, dialog, Menu, powerSaveBlocker, session } from 'electron';
import { StartupError, startApp, type RunningApp } from '../startup/app.js';
import { startHub } from '../../hub/server.js';
import { backupPlanFromEnv } from '../../node-common/db/backup.js';
import { startAppBackend, type RunningBackend } from '../hub-link/backend-setup.js';
import { cliUsage, electronUserArgs, isChromiumSwitch, parseCliArgs, type CliArgs } from '../startup/cli-args.js';
import { loadNodeConfig, type NodeConfig } from '../startup/node-config.js';
import { DisplayPriority, linuxProcSystem } from '../shell-policy/display-priority.js';
import { createLogger, redactText, stderrSink, teeSink, type LogSink } from '../../node-common/log.js';
import { logDirFor, openLogFile, type LogFile } from '../../node-common/log-file.js';
import { exitOnFatal, FATAL_EXIT_CODE } from '../../node-common/fatal-exit.js';
import { accessLines } from '../../node-common/access-file.js';
import { createNotifier } from '../../node-common/sd-notify.js';
import { startWatchdog } from '../../node-common/watchdog.js';
import { GpuPolicy } from '../shell-policy/gpu-policy.js';
import { RELAUNCH_ENV, restartDecision, underServiceManager } from '../shell-policy/restart-policy.js';
import { GUARD_BEAT_MS, WAIT_FOR_PID_ENV, waitForExit } from '../shell-policy/hang-guard.js';
import { startHangGuard } from './hang-guard.js';
import { onAppliedMappingChange } from '../wall/technician/install.js';
import { IpcRouter } from './ipc.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { enableSandbox, hardenSession } from './security.js';
import { WallWindows } from './windows.js';
import { startLiveCapture } from './live-capture.js';

// The Electron entry (bundled to dist/electron/main.cjs): one instance, the display kept awake,
// the renderer served from app://toancanh, the core started, one window per wall screen.

// dist/electron/main.cjs → the app root (the project folder, or app.asar when packaged).
const root = path.resolve(__dirname, '..', '..');
// Lines go to stderr at once and, once the data folder is known, to the log file beside the database.
let fileSink: LogSink = () => undefined;
const log = createLogger('shell', teeSink(stderrSink, (line) => fileSink(line)), process.env.TOAN_CANH_LOG === 'debug' ? 'debug' : 'info');

/** Ends the app with `code`: systemd restarts it (packaging/linux/); elsewhere it relaunches itself. */
function restartApp(code: number, why: string): void {
  const decision = restartDecision(process.env, Date.now());
  if (decision.how === 'relaunch') {
    // The child inherits the environment: it carries the count that stops a relaunch loop.
    process.env[RELAUNCH_ENV] = decision.history;
    app.relaunch();
    log.warn('relaunching Toàn Cảnh', { why, exitCode: code });
  } else if (decision.how === 'give-up') {
    log.error('not relaunching Toàn Cảnh', { why, reason: decision.reason, exitCode: code });
  }
  app.exit(code);
}
// Electron would show a dialog and stay up half-working; a wall must come back clean instead.
exitOnFatal({ log, exit: (code) => restartApp(code, 'unrecoverable fault') });

function readArgs(): CliArgs | number {
  const parsed = parseCliArgs(electronUserArgs(process.argv, process.defaultApp === true), { ignore: isChromiumSwitch });
  if (!parsed.ok) {
    console.error(`toan-canh: ${parsed.error.message}\n${cliUsage}`);
    return 2;
  }
  if (parsed.value.help) {
    console.log(`toan-canh [options]\n${cliUsage}`);
    return 0;
  }
  return parsed.value;
}

async function main(): Promise<void> {
  const args = readArgs();
  if (typeof args === 'number') {
    process.exit(args);
  }
  if (args.port !== undefined || args.host !== undefined || args['tls-cert'] || args['tls-key'] || args['insecure-lan'] || args['allowed-origin']) {
    log.warn('--port, --host, --tls-cert, --tls-key, --insecure-lan and --allowed-origin are for the web host (npm run web); the desktop app ignores them');
  }

  registerAppScheme();
  enableSandbox();
  // A wall has nobody to click "play": let panels start video with sound.
  app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

  // Started again by the hang guard: the hung instance is being ended and still holds the lock.
  const hungPid = Number(process.env[WAIT_FOR_PID_ENV]);
  if (hungPid > 0) {
    delete process.env[WAIT_FOR_PID_ENV];
    if (!(await waitForExit(hungPid, 15_000))) log.warn('the hung instance is still running after 15 s', { pid: hungPid });
  }
  if (!app.requestSingleInstanceLock()) {
    log.info('Toàn Cảnh is already running; its console was brought to the front');
    app.quit();
    return;
  }
  let windows: WallWindows | null = null;
  app.on('second-instance', () => windows?.focusConsole());

  await app.whenReady();
  if (args.kiosk) Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession, log.child('security'));
  serveRenderer(
    path.join(root, 'dist', 'renderer'),
    log.child('protocol'),
    () => running?.core.state.wall.webOrigins,
    () => backend?.camerasUrl ?? null,
  );
  // A wall never blanks: no display sleep, no screensaver (see the README for X's own DPMS).
  const awake = powerSaveBlocker.start('prevent-display-sleep');
  if (!powerSaveBlocker.isStarted(awake)) log.warn('could not keep the displays awake; turn off display sleep in the desktop settings');

  const wallFile = path.resolve(args.wall ?? path.join(root, 'config', 'walls', 'demo-2x2.json'));
  const dbFile = path.resolve(args.db ?? path.join(app.getPath('userData'), 'toan-canh.db'));
  const logDir = logDirFor(dbFile);
  const logFile: LogFile | null = logDir ? openLogFile({ dir: logDir, onFailure: (m) => log.warn(m) }) : null;
  if (logFile) {
    fileSink = logFile.sink;
    log.info('log file', { file: logFile.file });
  }
  let running: RunningApp | undefined;
  let node: NodeConfig;
  try {
    running = await startApp({ wallFile, ...(args.layout ? { layoutFile: path.resolve(args.layout) } : {}), dbFile, log, backups: backupPlanFromEnv(process.env, dbFile, 'wall') });
    // Which PC this is and which screens it drives (--node, TOAN_CANH_NODE_*): windows open for those only.
    const loaded = loadNodeConfig({ file: args.node, env: process.env, wall: running.core.state.wall });
    if (!loaded.ok) {
      await running.close();
      throw new StartupError(loaded.error.message);
    }
    node = loaded.value;
    running.core.setNodeScreens(node.partial ? node.screens : null);
    log.info('node', { nodeId: node.nodeId, screens: node.screens, from: node.source });
  } catch (err) {
    const message = err instanceof StartupError || err instanceof Error ? err.message : String(err);
    log.error('cannot start', { error: message, wallFile, dbFile });
    dialog.showErrorBox('Toàn Cảnh không khởi động được / cannot start', message);
    app.exit(2);
    return;
  }

  // The hub: embedded by default, or the one TOAN_CANH_HUB names (docs/protocol.md).
  let backend: RunningBackend | null = null;
  try {
    backend = await startAppBackend(running, {
      dbFile,
      scenariosDir: path.join(root, 'config', 'scenarios'),
      camerasDir: path.join(root, 'assets', 'media', 'cameras'),
      log: log.child('backend'),
      embedHub: startHub,
      node,
      ...(args['hub-ca'] ? { hubCa: path.resolve(args['hub-ca']) } : {}),
    });
    // Never the token in the log (the crash dialog asks people to send it): it is in an owner-only file.
    if (backend.restUrl) {
      const file = path.join(path.dirname(dbFile), 'hub-access.txt');
      accessLines([backend.restUrl], file, {});
      log.info('hub REST API', { url: redactText(backend.restUrl), token: `in ${file}` });
    }
  } catch (err) {
    // The wall still shows its layouts without a backend; the console shows the link as lost.
    log.error('backend did not start', { error: err instanceof Error ? err.message : String(err) });
  }

  // The demo's stand-in for a province's operations portal (its web panel); the server is unref'd and ends with the app.
  await startDemoPage(running.core.state.wall, root, log.child('demo-page'));

  const ipc = new IpcRouter(running.core, log.child('ipc'));
  ipc.install();
  const wallWindows = new WallWindows({
    core: running.core,
    ipc,
    log: log.child('windows'),
    preload: path.join(root, 'dist', 'preload', 'preload.cjs'),
    windowed: args.windowed,
    kiosk: args.kiosk,
    screens: node.screens,
    onConsoleClosed: () => app.quit(),
  });
  windows = wallWindows;
  wallWindows.start();
  // While a console watches the live view, each wall window's own picture goes to it.
  const stopCapture = startLiveCapture(running.core, () => wallWindows.screenContents(), log.child('live'));
  // The GPU process died: Chromium starts another, but pages that drew with it may stay black.
  const gpu = new GpuPolicy();
  app.on('child-process-gone', (_event, details) => {
    if (details.type !== 'GPU') return;
    const decision = gpu.gone(details.reason);
    log.error('GPU process gone', { reason: details.reason, exitCode: details.exitCode, action: decision.action });
    if (decision.action === 'recreate-windows') setTimeout(() => wallWindows.recreateWindows(), decision.delayMs).unref();
    if (decision.action === 'restart-app') restartApp(FATAL_EXIT_CODE, decision.reason);
  });
  // Under systemd (packaging/linux/toan-canh.service): ready now; the watchdog is fed only while the
  // event loop runs and every screen's page answers.
  const notifier = createNotifier({ log: log.child('systemd') });
  // Elsewhere (Windows, by hand) the app's own hang guard is fed the same way, and restarts it when hung.
  const screensAnswer = () => wallWindows.screensAnswer(5000);
  const guard = underServiceManager(process.env) ? null : startHangGuard(logDir, log.child('hang-guard'));
  const watchdog = notifier.watchdogIntervalMs
    ? startWatchdog({ notifier, intervalMs: notifier.watchdogIntervalMs, checks: [screensAnswer], log: log.child('watchdog') })
    : guard
      ? startWatchdog({ notifier: guard.notifier, intervalMs: GUARD_BEAT_MS, checks: [screensAnswer], name: 'the hang guard', log: log.child('watchdog') })
      : null;
  void notifier.ready(`${node.screens.length} màn hình / screens`);
  // The wall's frame-path threads at real-time priority (core/display-priority.ts), again as renderers
  // come and go; TOAN_CANH_DISPLAY_PRIORITY=normal leaves them as Chromium sets them.
  const priority = new DisplayPriority(process.env.TOAN_CANH_DISPLAY_PRIORITY === 'normal' ? null : linuxProcSystem(), log.child('priority'));
  const raise = (): void => {
    void priority.pass(process.pid).then((pass) => {
      if (pass.refused) clearInterval(raising);
    });
  };
  const raising = setInterval(raise, 10_000);
  raise();
  // A reloaded wall file may add, remove or move screens: plan the windows again.
  running.core.onChange((_state, change) => {
    if (change.wall) wallWindows.replan();
  });
  // A technician applied another display mapping.
  onAppliedMappingChange(running.core, () => wallWindows.replan());

  app.on('before-quit', () => {
    stopCapture();
    watchdog?.close();
    guard?.close();
    void notifier.stopping();
    clearInterval(raising);
    wallWindows.stop();
  });
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    ipc.uninstall();
    powerSaveBlocker.stop(awake);
    (backend ? backend.close() : Promise.resolve())
      .then(() => running.close())
      .catch((err: unknown) => log.error('close failed', { error: String(err) }))
      .finally(() => {
        closed = true;
        logFile?.close();
        app.quit();
      });
  });
}

main().catch((err: unknown) => {
  log.error('fatal', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  app.exit(1);
});
