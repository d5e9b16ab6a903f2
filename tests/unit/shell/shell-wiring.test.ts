import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../../common/contract.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import { memoryLogger } from '../../../node-common/log.js';
import { WallCore } from '../../../electron/wall/wall-core.js';

// The Electron shell's wiring, against stand-ins for the few electron APIs it calls (no binary here):
// who may call over IPC, what app:// serves, which permissions and navigations are refused.
type Handler = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  protocolHandler: null as Handler | null,
  appListeners: new Map<string, Handler>(),
}));
vi.mock('electron', () => ({
  ipcMain: { handle: (c: string, fn: Handler) => fake.handlers.set(c, fn), removeHandler: (c: string) => fake.handlers.delete(c) },
  protocol: { handle: (_scheme: string, fn: Handler) => (fake.protocolHandler = fn), registerSchemesAsPrivileged: () => undefined },
  app: { on: (event: string, fn: Handler) => fake.appListeners.set(event, fn), enableSandbox: () => undefined },
}));

const { IpcRouter } = await import('../../../electron/shell/ipc.js');
const { serveRenderer } = await import('../../../electron/shell/protocol.js');
const { hardenSession, secureWebPreferences } = await import('../../../electron/shell/security.js');

class FakeContents {
  private static next = 1;
  readonly id = FakeContents.next++;
  readonly mainFrame = { origin: 'app://toancanh', parent: null };
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly listeners = new Map<string, Handler[]>();
  windowOpen: Handler | null = null;
  send(channel: string, payload: unknown) { this.sent.push({ channel, payload }); }
  isDestroyed() { return false; }
  on(event: string, fn: Handler) { this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]); return this; }
  once(event: string, fn: Handler) { return this.on(event, fn); }
  emit(event: string, ...args: unknown[]) { for (const fn of this.listeners.get(event) ?? []) fn(...args); }
  setWindowOpenHandler(fn: Handler) { this.windowOpen = fn; }
}

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));

function router() {
  const log = memoryLogger();
  const core = new WallCore({ wall, layout, log });
  const ipc = new IpcRouter(core, log);
  ipc.install();
  const invoke = (contents: FakeContents, channel: string, payload: unknown, frame: unknown = contents.mainFrame) =>
    fake.handlers.get(`tc:${channel}`)!({ sender: contents, get senderFrame() { if (frame instanceof Error) throw frame; return frame; } }, payload);
  return { core, ipc, log, invoke };
}

