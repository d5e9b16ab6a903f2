import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import { memoryLogger } from '../../node-common/log.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { startWebHost } from '../../electron/web-host/web-host.js';
import { createWebTokens } from '../../electron/web-host/web-tokens.js';
import { WallSocket } from '../support/wall-socket.js';
import { openHandles, settle } from '../support/open-handles.js';

// A host runs for months and is restarted in tests and by the technician: close() must leave no timer
// (the heartbeat, the per-page goodbye cut-off) and no socket (the port, the pages' connections).

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));

afterEach(() => {
  vi.useRealTimers();
});

it('close() leaves no timer and no open socket behind, with pages connected', async () => {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-web-close-'));
  const core = new WallCore({ wall, layout, log: memoryLogger() });
  const tokens = createWebTokens();
  const before = openHandles();
  // Only timers are faked (not setImmediate/nextTick), so sockets run as usual and every timer is counted.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const host = await startWebHost({ core, port: 0, staticDir, tokens, log: memoryLogger(), heartbeatMs: 1000 });
  const ws = `${host.origin.replace('http', 'ws')}/ws?token=`;
  const pages = await Promise.all([
    WallSocket.open(`${ws}${tokens.screen}&role=screen&screen=A1`),
    WallSocket.open(`${ws}${tokens.console}&role=console`),
  ]);
  await Promise.all(pages.map((p) => p.event('state:snapshot')));
  expect(vi.getTimerCount()).toBeGreaterThan(0); // the heartbeat: the count below is a real check
  expect(openHandles().TCPServerWrap).toBeGreaterThan(before.TCPServerWrap);

  const closed = pages.map((p) => p.closed());
  await host.close();
  expect((await Promise.all(closed)).map((c) => c.code)).toEqual([1001, 1001]);
  await settle();
  expect(vi.getTimerCount()).toBe(0);
  expect(openHandles()).toEqual(before);
  fs.rmSync(staticDir, { recursive: true, force: true });
});
