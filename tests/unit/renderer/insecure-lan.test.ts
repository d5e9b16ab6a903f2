import { describe, expect, it } from 'vitest';
import { insecureOnLan } from '../../../renderer/console/insecure-on-lan.js';
import { consoleEn } from '../../../renderer/i18n/console-en.js';
import { consoleVi } from '../../../renderer/i18n/console-vi.js';

// The console warns when it was opened in cleartext from another machine (a host run with --insecure-lan).
describe('insecureOnLan', () => {
  it('is true for http: to a LAN address or name, false on loopback, over HTTPS and in the Electron app', () => {
    expect(insecureOnLan({ protocol: 'http:', hostname: '10.0.0.5' })).toBe(true);
    expect(insecureOnLan({ protocol: 'http:', hostname: 'wall.ioc.local' })).toBe(true);
    expect(insecureOnLan({ protocol: 'http:', hostname: '127.0.0.1' })).toBe(false);
    expect(insecureOnLan({ protocol: 'http:', hostname: 'localhost' })).toBe(false);
    expect(insecureOnLan({ protocol: 'http:', hostname: '[::1]' })).toBe(false);
    expect(insecureOnLan({ protocol: 'https:', hostname: '10.0.0.5' })).toBe(false);
    expect(insecureOnLan({ protocol: 'app:', hostname: 'toancanh' })).toBe(false);
  });

  it('says what to do, in both languages', () => {
    expect(consoleVi['security.insecureLan']).toContain('--tls-cert');
    expect(consoleEn['security.insecureLan']).toContain('--tls-cert');
  });
});
