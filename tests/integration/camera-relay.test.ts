import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import { backendFromEnv, startBackend, type RunningBackend } from '../../electron/hub-link/backend-setup.js';
import { isRelayedCameraPath } from '../../electron/hub-link/camera-relay.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { memoryLogger } from '../../node-common/log.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host.js';
import { pageCookieName, pageCookieValue } from '../../electron/web-host/page-cookie.js';
import { createWebTokens } from '../../electron/web-host/web-tokens.js';
import { startCameraServer } from '../../hub/cameras/server.js';
import { DEFAULT_MEDIA_DIR } from '../../hub/cameras/simulator.js';

// The wall's hosts serve the hub's simulated cameras on their own origin (/cameras/…), so the demo's
// camera panels need no URL and the page's CSP no extra origin.

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const node = { nodeId: 'test-node', allowLocalActivation: false };
const tokens = createWebTokens();

/** A request from one of the wall's screen pages: it carries the page cookie its token was exchanged for. */
function fromPage(host: WebHost, pathname: string): Promise<Response> {
  return fetch(`${host.origin}${pathname}`, { headers: { Cookie: `${pageCookieName('screen', Number(new URL(host.origin).port))}=${pageCookieValue(tokens.screen)}` } });
}

async function wallWith(backend: Parameters<typeof startBackend>[1]['backend']): Promise<{ host: WebHost; running: RunningBackend; hub: () => RunningHub }> {
  const log = memoryLogger();
  const core = new WallCore({ wall, layout, log });
  let hub: RunningHub | null = null;
  const embedHub = async (o: Parameters<typeof startHub>[0]) => (hub = await startHub(o));
  const running = await startBackend(core, { backend, node }, { log, embedHub, connectWithinMs: 0 });
  cleanup.push(() => running.close());
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cam-relay-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>index</title>');
  const host = await startWebHost({ core, port: 0, staticDir, tokens, log, heartbeatMs: 1000, cameras: running.cameras });
  cleanup.push(async () => {
    await host.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });
  return { host, running, hub: () => hub! };
}

function embedded(dir: string, camerasDir: string | null) {
  return { kind: 'embedded' as const, port: 0, dbFile: path.join(dir, 'hub.db'), scenariosDir: 'config/scenarios', simulate: null, camerasDir };
}

describe('camera streams on the wall host’s own origin', () => {
  it('the embedded hub’s simulated cameras play through the web host: live playlist, then its newest segment', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cam-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const { host, running, hub } = await wallWith(embedded(dir, DEFAULT_MEDIA_DIR));
    expect(running.camerasUrl).toBe(running.hub!.url);
    // Issue 14: not for anyone on the network: a page's cookie or a page token, else 401 saying so.
    const refused = await fetch(`${host.origin}/cameras/de-huu-ngan/live.m3u8`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Camera streams are only for the wall');
    expect((await fetch(`${host.origin}/cameras/de-huu-ngan/live.m3u8?token=wrong`)).status).toBe(401);
    expect((await fetch(`${host.origin}/cameras/de-huu-ngan/live.m3u8?token=${tokens.screen}`)).status).toBe(200);

    const playlist = await fromPage(host, `/cameras/de-huu-ngan/live.m3u8`);
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const text = await playlist.text();
    expect(text).toMatch(/#EXT-X-PROGRAM-DATE-TIME:/);
    const segment = text.split('\n').filter((l) => l.startsWith('live-')).at(-1)!;
    const bytes = Buffer.from(await (await fromPage(host, `/cameras/de-huu-ngan/${segment}`)).arrayBuffer());
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    // The hub itself answers the same path.
    expect((await fetch(`${running.hub!.url}/cameras/de-huu-ngan/live.m3u8`)).status).toBe(200);

    expect((await fromPage(host, `/cameras/no-such-camera/live.m3u8`)).status).toBe(404);
    // A camera switched off on the hub is off through the host too.
    hub().cameras!.setCameraState('de-huu-ngan', 'offline-404');
    expect((await fromPage(host, `/cameras/de-huu-ngan/live.m3u8`)).status).toBe(404);
  });

  it('a remote hub’s cameras are relayed; a hub that does not answer drops the connection, as a dead camera does', async () => {
    const cams = await startCameraServer({ mediaDir: DEFAULT_MEDIA_DIR });
    let open = true;
    cleanup.push(() => (open ? cams.close() : undefined));
    const { host, running } = await wallWith({ kind: 'remote', urls: [cams.origin], token: 'x'.repeat(20) });
    expect(running.camerasUrl).toBe(cams.origin);
    const res = await fromPage(host, `/cameras/ubnd-tinh/live.m3u8`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^#EXTM3U/);
    const list = (await (await fromPage(host, `/cameras`)).json()) as Array<{ id: string }>;
    expect(list.map((c) => c.id)).toContain('ubnd-tinh');
    expect((await fromPage(host, `/cameras/ubnd-tinh/..%2f..%2fetc`)).status).toBe(404);

    await cams.close();
    open = false;
    await expect(fromPage(host, `/cameras/ubnd-tinh/live.m3u8`)).rejects.toThrow();
  });

  it('without a hub, a camera path says why there is no stream and how to get one', async () => {
    const { host, running } = await wallWith({ kind: 'off' });
    expect(running.camerasUrl).toBeNull();
    const res = await fromPage(host, `/cameras/de-huu-ngan/live.m3u8`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/no camera source.*TOAN_CANH_HUB=off[\s\S]*webOrigins\.cameras/);
  });

  it('an embedded hub without simulated cameras says so too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cam-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const { host, running } = await wallWith(embedded(dir, null));
    expect(running.camerasUrl).toBeNull();
    expect(await (await fromPage(host, `/cameras/de-huu-ngan/live.m3u8`)).text()).toMatch(/TOAN_CANH_SIMULATE=0/);
  });

  it('a clip folder that is missing stops the hub with its name and the fix', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-cam-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const log = memoryLogger();
    const core = new WallCore({ wall, layout, log });
    await expect(startBackend(core, { backend: embedded(dir, path.join(dir, 'nowhere')), node }, { log, embedHub: startHub, connectWithinMs: 0 })).rejects.toThrow(/nowhere does not exist.*make-camera-clips/);
  });

  it('the embedded hub simulates cameras along with the data feeds, both off with TOAN_CANH_SIMULATE=0', () => {
    const defaults = { dataDir: '/tmp/x', scenariosDir: 'config/scenarios', wallId: 'demo-2x2', camerasDir: 'assets/media/cameras' };
    expect(backendFromEnv({}, defaults).backend).toMatchObject({ kind: 'embedded', camerasDir: 'assets/media/cameras' });
    expect(backendFromEnv({ TOAN_CANH_SIMULATE: '0' }, defaults).backend).toMatchObject({ kind: 'embedded', camerasDir: null, simulate: null });
  });

  it('relays only the list and one camera’s plain file names', () => {
    expect(isRelayedCameraPath('/cameras')).toBe(true);
    expect(isRelayedCameraPath('/cameras/cau-song-han/live.m3u8')).toBe(true);
    expect(isRelayedCameraPath('/cameras/cau-song-han-fmp4/init.mp4')).toBe(true);
    expect(isRelayedCameraPath('/cameras/cau-song-han/../../api')).toBe(false);
    expect(isRelayedCameraPath('/cameras/a/b/c.ts')).toBe(false);
    expect(isRelayedCameraPath('/cameras/Cau/live.m3u8')).toBe(false);
    expect(isRelayedCameraPath('/api/scenarios')).toBe(false);
  });
});
