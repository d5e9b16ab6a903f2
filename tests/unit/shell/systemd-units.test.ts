import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceLaunch } from '../../../electron/shell-policy/service-mode.js';

// The systemd units the deb installs (packaging/linux/): the directives that make a wall come back
// (Type=notify, a watchdog, Restart=always, journald), ExecStart on the paths electron-builder's deb
// really installs, and `systemd-analyze verify` on each where it exists. verify refuses an ExecStart
// that is not there, so it runs on a copy whose /opt lives in a temporary folder.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as { productName: string; linux: { executableName: string } };
const installDir = `/opt/${config.productName}`;
const binary = `${installDir}/${config.linux.executableName}`;
const DIR = 'packaging/linux';

type Unit = Map<string, Map<string, string[]>>;
function parseUnit(text: string): Unit {
  const unit: Unit = new Map();
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      unit.set(section, new Map());
      continue;
    }
    const eq = line.indexOf('=');
    const values = unit.get(section)!;
    const key = line.slice(0, eq);
    values.set(key, [...(values.get(key) ?? []), line.slice(eq + 1)]);
  }
  return unit;
}
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const get = (unit: Unit, section: string, key: string) => unit.get(section)?.get(key) ?? [];

const units = {
  'toan-canh.service': { scope: 'user' as const, script: null, wantedBy: 'graphical-session.target' },
  'toan-canh-web.service': { scope: 'system' as const, script: 'dist/web-main.cjs', wantedBy: 'multi-user.target' },
  'toan-canh-hub.service': { scope: 'system' as const, script: 'dist/hub-main.cjs', wantedBy: 'multi-user.target' },
};

describe.each(Object.entries(units))('%s', (name, want) => {
  const unit = parseUnit(read(name));

  it('is a notify service with a watchdog, always restarted, logging to journald', () => {
    expect(get(unit, 'Service', 'Type')).toEqual(['notify']);
    // The notifications come from a systemd-notify child, not from the main pid itself.
    expect(get(unit, 'Service', 'NotifyAccess')).toEqual(['all']);
    expect(get(unit, 'Service', 'Restart')).toEqual(['always']);
    expect(Number(get(unit, 'Service', 'WatchdogSec')[0])).toBeGreaterThanOrEqual(20);
    expect(get(unit, 'Service', 'StandardOutput')).toEqual(['journal']);
    expect(get(unit, 'Service', 'StandardError')).toEqual(['journal']);
    expect(get(unit, 'Install', 'WantedBy')).toEqual([want.wantedBy]);
  });

  it(`starts ${binary}, where electron-builder's deb installs the app`, () => {
    const exec = get(unit, 'Service', 'ExecStart');
    expect(exec).toHaveLength(1);
    expect(exec[0]!.startsWith(`"${binary}" `)).toBe(true);
    if (want.script) {
      // The binary runs the bundled service in its own main process (the RunAsNode fuse is off, so
      // ELECTRON_RUN_AS_NODE would start the wall app instead); build-main writes that bundle.
      expect(get(unit, 'Service', 'Environment').join(' ')).not.toContain('ELECTRON_RUN_AS_NODE');
      const args = exec[0]!.slice(`"${binary}" `.length).split(' ');
      const launched = serviceLaunch(args.filter((a) => !a.startsWith('$')));
      expect(launched.ok && launched.value?.bundle).toBe(want.script.replace('dist/', ''));
      expect(args).toContain('--ozone-platform=headless');
      expect(fs.readFileSync('scripts/build-main.mjs', 'utf8')).toContain(`'${want.script}'`);
      expect(get(unit, 'Service', 'UMask')).toEqual(['0077']);
      expect(get(unit, 'Service', 'StateDirectory')).toHaveLength(1);
      expect(exec[0]).toContain(`--db /var/lib/${get(unit, 'Service', 'StateDirectory')[0]}/`);
    } else {
      expect(exec[0]).toContain('--kiosk');
    }
  });
});

