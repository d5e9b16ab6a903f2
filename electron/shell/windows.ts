import { BrowserWindow, screen } from 'electron';
import { calibratedWall } from '../../common/calibration/wall.js';
import { planScreenWindows } from '../../common/wall/plan.js';
import { consoleUrl, screenUrl } from '../shell-policy/app-protocol.js';
import { CrashPolicy } from '../shell-policy/crash-policy.js';
import { ScreenLiveness } from '../shell-policy/screen-liveness.js';
import type { Logger } from '../../node-common/log.js';
import { publishDisplays } from '../wall/technician/install.js';
import type { WallCore } from '../wall/wall-core.js';
import { layoutWindows, reconcileWindows, type ConsoleSpec, type DisplayWithWorkArea, type ScreenWindowSpec, type WindowAction } from '../shell-policy/window-reconciler.js';
import { watchCrashes } from './crash-watch.js';
import type { IpcRouter } from './ipc.js';
import { secureWebPreferences } from './security.js';

// One window per wall screen on its display, and the console. The decisions are made in plain Node
// (plan, layout, reconcile); this file only applies them and re-plans when displays change.

export interface WallWindowsOptions {
  core: WallCore;
  ipc: IpcRouter;
  log: Logger;
  preload: string;
  windowed: boolean;
  kiosk: boolean;
  /** This PC's screens (node configuration): windows open for those only; default every screen of the wall. */
  screens?: readonly string[];
  onConsoleClosed: () => void;
}

const REPLAN_DELAY_MS = 500;
// Past the crash policy's own recovery (15 s grace, then a reload): the app is restarted instead.
const SCREEN_STALE_MS = 45_000;
// Nobody looks at a pointer on a wall; an idle one parked over a map is a blemish.
const HIDE_CURSOR_CSS = '*, *::before, *::after { cursor: none !important; }';