describe('IpcRouter', () => {
  it('handles every contract channel under the tc: prefix, and removes them again', () => {
    const { ipc } = router();
    const expected = Object.keys(invokeChannels).map((c) => `tc:${c}`).sort();
    expect(expected).toContain('tc:wall:setIdentify');
    expect([...fake.handlers.keys()].sort()).toEqual(expected);
    ipc.uninstall();
    expect(fake.handlers.size).toBe(0);
  });

  it('takes the role from the registry: a screen window cannot act as the console', async () => {
    const { ipc, invoke } = router();
    const screen = new FakeContents();
    const consoleContents = new FakeContents();
    ipc.attach(screen as never, 'screen', 'A1');
    ipc.attach(consoleContents as never, 'console');
    expect(await invoke(screen, 'wall:setIdentify', { enabled: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(screen, 'screen:report', { screenId: 'B1', appliedRevision: 1, state: 'ready' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(consoleContents, 'wall:setIdentify', { enabled: true })).toEqual({ ok: true, value: 2 });
    ipc.uninstall();
  });

  it('refuses unknown windows, sub-frames, other origins and vanished frames', async () => {
    const { ipc, invoke, log } = router();
    const known = new FakeContents();
    ipc.attach(known as never, 'console');
    const refusal = async (...args: Parameters<typeof invoke>) => ((await invoke(...args)) as { error?: { message: string } }).error?.message;
    expect(await refusal(new FakeContents(), 'state:snapshot', {})).toBe('sender is not a Toàn Cảnh window');
    expect(await refusal(known, 'state:snapshot', {}, { origin: 'app://toancanh', parent: known.mainFrame })).toBe('sender is not the main frame');
    expect(await refusal(known, 'state:snapshot', {}, null)).toBe('sender frame is gone');
    expect(await refusal(known, 'state:snapshot', {}, new Error('Render frame was disposed'))).toBe('sender frame is gone');
    known.mainFrame.origin = 'https://evil.example';
    expect(await refusal(known, 'state:snapshot', {})).toBe('sender origin https://evil.example is not app://toancanh');
    expect(log.lines.filter((l) => l.msg === 'ipc refused')).toHaveLength(5);
    ipc.uninstall();
  });

  it('joins the core when the page is ready, leaves when it dies or is replaced, and rejoins after a reload', () => {
    const { core, ipc } = router();
    const screen = new FakeContents();
    ipc.attach(screen as never, 'screen', 'B2');
    expect(core.screenStatuses.find((s) => s.screenId === 'B2')?.online).toBe(false);
    screen.emit('dom-ready');
    expect(screen.sent[0]).toMatchObject({ channel: 'tc:state:snapshot', payload: { revision: 1 } });
    expect(core.screenStatuses.find((s) => s.screenId === 'B2')?.online).toBe(true);
    screen.emit('render-process-gone');
    expect(core.screenStatuses.find((s) => s.screenId === 'B2')?.online).toBe(false);
    screen.emit('dom-ready');
    expect(core.screenStatuses.find((s) => s.screenId === 'B2')?.online).toBe(true);
    screen.emit('did-navigate');
    expect(core.screenStatuses.find((s) => s.screenId === 'B2')?.online).toBe(false);
    screen.emit('dom-ready');
    expect(core.screenStatuses.find((s) => s.screenId === 'B2')?.online).toBe(true);
    screen.emit('destroyed');
    expect(core.screenStatuses.find((s) => s.screenId === 'B2')?.online).toBe(false);
    ipc.uninstall();
  });
});

describe('app:// protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-renderer-'));
  fs.mkdirSync(path.join(root, 'renderer'));
  const inside = path.join(root, 'renderer');
  fs.writeFileSync(path.join(inside, 'index.html'), '<!doctype html><title>index</title>');
  fs.mkdirSync(path.join(inside, 'assets'));
  fs.writeFileSync(path.join(inside, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'the secret');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const log = memoryLogger();
  serveRenderer(inside, log);
  const get = (url: string, method = 'GET') => fake.protocolHandler!({ url, method }) as Promise<Response>;

  it('serves index.html for the page routes, with the CSP', async () => {
    const res = await get('app://toancanh/screen/A1');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>index</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('serves built files with their type, and refuses the rest', async () => {
    const js = await get('app://toancanh/assets/app.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await get('app://toancanh/assets/missing.js')).status).toBe(404);
    expect((await get('app://toancanh/assets')).status).toBe(404);
    const escape = await get('app://toancanh/assets/..%2F..%2Fsecret.txt');
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('the secret');
    expect((await get('app://toancanh/console', 'POST')).status).toBe(405);
    expect(log.lines.some((l) => l.msg === 'app request refused')).toBe(true);
  });
});

describe('security', () => {
  it('makes every window sandboxed, isolated and without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({ preload: '/p.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, webviewTag: false });
  });

  it('turns off Blink\'s auxclick, so a middle click cannot open or follow a link', () => {
    expect(secureWebPreferences('/p.cjs').disableBlinkFeatures).toBe('Auxclick');
  });

  it('denies permissions by default, logs each denial, and guards every new webContents', () => {
    const handlers: { request?: Handler; check?: Handler } = {};
    const session = { setPermissionRequestHandler: (fn: Handler) => (handlers.request = fn), setPermissionCheckHandler: (fn: Handler) => (handlers.check = fn) };
    const log = memoryLogger();
    hardenSession(session as never, log);
    const answers: boolean[] = [];
    handlers.request!({ id: 1 }, 'media', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://toancanh/console' });
    handlers.request!({ id: 1 }, 'fullscreen', (ok: boolean) => answers.push(ok), { requestingUrl: 'app://toancanh/screen/A1' });
    expect(answers).toEqual([false, true]);
    expect(handlers.check!(null, 'geolocation', 'app://toancanh', {})).toBe(false);
    expect(log.lines.map((l) => [l.msg, l.permission])).toEqual([['permission request denied', 'media'], ['permission check denied', 'geolocation']]);

    const contents = new FakeContents();
    fake.appListeners.get('web-contents-created')!({}, contents);
    const navigate = (event: string, url: string) => {
      const e = { url, prevented: false, preventDefault() { this.prevented = true; } };
      contents.emit(event, e, {}, { src: url });
      return e.prevented;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'app://toancanh/console')).toBe(false);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-attach-webview', 'app://toancanh/console')).toBe(true);
    expect(contents.windowOpen!({ url: 'app://toancanh/console' })).toEqual({ action: 'deny' });
  });
});
