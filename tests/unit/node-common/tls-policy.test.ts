import { describe, expect, it } from 'vitest';
import { backendFromEnv } from '../../../electron/hub-link/backend-setup.js';
import { parseCliArgs } from '../../../electron/startup/cli-args.js';
import { bindAllowed, isLoopback } from '../../../node-common/tls.js';

// Where cleartext is allowed: loopback only, unless the operator says --insecure-lan (or, for a node's
// hub, TOAN_CANH_HUB_INSECURE=1) in so many words.
describe('TLS policy', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'wall.ioc.local', '128.0.0.1']) expect(isLoopback(h), h).toBe(false);
  });

  it('binds beyond loopback only with TLS or --insecure-lan, and the refusal names the flags', () => {
    expect(bindAllowed({ host: '127.0.0.1', tls: null, what: 'the web host' })).toEqual({ ok: true, value: { insecure: false } });
    const refused = bindAllowed({ host: '0.0.0.0', tls: null, what: 'the web host' });
    expect(refused.ok ? null : refused.error.message).toMatch(/^the web host will not listen on 0\.0\.0\.0 without TLS.*--tls-cert <cert\.pem> --tls-key <key\.pem>.*--insecure-lan/);
    expect(bindAllowed({ host: '10.0.0.5', tls: null, insecureLan: true, what: 'the hub' })).toEqual({ ok: true, value: { insecure: true } });
  });

  it('reads --tls-cert, --tls-key, --hub-ca, --allowed-origin and --insecure-lan', () => {
    const parsed = parseCliArgs(['--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key=k.pem', '--hub-ca', 'ca.pem', '--allowed-origin', 'https://wall.ioc.local,https://10.0.0.5:4280', '--insecure-lan']);
    expect(parsed).toMatchObject({ ok: true, value: { 'tls-cert': 'c.pem', 'tls-key': 'k.pem', 'hub-ca': 'ca.pem', 'allowed-origin': ['https://wall.ioc.local', 'https://10.0.0.5:4280'], 'insecure-lan': true } });
    const bad = parseCliArgs(['--allowed-origin', 'https://wall.ioc.local/console']);
    expect(bad.ok ? null : bad.error.message).toMatch(/--allowed-origin takes origins like/);
  });

  it('a node refuses a cleartext hub beyond loopback, and reads the hub\'s CA file', () => {
    const defaults = { dataDir: '/tmp', scenariosDir: 'config/scenarios' };
    expect(() => backendFromEnv({ TOAN_CANH_HUB: 'http://10.0.0.9:4290', TOAN_CANH_HUB_TOKEN: 't' }, defaults)).toThrow(/cleartext on the network.*--hub-ca/);
    expect(backendFromEnv({ TOAN_CANH_HUB: 'http://10.0.0.9:4290', TOAN_CANH_HUB_TOKEN: 't', TOAN_CANH_HUB_INSECURE: '1' }, defaults).backend.kind).toBe('remote');
    expect(backendFromEnv({ TOAN_CANH_HUB: 'http://127.0.0.1:4290', TOAN_CANH_HUB_TOKEN: 't' }, defaults).backend.kind).toBe('remote');
    expect(() => backendFromEnv({ TOAN_CANH_HUB: 'https://hub.ioc.local', TOAN_CANH_HUB_TOKEN: 't', TOAN_CANH_HUB_CA: '/nonexistent/ca.crt' }, defaults)).toThrow(/cannot read the hub's CA file/);
    expect(() => backendFromEnv({ TOAN_CANH_HUB: 'https://hub.ioc.local', TOAN_CANH_HUB_TOKEN: 't' }, { ...defaults, hubCa: 'package.json' })).toThrow(/holds no PEM certificate/);
  });
});
