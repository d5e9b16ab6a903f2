import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import type { CoreClient } from '../../../electron/wall/client.js';
import { memoryLogger } from '../../../node-common/log.js';
import { installTechnician, onAppliedMappingChange } from '../../../electron/wall/technician/install.js';
import { WallCore } from '../../../electron/wall/wall-core.js';

// The shell hands its displays to the core (the technician's console sees them) and its windows
// follow the display mapping a technician applied. windows.ts against stand-ins for Electron.
type Rect = { x: number; y: number; width: number; height: number };
const fake = vi.hoisted(() => {
  const windows: { options: Rect & Record<string, unknown>; url?: string; destroyed: boolean }[] = [];
  class FakeWindow {
    destroyed = false;
    url?: string;
    readonly webContents = { on: () => undefined, once: () => undefined, loadURL: (url: string) => ((this.url = url), Promise.resolve()) };
    constructor(readonly options: Rect & Record<string, unknown>) {
      windows.push(this);
    }
    on() {}
    once() {}
    isDestroyed() { return this.destroyed; }
    destroy() { this.destroyed = true; }
    setBounds() {}
    showInactive() {}
  }
  const screen = { displays: [] as unknown[], on() {}, off() {}, getAllDisplays: () => screen.displays, getPrimaryDisplay: () => screen.displays[0] };
  return { FakeWindow, screen, windows };
});
vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, screen: fake.screen }));
vi.mock('../../../electron/shell/crash-watch.js', () => ({ watchCrashes: () => undefined }));

const { WallWindows } = await import('../../../electron/shell/windows.js');

const display = (id: number, x: number, y: number) => ({ id, label: `D${id}`, bounds: { x, y, width: 1920, height: 1080 }, workArea: { x, y, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0, internal: false });
const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

describe('displays between the shell and the technician', () => {
  it('are published to the core, and an applied mapping moves the screen windows', async () => {
    fake.screen.displays = [display(1, 0, 0), display(11, 1920, 0), display(12, 3840, 0), display(13, 1920, 1080), display(14, 3840, 1080)];
    const core = new WallCore({ wall, layout, log: memoryLogger() });
    installTechnician(core, { profiles: null, settings: null, log: memoryLogger() });
    const windows = new WallWindows({ core, ipc: { attach: () => undefined } as never, log: memoryLogger(), preload: '/p.cjs', windowed: false, kiosk: false, onConsoleClosed: () => undefined });
    windows.start();
    stops.push(() => windows.stop(), onAppliedMappingChange(core, () => windows.replan()));
    expect(core.state.technician?.displays?.map((d) => d.id)).toEqual([1, 11, 12, 13, 14]);
    const shown = (id: string) => fake.windows.filter((w) => !w.destroyed && w.url?.endsWith(`/screen/${id}`)).map((w) => w.options.x);

    expect(shown('A1')).toEqual([1920]);
    const desk: CoreClient = { id: 'desk', transport: 'electron', role: 'console', send: () => undefined };
    core.connect(desk);
    // Swap A1 and A2 in a preview: nothing moves until it is applied.
    await core.handle(desk, 'calibration:set', { screenId: 'A1', set: { displayId: 12 } });
    await core.handle(desk, 'calibration:set', { screenId: 'A2', set: { displayId: 11 } });
    expect(shown('A1')).toEqual([1920]);
    expect(await core.handle(desk, 'calibration:confirm', { acceptIssues: false })).toMatchObject({ ok: true });
    expect(shown('A1')).toEqual([3840]);
    expect(shown('A2')).toEqual([1920]);
  });
});