export class WallWindows {
  private readonly screens = new Map<string, { window: BrowserWindow; spec: ScreenWindowSpec }>();
  private readonly policies = new Map<string, CrashPolicy>();
  private readonly liveness = new ScreenLiveness(SCREEN_STALE_MS);
  private consoleWindow: BrowserWindow | null = null;
  private consoleDisplay: number | null = null;
  private reported = '';
  private timer: NodeJS.Timeout | null = null;
  private quitting = false;
  // Displays arrive and change in bursts (a GPU re-enumerating, a resolution switch): plan once after.
  private readonly onDisplays = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.replan(), REPLAN_DELAY_MS);
  };

  constructor(private readonly options: WallWindowsOptions) {}

  start(): void {
    this.replan();
    screen.on('display-added', this.onDisplays);
    screen.on('display-removed', this.onDisplays);
    screen.on('display-metrics-changed', this.onDisplays);
  }

  /** The app is quitting: stop re-planning, let every window close. */
  stop(): void {
    this.quitting = true;
    if (this.timer) clearTimeout(this.timer);
    screen.off('display-added', this.onDisplays);
    screen.off('display-removed', this.onDisplays);
    screen.off('display-metrics-changed', this.onDisplays);
  }

  /** The wall windows' pages, for the console's live view (shell/live-capture.ts). */
  screenContents(): Array<{ screenId: string; contents: Electron.WebContents }> {
    return [...this.screens].filter(([, { window }]) => !window.isDestroyed()).map(([screenId, { window }]) => ({ screenId, contents: window.webContents }));
  }

  focusConsole(): void {
    const win = this.consoleWindow;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /**
   * Asks every screen's page to evaluate a constant; returns null when all answered recently enough,
   * else why not (for the systemd watchdog). A page that is hung, or dead and not yet reloaded, is silent.
   */
  async screensAnswer(timeoutMs: number): Promise<string | null> {
    await Promise.all(
      [...this.screens].map(async ([screenId, { window }]) => {
        if (window.isDestroyed()) return;
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
        const answer = window.webContents.executeJavaScript('1').then(
          () => true,
          () => false,
        );
        if (await Promise.race([answer, late])) this.liveness.answered(screenId);
        clearTimeout(timer);
      }),
    );
    return this.liveness.verdict();
  }

  /** The GPU process died: pages that drew with it may stay black, so make every screen window again. */
  recreateWindows(): void {
    if (this.quitting) return;
    const { log } = this.options;
    for (const [screenId, { spec }] of [...this.screens]) {
      log.info('re-creating screen window', { screen: screenId, reason: 'GPU process gone' });
      this.closeScreen(screenId);
      this.openScreen(spec);
    }
    // Closing the console would quit the app: reload its page instead.
    const consoleWindow = this.consoleWindow;
    if (consoleWindow && !consoleWindow.isDestroyed()) consoleWindow.webContents.loadURL(consoleUrl()).catch((err: unknown) => log.error('console reload failed', { error: String(err) }));
  }

  replan(): void {
    if (this.quitting) return;
    const { core, log, windowed } = this.options;
    const displays = detectDisplays();
    // The technician's console sees the same displays; windows follow the applied mapping (not a preview).
    publishDisplays(core, displays);
    const applied = core.state.technician?.calibration.applied;
    const wall = calibratedWall(core.state.wall, applied);
    const screens = this.options.screens;
    const plan = planScreenWindows(wall, displays, undefined, { ...(screens ? { screens } : {}), contentRotation: (id) => applied?.screens[id]?.rotation ?? 0 });
    const layout = layoutWindows(wall, plan, displays, windowed, screens);
    log.info('windows planned', { mode: layout.mode, displays: displays.map((d) => d.id), own: screens, screens: layout.screens.map((s) => `${s.screenId}@${s.displayId}`) });
    for (const w of plan.windows) if (w.mismatch && layout.mode === 'wall') log.warn('display size differs from the screen', { screen: w.screenId, mismatch: w.mismatch });
    this.reportProblems(layout.mode === 'wall' ? plan.problems : windowed ? [] : ['no display is free for the wall screens; showing them as preview windows next to the console']);

    const open = new Map([...this.screens].map(([id, s]) => [id, s.spec]));
    for (const action of reconcileWindows(open, layout.screens)) this.apply(action);
    this.placeConsole(layout.console);
  }

  private apply(action: WindowAction): void {
    const { log } = this.options;
    switch (action.type) {
      case 'close':
        log.info('closing screen window', { screen: action.screenId });
        this.closeScreen(action.screenId);
        return;
      case 'reopen':
        log.info('re-creating screen window', { screen: action.want.screenId, reason: action.reason });
        this.closeScreen(action.want.screenId);
        this.openScreen(action.want);
        return;
      case 'open':
        this.openScreen(action.want);
        return;
      case 'move':
      case 'keep': {
        const current = this.screens.get(action.want.screenId);
        if (!current) return this.openScreen(action.want);
        if (action.type === 'move') {
          log.info('moving screen window', { screen: action.want.screenId, display: action.want.displayId, bounds: action.want.bounds });
          current.window.setBounds(action.want.bounds);
        }
        current.spec = action.want;
        return;
      }
    }
  }

  private closeScreen(screenId: string): void {
    this.screens.get(screenId)?.window.destroy();
    this.screens.delete(screenId);
    this.liveness.closed(screenId);
  }

  private openScreen(spec: ScreenWindowSpec): void {
    const { core, log, preload } = this.options;
    const onWall = spec.style === 'wall';
    const name = core.state.wall.screens.find((s) => s.id === spec.screenId)?.name ?? spec.screenId;
    const window = new BrowserWindow({
      ...spec.bounds,
      show: false,
      frame: !onWall,
      fullscreen: spec.fullscreen,
      skipTaskbar: onWall,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      title: onWall ? `Toàn Cảnh — ${spec.screenId}` : `${spec.screenId} · ${name} — xem trước / preview`,
      webPreferences: secureWebPreferences(preload),
    });
    this.screens.set(spec.screenId, { window, spec });
    this.liveness.opened(spec.screenId);
    if (onWall) {
      // Again after every load: a reload after a crash starts with a fresh document.
      window.webContents.on('dom-ready', () => {
        window.webContents.insertCSS(HIDE_CURSOR_CSS).catch((err: unknown) => log.warn('cannot hide the cursor', { screen: spec.screenId, error: String(err) }));
      });
    }
    window.once('ready-to-show', () => window.showInactive());
    // A wall screen closes with the app, not on its own (Alt+F4 on a wall must not leave a hole).
    window.on('close', (event) => {
      if (onWall && !this.quitting) event.preventDefault();
    });
    window.on('closed', () => {
      if (this.screens.get(spec.screenId)?.window !== window) return;
      this.screens.delete(spec.screenId);
      this.liveness.closed(spec.screenId);
    });
    this.load(window, 'screen', spec.screenId, screenUrl(spec.screenId));
    log.info('screen window opened', { screen: spec.screenId, style: spec.style, display: spec.displayId, bounds: spec.bounds, fullscreen: spec.fullscreen });
  }

  private placeConsole(spec: ConsoleSpec): void {
    const existing = this.consoleWindow;
    if (existing && !existing.isDestroyed()) {
      if (spec.displayId === this.consoleDisplay) return;
      this.options.log.info('moving console', { display: spec.displayId });
      existing.setBounds(spec.bounds);
      if (spec.maximize) existing.maximize();
      this.consoleDisplay = spec.displayId;
      return;
    }
    const { kiosk, preload } = this.options;
    const window = new BrowserWindow({
      ...spec.bounds,
      show: false,
      kiosk,
      autoHideMenuBar: kiosk,
      backgroundColor: '#08131f',
      title: 'Toàn Cảnh — Bảng điều khiển',
      webPreferences: secureWebPreferences(preload),
    });
    this.consoleWindow = window;
    this.consoleDisplay = spec.displayId;
    window.once('ready-to-show', () => {
      if (spec.maximize && !kiosk) window.maximize();
      window.show();
    });
    window.on('closed', () => {
      this.consoleWindow = null;
      if (!this.quitting) this.options.onConsoleClosed();
    });
    this.load(window, 'console', undefined, consoleUrl());
  }

  private load(window: BrowserWindow, role: 'screen' | 'console', screenId: string | undefined, url: string): void {
    const { core, ipc, log } = this.options;
    const label = screenId ? `screen ${screenId}` : 'console';
    ipc.attach(window.webContents, role, screenId);
    let policy = this.policies.get(label);
    if (!policy) this.policies.set(label, (policy = new CrashPolicy()));
    watchCrashes({
      window,
      label,
      url,
      policy,
      log,
      quitting: () => this.quitting,
      gaveUp: (reason) => core.reportProblem({ code: 'window-gave-up', where: label, message: `${label}: ${reason}; restart Toàn Cảnh, and send the log to support` }),
    });
    window.webContents.loadURL(url).catch((err: unknown) => log.error('window failed to load', { window: label, url, error: String(err) }));
  }

  /** Display problems go to the console's list; replaced only when they change. */
  private reportProblems(problems: string[]): void {
    const key = JSON.stringify(problems);
    if (key === this.reported) return;
    this.reported = key;
    const { core, log } = this.options;
    core.clearProblems('display');
    for (const message of problems) {
      log.warn('display problem', { problem: message });
      // One entry per screen (the core replaces problems with the same code and place).
      const where = /^screen [^:]+/.exec(message)?.[0] ?? 'displays';
      core.reportProblem({ code: 'display', where, message });
    }
  }
}

function detectDisplays(): DisplayWithWorkArea[] {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({
    id: d.id,
    label: d.label,
    bounds: { ...d.bounds },
    workArea: { ...d.workArea },
    scaleFactor: d.scaleFactor,
    rotation: d.rotation,
    primary: d.id === primary,
    internal: d.internal,
  }));
}
