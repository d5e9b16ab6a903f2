import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../common/contract.js';
import { applyPatch, type StatePatch, type WallState } from '../../common/state.js';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import { memoryLogger } from '../../node-common/log.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host.js';
import { createWebTokens } from '../../electron/web-host/web-tokens.js';
import { WallSocket } from '../support/wall-socket.js';

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));

let host: WebHost;
let core: WallCore;
let staticDir: string;
const tokens = createWebTokens();
let log: ReturnType<typeof memoryLogger>;

beforeEach(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-web-'));
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>index</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-1a2b.js'), 'export {};');
  fs.writeFileSync(path.join(staticDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  log = memoryLogger();
  core = new WallCore({ wall, layout, log });
  host = await startWebHost({ core, port: 0, staticDir, tokens, log, heartbeatMs: 1000 }); // long enough that a busy test machine answers pings in time
});
afterEach(async () => {
  await host.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const wsUrl = (query: string) => `${host.origin.replace('http', 'ws')}/ws?${query}`;
const screen = (id: string, token = tokens.screen) => WallSocket.open(wsUrl(`token=${token}&role=screen&screen=${id}`));
const consoleSocket = () => WallSocket.open(wsUrl(`token=${tokens.console}&role=console`));

describe('web host pages', () => {
  it('prints a console URL and one URL per screen, each with its token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.urls.console).toBe(`${host.origin}/console?token=${tokens.console}`);
    expect(host.urls.screens.map((s) => s.url)).toEqual(['A1', 'A2', 'B1', 'B2'].map((id) => `${host.origin}/screen/${id}?token=${tokens.screen}`));
  });

  it('serves the app on its routes with a token, with security headers and no caching', async () => {
    for (const url of [host.urls.console, host.urls.screens[1]!.url, `${host.origin}/screen/B2?token=${tokens.console}`]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>index</title>');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('refuses pages without the right token with a 401 that says how to get the URL', async () => {
    const cases = [`${host.origin}/console`, `${host.origin}/console?token=nope`, `${host.origin}/console?token=${tokens.screen}`, `${host.origin}/screen/A1?token=x`];
    for (const url of cases) {
      const res = await fetch(url);
      expect(res.status).toBe(401);
      const body = await res.text();
      expect(body).toContain('npm run web');
      expect(body).not.toContain('<title>index</title>');
    }
    expect(log.lines.some((l) => l.msg === 'page refused: missing or wrong token')).toBe(true);
  });

  it('serves built files with their MIME types and refuses paths that leave the folder', async () => {
    const js = await fetch(`${host.origin}/assets/app-1a2b.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${host.origin}/assets/font.woff2`)).headers.get('content-type')).toBe('font/woff2');
    expect((await fetch(`${host.origin}/assets/missing.js`)).status).toBe(404);
    // Raw request lines: fetch would normalise the dots away before sending.
    for (const p of ['/assets/../../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/assets/..%5c..%5cpackage.json', '/%00', '/assets/%E0%A4%A']) {
      const raw = await rawHttp(host.origin, `GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(raw, p).toMatch(/^HTTP\/1\.1 400/);
      expect(raw, p).not.toContain('toan-canh');
    }
  });
});

describe('web host socket', () => {
  it('sends a snapshot on connect, then patches with consecutive revisions', async () => {
    const a1 = await screen('A1');
    const snapshot = (await a1.event('state:snapshot')).payload as WallState;
    expect(snapshot).toEqual(core.state);
    const admin = await consoleSocket();
    expect((await admin.event('screens:status')).payload).toEqual(expect.arrayContaining([expect.objectContaining({ screenId: 'A1', online: true, transport: 'browser' })]));

    expect(await admin.request('wall:setBezelCompensation', { enabled: false })).toEqual({ ok: true, value: 2 });
    expect(await admin.request('settings:setLanguage', { language: 'en' })).toEqual({ ok: true, value: 3 });
    let copy: WallState | null = snapshot;
    for (const revision of [2, 3]) {
      const patch = (await a1.event('state:patch')).payload as StatePatch;
      expect(patch.revision).toBe(revision);
      copy = applyPatch(copy!, patch);
    }
    expect(copy).toEqual(core.state);
    expect(copy?.wall.bezelCompensation).toBe(false);
  });

  it('lets a screen token view but not change the wall', async () => {
    await expect(WallSocket.open(wsUrl(`token=${tokens.screen}&role=console`))).rejects.toThrow('HTTP 401');
    const a1 = await screen('A1');
    const answer = await a1.request('wall:setIdentify', { enabled: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a1.request('screens:status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.state.identify).toBe(false);
    expect(core.state.revision).toBe(1);
  });

  it('refuses a bad token, a foreign origin and an unknown screen', async () => {
    await expect(screen('A1', 'wrong')).rejects.toThrow('HTTP 401');
    await expect(WallSocket.open(wsUrl(`role=console`))).rejects.toThrow('HTTP 401');
    await expect(WallSocket.open(wsUrl(`token=${tokens.console}&role=console`), { Origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    const sameOrigin = await WallSocket.open(wsUrl(`token=${tokens.console}&role=console`), { Origin: host.origin });
    expect((await sameOrigin.event('state:snapshot')).payload).toEqual(core.state);
    const ghost = await screen('Z9');
    const closed = await ghost.closed();
    expect(closed.code).toBe(4404);
    expect(closed.reason).toContain('unknown screen "Z9"');
  });

  it("of a wall driven by several PCs, serves only this node's screens and says which node drives the others", async () => {
    await host.close();
    core = new WallCore({ wall, layout, log });
    core.setNodeScreens(['B1', 'B2'], (id) => (id === 'A1' || id === 'A2' ? 'pc-row-a' : null));
    host = await startWebHost({ core, port: 0, staticDir, tokens, log, heartbeatMs: 1000 });
    expect(host.urls.screens.map((s) => s.screenId)).toEqual(['B1', 'B2']);
    expect((await fetch(`${host.origin}/screen/B1?token=${tokens.screen}`)).status).toBe(200);
    const other = await fetch(`${host.origin}/screen/A2?token=${tokens.screen}`);
    expect(other.status).toBe(404);
    const body = await other.text();
    expect(body).toContain('Màn hình A2 do máy &#34;pc-row-a&#34; điều khiển');
    expect(body).toContain('screen &#34;A2&#34; is driven by node &#34;pc-row-a&#34;, not this one (this node drives B1, B2)');
    const refused = await (await screen('A1')).closed();
    expect(refused).toEqual({ code: 4404, reason: expect.stringContaining('screen "A1" is driven by node "pc-row-a"') as unknown as string });
    expect(await (await screen('B2')).event('state:snapshot')).toBeTruthy();
  });

  it('checks Origin against the host\'s own origins, not against Host: a DNS-rebound page is refused', async () => {
    const { port } = new URL(host.origin);
    // evil.example resolved to 127.0.0.1: the browser sends Host and Origin both naming it, which matched before.
    const rebound = { Origin: `http://evil.example:${port}`, Host: `evil.example:${port}` };
    await expect(WallSocket.open(wsUrl(`token=${tokens.console}&role=console`), rebound)).rejects.toThrow('HTTP 403');
    expect(log.lines.some((l) => l.msg === 'websocket refused: foreign origin')).toBe(true);
    // The same over HTTP: a page of another origin gets nothing from the host, the token notwithstanding.
    const page = await fetch(host.urls.console, { headers: { Origin: `http://evil.example:${port}` } });
    expect(page.status).toBe(403);
    // localhost is this host too.
    const local = await WallSocket.open(wsUrl(`token=${tokens.console}&role=console`), { Origin: `http://localhost:${port}` });
    expect((await local.event('state:snapshot')).payload).toEqual(core.state);
    local.close();
  });

  it('accepts the origins listed with --allowed-origin', async () => {
    const listed = await startWebHost({ core, port: 0, staticDir, tokens, log, allowedOrigins: ['https://wall.ioc.local'] });
    try {
      const url = `${listed.origin.replace('http', 'ws')}/ws?token=${tokens.console}&role=console`;
      const ok = await WallSocket.open(url, { Origin: 'https://wall.ioc.local' });
      ok.close();
      await expect(WallSocket.open(url, { Origin: 'https://other.ioc.local' })).rejects.toThrow('HTTP 403');
    } finally {
      await listed.close();
    }
  });

  it('answers malformed and oversized messages with errors and keeps the connection', async () => {
    const admin = await consoleSocket();
    admin.sendRaw('{not json');
    expect((await admin.next((m) => m.result !== undefined)).result).toMatchObject({ ok: false, error: { code: 'bad-json' } });
    admin.sendRaw(JSON.stringify({ id: 7, chanel: 'state:snapshot' }));
    expect(await admin.next((m) => m.id === 7)).toMatchObject({ result: { ok: false, error: { code: 'bad-message' } } });
    admin.sendRaw(JSON.stringify({ id: 8, channel: 'wall:setBezelCompensation', payload: { enabled: 'yes' } }));
    expect(await admin.next((m) => m.id === 8)).toMatchObject({ result: { ok: false, error: { code: 'invalid-payload' } } });
    admin.sendRaw(JSON.stringify({ id: 9, channel: 'state:snapshot', payload: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
    expect((await admin.next((m) => m.result !== undefined && m.id === null)).result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    admin.sendRaw(Buffer.from([1, 2, 3]));
    expect((await admin.next((m) => m.result !== undefined && m.id === null)).result).toMatchObject({ ok: false, error: { code: 'bad-message' } });

    expect(await admin.request('state:snapshot', {})).toEqual({ ok: true, value: core.state });
    expect(core.state.revision).toBe(1);
    expect(log.lines.filter((l) => l.msg === 'bad message').map((l) => l.code)).toEqual(['bad-json', 'bad-message', 'too-large', 'bad-message']);
    expect(log.lines.some((l) => l.msg === 'invalid payload refused')).toBe(true);
  });

  it('closes a connection that sends far more than the limit, and the host carries on', async () => {
    const admin = await consoleSocket();
    admin.sendRaw('x'.repeat(2 * MAX_MESSAGE_BYTES + 1));
    expect((await admin.closed()).code).toBe(1009);
    const again = await consoleSocket();
    expect(await again.request('wall:setIdentify', { enabled: true })).toEqual({ ok: true, value: 2 });
  });

  it('refuses a screen report for another screen', async () => {
    const a1 = await screen('A1');
    const report = { screenId: 'A2', appliedRevision: 1, state: 'ready' };
    expect(await a1.request('screen:report', report)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a1.request('screen:report', { ...report, screenId: 'A1' })).toEqual({ ok: true, value: null });
    expect(core.screenStatuses.find((s) => s.screenId === 'A1')).toMatchObject({ appliedRevision: 1, state: 'ready' });
    expect(core.screenStatuses.find((s) => s.screenId === 'A2')).toMatchObject({ appliedRevision: null, online: false });
  });

  it('drops a client that stops answering pings, so the console sees the screen go offline', async () => {
    const admin = await consoleSocket();
    const silent = await silentScreen(host.origin, tokens.screen, 'B2');
    await admin.next((m) => m.event === 'screens:status' && isOnline(m.payload, 'B2'));
    await admin.next((m) => m.event === 'screens:status' && !isOnline(m.payload, 'B2'), 15_000);
    expect(log.lines.some((l) => l.msg === 'no heartbeat answer, closing connection')).toBe(true);
    silent.destroy();
  });

  it('tells connected pages it is going away when closed', async () => {
    const a1 = await screen('A1');
    const closed = a1.closed();
    await host.close();
    expect((await closed).code).toBe(1001);
    host = await startWebHost({ core, port: 0, staticDir, tokens, log });
  });
});

const isOnline = (statuses: unknown, id: string) =>
  (statuses as Array<{ screenId: string; online: boolean }>).some((s) => s.screenId === id && s.online);

function rawHttp(origin: string, request: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    socket.on('data', (d) => (text += String(d)));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

/** A WebSocket handshake by hand, then silence: never answers a ping, like a PC that froze. */
function silentScreen(origin: string, token: string, id: string): Promise<net.Socket> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `GET /ws?token=${token}&role=screen&screen=${id} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    socket.once('data', (d) => (String(d).startsWith('HTTP/1.1 101') ? resolve(socket) : reject(new Error(String(d)))));
    socket.on('error', () => undefined);
  });
}
