import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder.yml cannot be exercised here (packaging downloads Electron), so check what
// matters: it is valid for electron-builder's own schema, ships the files the app loads, and unpacks
// the native module. js-yaml, minimatch and app-builder-lib come with electron-builder.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as { minimatch(path: string, pattern: string, options?: { dot?: boolean }): boolean };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  extraMetadata: { main: string };
  linux: { target: string[]; extraFiles: Array<{ from: string; to: string; filter: string[] }> };
  deb: { afterInstall: string; afterRemove: string };
  win: { target: string[] };
  nsis: { include: string; perMachine: boolean };
  electronFuses?: Record<string, boolean>;
}
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { main: string };

/** electron-builder's files rule: included by some pattern, not excluded by a later "!" one. */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) included = true;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('flips the fuses that stop the binary being used as a Node runtime or loading code from outside its asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // With runAsNode off, ELECTRON_RUN_AS_NODE does nothing: no unit may rely on it.
    for (const unit of fs.readdirSync('packaging/linux').filter((f) => f.endsWith('.service'))) {
      expect(fs.readFileSync(`packaging/linux/${unit}`, 'utf8'), unit).not.toContain('ELECTRON_RUN_AS_NODE');
    }
  });

  it('names the app', () => {
    expect(config.appId).toBe('vn.toancanh.app');
    expect(config.productName).toBe('Toàn Cảnh');
  });

  it('starts the bundled main process that build-main writes', () => {
    expect(config.extraMetadata.main).toBe('dist/electron/main.cjs');
    expect(pkg.main).toBe(config.extraMetadata.main);
    const buildScript = fs.readFileSync('scripts/build-main.mjs', 'utf8');
    expect(buildScript).toContain("outfile: at('dist/electron/main.cjs')");
    expect(buildScript).toContain("outfile: at('dist/preload/preload.cjs')");
  });

  it('ships the bundles, the renderer, the wall configs and package.json, but no source maps or sources', () => {
    for (const file of ['dist/electron/main.cjs', 'dist/web-main.cjs', 'dist/hub-main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js', 'config/walls/demo-2x2.json', 'config/layouts/demo-2x2-normal.json', 'assets/media/cameras/de-huu-ngan/seg0.ts', 'package.json']) {
      expect(packaged(file), file).toBe(true);
    }
    for (const file of ['dist/electron/main.cjs.map', 'electron/shell/main.ts', 'renderer/main.tsx', 'tests/unit/x.test.ts']) {
      expect(packaged(file), file).toBe(false);
    }
  });

  it('unpacks better-sqlite3\'s native binding from the asar', () => {
    const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(config.asarUnpack.some((pattern) => minimatch(binding, pattern))).toBe(true);
    expect(config.asarUnpack.some((pattern) => minimatch('node_modules/better-sqlite3/lib/index.js', pattern))).toBe(false);
  });

  it('builds AppImage and deb for Linux, an NSIS installer for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('ships the systemd units to /opt/…/systemd, where the deb\'s after-install takes them from', () => {
    const units = fs.readdirSync('packaging/linux').filter((f) => f.endsWith('.service'));
    expect(units.sort()).toEqual(['toan-canh-hub.service', 'toan-canh-web.service', 'toan-canh.service']);
    const shipped = config.linux.extraFiles.find((e) => e.from === 'packaging/linux');
    expect(shipped).toEqual({ from: 'packaging/linux', to: 'systemd', filter: ['*.service'] });
    for (const unit of units) expect(shipped!.filter.some((pattern) => minimatch(unit, pattern))).toBe(true);
    expect(config.deb).toEqual({ afterInstall: 'packaging/linux/after-install.tpl', afterRemove: 'packaging/linux/after-remove.tpl' });
    for (const script of Object.values(config.deb)) expect(fs.existsSync(script), script).toBe(true);
    expect(fs.readFileSync(config.deb.afterInstall, 'utf8')).toContain("UNITS='/opt/${sanitizedProductName}/systemd'");
  });

  it('starts the app at logon on Windows, from the per-machine installer, and forgets it on uninstall', () => {
    expect(config.nsis.perMachine).toBe(true);
    const script = fs.readFileSync(config.nsis.include, 'utf8');
    const key = '"Software\\Microsoft\\Windows\\CurrentVersion\\Run" "ToanCanh"';
    expect(script).toMatch(/!macro customInstall\s+WriteRegStr HKLM /);
    expect(script).toContain(`WriteRegStr HKLM ${key} '"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" --kiosk'`);
    expect(script).toMatch(/!macro customUnInstall\s+DeleteRegValue HKLM /);
    expect(script).toContain(`DeleteRegValue HKLM ${key}`);
  });
});
