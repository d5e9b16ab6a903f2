import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import { memoryLogger } from '../../../node-common/log.js';
import { WallCore } from '../../../electron/wall/wall-core.js';

// windows.ts and crash-watch.ts against stand-ins for BrowserWindow and screen: which windows open
// where, what a display change does, how a crashing page is reloaded and then given up on.
type Handler = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Rect = { x: number; y: number; width: number; height: number };

const fake = vi.hoisted(() => {
  class Emitter {
    private readonly listeners = new Map<string, Handler[]>();
    on(event: string, fn: Handler) { this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]); return this; }
    once(event: string, fn: Handler) { return this.on(event, fn); }
    off(event: string, fn: Handler) { this.listeners.set(event, (this.listeners.get(event) ?? []).filter((f) => f !== fn)); return this; }
    emit(event: string, ...args: unknown[]) { for (const fn of this.listeners.get(event) ?? []) fn(...args); }
  }
  class FakeWindow extends Emitter {
    static all: FakeWindow[] = [];
    destroyed = false;
    maximized = false;
    bounds: Rect;
    readonly webContents = Object.assign(new Emitter(), {
      loads: [] as string[],
      crashed: 0,
      css: [] as string[],
      /** false: the page is hung and never answers. */
      answers: true,
      loadURL(url: string) { this.loads.push(url); return Promise.resolve(); },
      forcefullyCrashRenderer() { this.crashed++; },
      insertCSS(css: string) { this.css.push(css); return Promise.resolve('key'); },
      executeJavaScript(code: string) { return this.answers ? Promise.resolve(code === '1' ? 1 : undefined) : new Promise(() => undefined); },
    });
    constructor(readonly options: Record<string, unknown> & Rect) {
      super();
      this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
      FakeWindow.all.push(this);
    }
    get url() { return this.webContents.loads[0]; }
    isDestroyed() { return this.destroyed; }
    destroy() { this.destroyed = true; this.emit('closed'); }
    close() { const e = { prevented: false, preventDefault() { this.prevented = true; } }; this.emit('close', e); if (!e.prevented) this.destroy(); }
    setBounds(b: Rect) { this.bounds = b; }
    maximize() { this.maximized = true; }
    show() {}
    showInactive() {}
  }
  const screen = Object.assign(new Emitter(), {
    displays: [] as { id: number; label: string; bounds: Rect; workArea: Rect; scaleFactor: number; rotation: number; internal: boolean }[],
    getAllDisplays() { return screen.displays; },
    getPrimaryDisplay() { return screen.displays[0]; },
  });
  return { FakeWindow, screen };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, screen: fake.screen }));

const { WallWindows } = await import('../../../electron/shell/windows.js');

const display = (id: number, x: number, y: number) => ({ id, label: `D${id}`, bounds: { x, y, width: 1920, height: 1080 }, workArea: { x, y, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0, internal: id === 1 });
const laptop = { ...display(1, 0, 0), workArea: { x: 0, y: 27, width: 1920, height: 1053 } };
const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));

const running: { stop(): void }[] = [];
function start(displays: (typeof laptop)[], windowed = false, screens?: string[]) {
  fake.screen.displays = displays;
  const log = memoryLogger();
  const core = new WallCore({ wall, layout, log });
  const attached: string[] = [];
  const ipc = { attach: (_c: unknown, role: string, screenId?: string) => attached.push(screenId ?? role) };
  const closed = vi.fn();
  const windows = new WallWindows({ core, ipc: ipc as never, log, preload: '/app/dist/preload/preload.cjs', windowed, kiosk: false, onConsoleClosed: closed, ...(screens ? { screens } : {}) });
  windows.start();
  running.push(windows);
  const open = () => fake.FakeWindow.all.filter((w) => !w.destroyed);
  const byUrl = (suffix: string) => open().find((w) => w.url?.endsWith(suffix));
  return { core, windows, attached, closed, open, byUrl, log };
}

beforeEach(() => {
  vi.useFakeTimers();
  fake.FakeWindow.all = [];
});
afterEach(() => {
  for (const w of running.splice(0)) w.stop();
  vi.useRealTimers();
});

