import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serviceLaunch } from '../../../electron/shell-policy/service-mode.js';

// With the RunAsNode fuse off the units cannot run the bundles as Node: the binary picks the service.
describe('serviceLaunch', () => {
  it('is the wall app without --service', () => {
    expect(serviceLaunch([])).toEqual({ ok: true, value: null });
    expect(serviceLaunch(['--kiosk', '--wall', 'w.json'])).toEqual({ ok: true, value: null });
  });

  it('runs the hub or the web host bundle with the options after it, Chromium switches left out', () => {
    expect(serviceLaunch(['--service=hub', '--ozone-platform=headless', '--port', '4290', '--no-sim'])).toEqual({
      ok: true,
      value: { service: 'hub', bundle: 'hub-main.cjs', args: ['--port', '4290', '--no-sim'] },
    });
    expect(serviceLaunch(['--no-sandbox', '--service', 'web', '--host', '0.0.0.0'])).toEqual({
      ok: true,
      value: { service: 'web', bundle: 'web-main.cjs', args: ['--host', '0.0.0.0'] },
    });
  });

  it('refuses an unknown service, and --service anywhere but first', () => {
    const unknown = serviceLaunch(['--service=shell']);
    expect(unknown.ok ? null : unknown.error.message).toMatch(/--service takes web or hub, not "shell"/);
    const late = serviceLaunch(['--kiosk', '--service=hub']);
    expect(late.ok ? null : late.error.message).toBe('--service=<web|hub> must be the first option');
  });

  it('is what the bundled entry uses, and build-main bundles that entry as the app\'s main', () => {
    expect(fs.readFileSync('electron/shell/entry.ts', 'utf8')).toContain('serviceLaunch(electronUserArgs(process.argv');
    expect(fs.readFileSync('scripts/build-main.mjs', 'utf8')).toContain("entryPoints: [at('electron/shell/entry.ts')]");
  });
});
