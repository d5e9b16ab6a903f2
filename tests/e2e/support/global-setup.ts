import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Build the renderer once, only when a source is newer than the last build.
const SOURCES = ['renderer', 'common', 'assets/map', 'vite.config.ts'];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

export default function globalSetup(): void {
  const built = path.resolve('dist/renderer/index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map((s) => newestMtime(path.resolve(s))))) return;
  console.log('e2e: building the renderer (vite build)…');
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
