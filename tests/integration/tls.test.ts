import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { startWebHost } from '../../electron/web-host/web-host.js';
import { createWebTokens } from '../../electron/web-host/web-tokens.js';
import { memoryLogger } from '../../node-common/log.js';
import { loadTls, type TlsIdentity } from '../../node-common/tls.js';
import { testHub, testNode, until } from '../support/hub-fixture.js';
import { makeTestTls, opensslMissing, type TestTls } from '../support/test-tls.js';
import { WallSocket } from '../support/wall-socket.js';

// Item 1 of issue 14: beyond loopback the web host and the hub speak TLS or refuse to start (unless
// --insecure-lan), and a node checks its hub's certificate against the centre's CA.

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

let pki: TestTls;
let identity: TlsIdentity;
beforeAll(() => {
  if (opensslMissing) return;
  pki = makeTestTls();
  const loaded = loadTls({ cert: pki.certFile, key: pki.keyFile });
  if (!loaded.ok || !loaded.value) throw new Error('test certificate did not load');
  identity = loaded.value;
}, 30_000);
afterAll(() => pki?.remove());

function get(url: string, ca?: Buffer): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    https.get(url, { ...(ca ? { ca } : {}) }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

async function webHost(options: Partial<Parameters<typeof startWebHost>[0]> = {}) {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-tls-web-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>index</title>');
  const log = memoryLogger();
  const core = new WallCore({ wall, layout, log });
  const tokens = createWebTokens();
  const host = await startWebHost({ core, port: 0, staticDir, tokens, log, ...options });
  cleanup.push(() => fs.rmSync(staticDir, { recursive: true, force: true }), () => host.close());
  return { host, tokens, log, core };
}

describe.skipIf(opensslMissing)(`TLS (skipped when ${opensslMissing})`, () => {
  it('the web host serves HTTPS with HSTS and WSS, with a certificate from the centre\'s CA', async () => {
    const { host, tokens, core } = await webHost({ tls: identity });
    expect(host.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(host.urls.console.startsWith('https://')).toBe(true);
    const page = await get(host.urls.console, pki.ca);
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
    const ws = await WallSocket.open(`${host.origin.replace('https', 'wss')}/ws?token=${tokens.console}&role=console`, { Origin: host.origin }, pki.ca);
    cleanup.push(() => ws.close());
    expect((await ws.event('state:snapshot')).payload).toEqual(core.state);
    // A client that does not trust the centre's CA is not talked into it.
    await expect(get(host.urls.console)).rejects.toThrow(/self[- ]signed|unable to verify|unable to get local issuer/);
  });

  it('refuses to listen beyond loopback without TLS, naming the flags; --insecure-lan says so in the log', async () => {
    await expect(webHost({ host: '0.0.0.0' })).rejects.toThrow(/--tls-cert .*--tls-key .*--insecure-lan/);
    const { host, log } = await webHost({ host: '0.0.0.0', insecureLan: true });
    expect(host.origin.startsWith('http://')).toBe(true);
    expect(log.lines.some((l) => l.level === 'warn' && /cleartext on the network/.test(l.msg))).toBe(true);
    const secure = await webHost({ host: '0.0.0.0', tls: identity });
    expect(secure.host.origin.startsWith('https://')).toBe(true);
  });

  it('`npm run web -- --host 0.0.0.0` without TLS exits 2 with a message naming --tls-cert, --tls-key and --insecure-lan', () => {
    const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tc-tls-cli-')), 'w.db');
    const run = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['electron/web-main.ts', '--host', '0.0.0.0', '--port', '0', '--db', db], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the web host will not listen on 0.0.0.0 without TLS');
    for (const flag of ['--tls-cert', '--tls-key', '--insecure-lan']) expect(run.stderr).toContain(flag);
    expect(fs.existsSync(db)).toBe(false);
  }, 60_000);

  it('the hub serves HTTPS/WSS; a node that has the CA links to it, one without it does not', async () => {
    await expect(testHub({ host: '0.0.0.0' })).rejects.toThrow(/the hub will not listen on 0.0.0.0 without TLS.*--tls-cert/);
    const hub = await testHub({ tls: identity });
    cleanup.push(() => hub.close());
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await get(`${hub.url}/api/health`, pki.ca);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000');

    const trusting = testNode(hub.url, { ca: pki.ca });
    cleanup.push(() => trusting.close());
    await until('linked over TLS', () => trusting.core.state.backend?.state === 'connected', 15_000);

    const stranger = testNode(hub.url, { nodeId: 'node-2' });
    cleanup.push(() => stranger.close());
    await until('refused the unknown certificate', () => stranger.log.lines.some((l) => l.msg === 'hub connection failed'), 15_000);
    expect(stranger.core.state.backend?.state).not.toBe('connected');
  }, 40_000);

  it('loadTls names a missing half and a key that is not the certificate\'s', () => {
    const half = loadTls({ cert: pki.certFile });
    expect(half.ok ? null : half.error.message).toMatch(/--tls-key is missing/);
    const wrong = loadTls({ cert: pki.caFile, key: pki.keyFile });
    expect(wrong.ok ? null : wrong.error.message).toMatch(/not a PEM certificate and its private key/);
  });
});
