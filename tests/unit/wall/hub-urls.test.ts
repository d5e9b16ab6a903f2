import { describe, expect, it } from 'vitest';
import { backendFromEnv } from '../../../electron/hub-link/backend-setup.js';

// TOAN_CANH_HUB with several hubs (sharing one store): the order kept, every URL checked, errors naming the variable.
const defaults = { dataDir: '/tmp', scenariosDir: 'config/scenarios' };
const remote = (hub: string, extra: Record<string, string> = {}) => backendFromEnv({ TOAN_CANH_HUB: hub, TOAN_CANH_HUB_TOKEN: 't', ...extra }, defaults).backend;

describe('TOAN_CANH_HUB with several hub URLs', () => {
  it('keeps one URL as before and several in the order given', () => {
    expect(remote('http://127.0.0.1:4290')).toMatchObject({ kind: 'remote', urls: ['http://127.0.0.1:4290'] });
    expect(remote('https://hub-b.ioc.local:4290, https://hub-a.ioc.local:4290/')).toMatchObject({ kind: 'remote', urls: ['https://hub-b.ioc.local:4290', 'https://hub-a.ioc.local:4290'] });
  });

  it('names the variable and what is wrong', () => {
    expect(() => remote('https://hub-a.ioc.local,hub-b:4290')).toThrow(/^TOAN_CANH_HUB must be .*not "https:\/\/hub-a\.ioc\.local,hub-b:4290": \[1\]: must be the hub's http\(s\) URL/);
    expect(() => remote('https://hub-a.ioc.local,https://hub-a.ioc.local/')).toThrow(/TOAN_CANH_HUB.*listed twice/);
    expect(() => remote(',')).toThrow(/TOAN_CANH_HUB must be/);
  });

  it('refuses cleartext to any of them beyond loopback', () => {
    expect(() => remote('https://hub-a.ioc.local,http://10.0.0.9:4290')).toThrow(/TOAN_CANH_HUB=http:\/\/10\.0\.0\.9:4290 is cleartext/);
    expect(remote('http://10.0.0.8:4290,http://10.0.0.9:4290', { TOAN_CANH_HUB_INSECURE: '1' })).toMatchObject({ urls: ['http://10.0.0.8:4290', 'http://10.0.0.9:4290'] });
  });
});
