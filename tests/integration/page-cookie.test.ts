import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import { memoryLogger } from '../../node-common/log.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host.js';
import { createWebTokens } from '../../electron/web-host/web-tokens.js';
import { WallSocket } from '../support/wall-socket.js';

// Issue 14, item 6: a page opened with ?token=… gets an HttpOnly cookie for it, and its reloads and its
// WebSocket are let in by that cookie alone (the page removes the token from its address).

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const tokens = createWebTokens();
let host: WebHost;
let staticDir: string;

beforeEach(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cookie-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>index</title>');
  const log = memoryLogger();
  host = await startWebHost({ core: new WallCore({ wall, layout, log }), port: 0, staticDir, tokens, log, heartbeatMs: 1000 });
});
afterEach(async () => {
  await host.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** The name=value part of the page's Set-Cookie. */
async function pageCookie(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const set = res.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/; Path=\/; HttpOnly; SameSite=Strict$/);
  return set.split(';')[0]!;
}

describe('the page cookie', () => {
  it('is given for the page token, and then opens the page and the socket without a token', async () => {
    const port = new URL(host.origin).port;
    const consoleCookie = await pageCookie(host.urls.console);
    expect(consoleCookie.startsWith(`tc-console-${port}=`)).toBe(true);
    expect(consoleCookie).not.toContain(tokens.console);

    const reload = await fetch(`${host.origin}/console`, { headers: { Cookie: consoleCookie } });
    expect(reload.status).toBe(200);
    expect(reload.headers.get('set-cookie')).toBeNull();
    const ws = await WallSocket.open(`${host.origin.replace('http', 'ws')}/ws?role=console`, { Cookie: consoleCookie });
    expect((await ws.request('wall:setIdentify', { enabled: true })).ok).toBe(true);
    ws.close();
  });

  it('a screen cookie opens screens only; without a cookie or with a wrong token nothing opens', async () => {
    const screenCookie = await pageCookie(host.urls.screens[0]!.url);
    expect((await fetch(`${host.origin}/screen/A2`, { headers: { Cookie: screenCookie } })).status).toBe(200);
    expect((await fetch(`${host.origin}/console`, { headers: { Cookie: screenCookie } })).status).toBe(401);
    await expect(WallSocket.open(`${host.origin.replace('http', 'ws')}/ws?role=console`, { Cookie: screenCookie })).rejects.toThrow('HTTP 401');
    (await WallSocket.open(`${host.origin.replace('http', 'ws')}/ws?role=screen&screen=A1`, { Cookie: screenCookie })).close();
    expect((await fetch(`${host.origin}/screen/A1`)).status).toBe(401);
    await expect(WallSocket.open(`${host.origin.replace('http', 'ws')}/ws?role=screen&screen=A1`)).rejects.toThrow('HTTP 401');
    // A token in the query is what counts when there is one: a wrong one is refused whatever the cookie.
    expect((await fetch(`${host.origin}/screen/A1?token=wrong`, { headers: { Cookie: screenCookie } })).status).toBe(401);
  });
});