describe('WallWindows', () => {
  it('on a laptop, shows the wall as framed previews beside the console, each window registered for IPC', () => {
    const { open, byUrl, attached, core } = start([laptop]);
    expect(open().map((w) => w.url)).toEqual(['app://toancanh/screen/A1', 'app://toancanh/screen/A2', 'app://toancanh/screen/B1', 'app://toancanh/screen/B2', 'app://toancanh/console']);
    expect(attached).toEqual(['A1', 'A2', 'B1', 'B2', 'console']);
    const a1 = byUrl('/screen/A1')!;
    expect(a1.options).toMatchObject({ frame: true, fullscreen: false, show: false });
    expect(a1.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/dist/preload/preload.cjs' });
    expect(a1.bounds.x).toBeGreaterThanOrEqual(768);
    expect(core.state.problems.map((p) => p.message)).toEqual(['no display is free for the wall screens; showing them as preview windows next to the console']);
  });

  it("a PC driving two of the wall's screens opens windows for those only, on its own displays", () => {
    const { open, core } = start([laptop, display(11, 1920, 0), display(12, 3840, 0)], false, ['B1', 'B2']);
    expect(open().map((w) => w.url)).toEqual(['app://toancanh/screen/B1', 'app://toancanh/screen/B2', 'app://toancanh/console']);
    expect(open()[0]?.options).toMatchObject({ frame: false, fullscreen: true, x: 1920 });
    expect(core.state.problems).toEqual([]);
  });

  it('says which of its screens has no display, and opens the others', () => {
    const { open, core } = start([laptop, display(11, 1920, 0)], false, ['B1', 'B2']);
    expect(open().map((w) => w.url)).toEqual(['app://toancanh/screen/B1', 'app://toancanh/console']);
    expect(core.state.problems.map((p) => [p.where, p.message])).toEqual([['screen B2', expect.stringContaining('screen B2: no free display to show it (1 free non-primary displays for 2 unassigned screens of this PC)')]]);
  });

  it('on a laptop, previews only the screens of this PC', () => {
    const { open } = start([laptop], false, ['A2']);
    expect(open().map((w) => w.url)).toEqual(['app://toancanh/screen/A2', 'app://toancanh/console']);
  });

  it('on a wall, opens frameless fullscreen windows on the displays and maximizes the console', () => {
    const { byUrl, core } = start([laptop, display(11, 1920, 0), display(12, 3840, 0), display(13, 1920, 1080), display(14, 3840, 1080)]);
    const b2 = byUrl('/screen/B2')!;
    expect(b2.options).toMatchObject({ frame: false, fullscreen: true, skipTaskbar: true, x: 3840, y: 1080, width: 1920, height: 1080 });
    const consoleWindow = byUrl('/console')!;
    consoleWindow.emit('ready-to-show');
    expect(consoleWindow.maximized).toBe(true);
    expect(core.state.problems).toEqual([]);
    // Alt+F4 on a wall screen leaves no hole; quitting closes it.
    b2.close();
    expect(b2.destroyed).toBe(false);
  });

  it('re-plans once after a burst of display changes: a lost display closes its screen and says why', () => {
    const displays = [laptop, display(11, 1920, 0), display(12, 3840, 0), display(13, 1920, 1080), display(14, 3840, 1080)];
    const { byUrl, core, open } = start(displays);
    const b2 = byUrl('/screen/B2')!;
    fake.screen.displays = displays.slice(0, 4);
    fake.screen.emit('display-removed');
    fake.screen.emit('display-metrics-changed');
    expect(b2.destroyed).toBe(false);
    vi.advanceTimersByTime(500);
    expect(b2.destroyed).toBe(true);
    expect(open()).toHaveLength(4);
    expect(core.state.problems.map((p) => p.where)).toEqual(['screen B2']);
    fake.screen.displays = displays;
    fake.screen.emit('display-added');
    vi.advanceTimersByTime(500);
    expect(byUrl('/screen/B2')).toBeDefined();
    expect(core.state.problems).toEqual([]);
  });

  it('reloads a crashed screen after a delay, and gives up after too many crashes', () => {
    const { byUrl, core } = start([laptop]);
    const a1 = byUrl('/screen/A1')!;
    const crash = () => a1.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    crash();
    vi.advanceTimersByTime(999);
    expect(a1.webContents.loads).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(a1.webContents.loads).toEqual(['app://toancanh/screen/A1', 'app://toancanh/screen/A1']);
    for (const delay of [2000, 4000, 8000, 16000]) {
      crash();
      vi.advanceTimersByTime(delay);
    }
    expect(a1.webContents.loads).toHaveLength(6);
    crash();
    vi.advanceTimersByTime(120_000);
    expect(a1.webContents.loads).toHaveLength(6);
    expect(core.state.problems.find((p) => p.code === 'window-gave-up')).toMatchObject({ where: 'screen A1' });
  });

  it('restarts a renderer that stays unresponsive past its grace period, not one that recovers', () => {
    const { byUrl } = start([laptop]);
    const a2 = byUrl('/screen/A2')!;
    a2.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    a2.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(a2.webContents.crashed).toBe(0);
    a2.emit('unresponsive');
    vi.advanceTimersByTime(15_000);
    expect(a2.webContents.crashed).toBe(1);
  });

  it('quits the app when the console is closed, but not while quitting', () => {
    const first = start([laptop]);
    first.byUrl('/console')!.close();
    expect(first.closed).toHaveBeenCalledTimes(1);
    const second = start([laptop]);
    second.windows.stop();
    second.byUrl('/console')!.close();
    expect(second.closed).not.toHaveBeenCalled();
  });

  it('hides the cursor on wall screens after every page load, not on previews or the console', () => {
    const wallPc = start([laptop, display(11, 1920, 0), display(12, 3840, 0), display(13, 1920, 1080), display(14, 3840, 1080)]);
    const b1 = wallPc.byUrl('/screen/B1')!;
    b1.webContents.emit('dom-ready');
    b1.webContents.emit('dom-ready'); // reloaded after a crash: a fresh document
    expect(b1.webContents.css).toHaveLength(2);
    expect(b1.webContents.css[0]).toMatch(/cursor: none !important/);
    const consoleWindow = wallPc.byUrl('/console')!;
    consoleWindow.webContents.emit('dom-ready');
    expect(consoleWindow.webContents.css).toEqual([]);
  });

  it('leaves the cursor on preview windows (a laptop demo)', () => {
    const preview = start([laptop]).byUrl('/screen/A1')!;
    preview.webContents.emit('dom-ready');
    expect(preview.webContents.css).toEqual([]);
  });

  it('tells the watchdog when a screen page stops answering, and which', async () => {
    const { windows, byUrl } = start([laptop]);
    expect(await windows.screensAnswer(5000)).toBeNull();
    byUrl('/screen/A2')!.webContents.answers = false;
    // Asked at 0 s and 25 s: silent, but still within 45 s of its last answer.
    for (const wait of [20_000, 15_000]) {
      const asked = windows.screensAnswer(5000);
      await vi.advanceTimersByTimeAsync(5000);
      expect(await asked).toBeNull();
      await vi.advanceTimersByTimeAsync(wait);
    }
    const asked = windows.screensAnswer(5000);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await asked).toBe('screen windows not answering for more than 45 s: A2 (50 s)');
    byUrl('/screen/A2')!.webContents.answers = true;
    expect(await windows.screensAnswer(5000)).toBeNull();
  });

  it('re-creates every screen window where it was when the GPU process dies, and reloads the console', () => {
    const { windows, open, byUrl, closed } = start([laptop, display(11, 1920, 0), display(12, 3840, 0), display(13, 1920, 1080), display(14, 3840, 1080)]);
    const before = open().filter((w) => w.url?.includes('/screen/'));
    const consoleWindow = byUrl('/console')!;
    windows.recreateWindows();
    expect(before.every((w) => w.destroyed)).toBe(true);
    const after = open().filter((w) => w.url?.includes('/screen/'));
    expect(after.map((w) => [w.url, w.bounds])).toEqual(before.map((w) => [w.url, w.bounds]));
    expect(after.some((w) => before.includes(w))).toBe(false);
    expect(consoleWindow.destroyed).toBe(false);
    expect(consoleWindow.webContents.loads).toEqual(['app://toancanh/console', 'app://toancanh/console']);
    expect(closed).not.toHaveBeenCalled();
  });
});
