import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import { memoryLogger } from '../../node-common/log.js';
import { installTechnician } from '../../electron/wall/technician/install.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host.js';
import { createWebTokens } from '../../electron/web-host/web-tokens.js';
import { WallSocket } from '../support/wall-socket.js';

// A browser opened at /screen (no screen id) over the real web host: it waits with its code until a
// technician gives it a position.
const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse({ schemaVersion: 1, id: 'empty', name: 'trống', wallId: 'demo-2x2', panels: [] });
const tokens = createWebTokens();
let host: WebHost;
let core: WallCore;
let staticDir: string;

beforeEach(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-pair-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>index</title>');
  core = new WallCore({ wall, layout, log: memoryLogger() });
  installTechnician(core, { profiles: null, settings: null, log: memoryLogger() });
  host = await startWebHost({ core, port: 0, staticDir, tokens, log: memoryLogger(), heartbeatMs: 1000 });
});
afterEach(async () => {
  await host.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const ws = (query: string) => WallSocket.open(`${host.origin.replace('http', 'ws')}/ws?${query}`);

describe('pages waiting for a position', () => {
  it('serve /screen with a screen token, and refuse it without one', async () => {
    expect((await fetch(`${host.origin}/screen?token=${tokens.screen}`)).status).toBe(200);
    expect((await fetch(`${host.origin}/screen`)).status).toBe(401);
  });

  it('join with their code, get the state, are given a position, and leave the list when they go', async () => {
    const page = await ws(`token=${tokens.screen}&role=screen&pair=K7M2QX`);
    await page.event('state:snapshot');
    expect(core.state.technician?.pendingPages.map((p) => p.code)).toEqual(['K7M2QX']);
    const desk = await ws(`token=${tokens.console}&role=console`);
    expect(await desk.request('pages:assign', { code: 'K7M2QX', screenId: 'B1', replace: false })).toMatchObject({ ok: true });
    const patch = await page.next((m) => m.event === 'state:patch' && JSON.stringify(m.payload).includes('"assignedTo":"B1"'));
    expect(patch.event).toBe('state:patch');
    // A waiting page may not report as a screen.
    expect(await page.request('screen:report', { screenId: 'B1', appliedRevision: 1, state: 'ready' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    page.close();
    await desk.next((m) => m.event === 'state:patch' && JSON.stringify(m.payload).includes('"pendingPages":[]'));
    expect(core.state.technician?.pendingPages).toEqual([]);
    desk.close();
  });

  it('refuse a malformed code, or a screen socket with neither an id nor a code', async () => {
    await expect(ws(`token=${tokens.screen}&role=screen&pair=abc`)).rejects.toThrow('HTTP 400');
    await expect(ws(`token=${tokens.screen}&role=screen`)).rejects.toThrow('HTTP 400');
    await expect(ws(`token=wrong&role=screen&pair=K7M2QX`)).rejects.toThrow('HTTP 401');
  });
});
