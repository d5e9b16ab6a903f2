// Bundles the Electron main process and the preload with esbuild (npm run build:main).
// main: dist/electron/main.cjs (Node, CommonJS; native and optional modules stay external).
// preload: dist/preload/preload.cjs, one file, since a sandboxed preload may require only 'electron'.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);

const common = { bundle: true, format: 'cjs', sourcemap: 'linked', legalComments: 'none', logLevel: 'warning', absWorkingDir: root };
const node = {
  platform: 'node',
  target: 'node20',
  // Native and optional modules stay outside the bundle.
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  // import.meta.url is empty in CommonJS; give modules that locate files by it the bundle's own URL.
  define: { 'import.meta.url': '__toanCanhImportMetaUrl' },
  banner: { js: "const __toanCanhImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...common,
  // entry.ts: the wall app (main.ts, loaded lazily) or one of the services below (--service=web|hub).
  entryPoints: [at('electron/shell/entry.ts')],
  outfile: at('dist/electron/main.cjs'),
  ...node,
  external: ['electron', ...node.external],
});

// The hang guard, run beside the app by Electron's utilityProcess (electron/shell/hang-guard.ts).
await build({
  ...common,
  entryPoints: [at('electron/hang-guard/main.ts')],
  outfile: at('dist/electron/hang-guard.cjs'),
  ...node,
});

// The web host and the hub for the packaged app's services (packaging/linux/): the Electron binary
// loads them in its main process with --service=web|hub (the RunAsNode fuse is off), with the same
// better-sqlite3 build. They sit at the top
// of dist/ because each finds the app root one folder above its own file, as its source does.
for (const [entry, out] of [['electron/web-main.ts', 'dist/web-main.cjs'], ['hub/main.ts', 'dist/hub-main.cjs']]) {
  await build({
    ...common,
    entryPoints: [at(entry)],
    outfile: at(out),
    ...node,
  });
}

await build({
  ...common,
  entryPoints: [at('preload/preload.ts')],
  outfile: at('dist/preload/preload.cjs'),
  platform: 'browser',
  target: 'chrome130',
  minify: true,
  external: ['electron'],
});

// A sandboxed preload gets a require() that knows 'electron' and little else: refuse anything more.
const preload = await readFile(at('dist/preload/preload.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const extra = [...new Set(required)].filter((name) => name !== 'electron');
if (extra.length > 0) {
  console.error(`build-main: the preload bundle requires ${extra.join(', ')}; a sandboxed preload may only require 'electron'`);
  process.exit(1);
}
console.log(`build-main: dist/electron/main.cjs, dist/electron/hang-guard.cjs, dist/web-main.cjs, dist/hub-main.cjs, dist/preload/preload.cjs (${Math.round(preload.length / 1024)} KiB)`);