// ---- systemd-analyze verify -------------------------------------------------------------------
const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-units-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What `systemd-analyze verify` says about `text` (installed as `name`), with the app at a temporary /opt. */
function verify(name: string, text: string, scope: 'user' | 'system'): { status: number | null; problems: string[] } {
  const root = path.join(tmp, `${scope}-${Math.random().toString(36).slice(2)}`);
  const fakeBinary = path.join(root, binary);
  fs.mkdirSync(path.dirname(fakeBinary), { recursive: true });
  fs.writeFileSync(fakeBinary, '#!/bin/sh\n', { mode: 0o755 });
  const runtime = path.join(root, 'run');
  fs.mkdirSync(runtime, { mode: 0o700 });
  const file = path.join(root, name);
  fs.writeFileSync(file, text.replaceAll(`"${installDir}/`, `"${root}${installDir}/`));
  const args = [...(scope === 'user' ? ['--user'] : []), 'verify', file];
  const run = spawnSync('systemd-analyze', args, { encoding: 'utf8', env: { ...process.env, XDG_RUNTIME_DIR: runtime } });
  const problems = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => l.trim() !== '');
  return { status: run.status, problems };
}

describe('systemd-analyze verify', () => {
  const reason = 'systemd-analyze is not installed (apt-get install systemd)';
  it.skipIf(!analyze).each(Object.entries(units))(`accepts %s without a warning (skipped when ${reason})`, (name, want) => {
    expect(verify(name, read(name), want.scope)).toEqual({ status: 0, problems: [] });
  });

  it.skipIf(!analyze)(`reports a misspelt directive and a missing binary, so the check above can fail (skipped when ${reason})`, () => {
    const text = read('toan-canh-hub.service');
    expect(verify('toan-canh-hub.service', text.replace('WatchdogSec=', 'WatchdogSecs='), 'system').problems.join('\n')).toContain("Unknown key 'WatchdogSecs'");
    const missing = verify('toan-canh-hub.service', text.replaceAll(binary, `${installDir}/missing`), 'system');
    expect(missing.status).not.toBe(0);
    expect(missing.problems.join('\n')).toContain('is not executable');
  });
});

// ---- the deb's scripts ---------------------------------------------------------------------------
describe('the deb scripts that place the units', () => {
  const scripts = ['after-install.tpl', 'after-remove.tpl'];

  it.each(scripts)('%s uses only the macros electron-builder fills in, and is valid bash', (script) => {
    const text = read(script);
    const macros = new Set([...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]));
    expect([...macros].sort()).toEqual(['executable', 'sanitizedProductName']);
    const filled = text.replaceAll('${executable}', 'toan-canh').replaceAll('${sanitizedProductName}', config.productName);
    expect(spawnSync('bash', ['-n'], { input: filled }).status).toBe(0);
  });

  it('installs every unit where systemd looks, reloads systemd, and enables none', () => {
    const text = read('after-install.tpl');
    for (const [name, want] of Object.entries(units)) {
      expect(text).toContain(`"$UNITS/${name}" /usr/lib/systemd/${want.scope}/${name}`);
    }
    expect(text).toContain('systemctl daemon-reload');
    expect(text).not.toMatch(/systemctl (--\w+ )*enable/);
    // electron-builder's own steps are kept: the /usr/bin link and the sandbox helper's mode.
    expect(text).toContain("update-alternatives --install '/usr/bin/${executable}'");
    expect(text).toContain('chrome-sandbox');
  });

  it('removes every unit on remove and purge, not on upgrade', () => {
    const text = read('after-remove.tpl');
    for (const [name, want] of Object.entries(units)) expect(text).toContain(`/usr/lib/systemd/${want.scope}/${name}`);
    expect(text).toMatch(/case "\$1" in\s+remove\|purge\|0\)/);
  });
});
