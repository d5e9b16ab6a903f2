// npm start: build, then the desktop app on the demo wall; where no Electron binary is installed
// (ELECTRON_SKIP_BINARY_DOWNLOAD), the web host instead, so the same wall opens in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const extra = process.argv.slice(2);
const demoWall = ['--wall', 'config/walls/demo-2x2.json'];
const wallArgs = extra.some((a) => a === '--wall' || a.startsWith('--wall=')) ? [] : demoWall;

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary was not downloaded.
    const found = require('electron');
    return typeof found === 'string' ? found : null;
  } catch {
    return null;
  }
}

function buildAll() {
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm, 'run', '--silent', 'build']] : ['npm', ['run', '--silent', 'build']];
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: !npm && process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('start: the build failed (see above); nothing was started');
    process.exit(result.status ?? 1);
  }
}

/** Run a child with our terminal; it gets SIGINT/SIGTERM once, from us, and we exit with its code. */
function run(cmd, args, env) {
  // Its own process group on POSIX, so Ctrl+C reaches it once (forwarded) rather than twice.
  const detached = process.platform !== 'win32';
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env, detached });
  const forward = (signal) => {
    if (detached && child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (err) => {
    console.error(`start: could not run ${cmd}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
}

buildAll();
const electron = electronBinary();
if (electron) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, ['dist/electron/main.cjs', ...wallArgs, ...extra], env);
} else {
  console.log('Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); starting the web host instead — open the URLs below in a browser.');
  // The bundle the build just made, not the sources through tsx: loading those cost the host ~1.6 s more
  // CPU before it listened (docs/benchmarks.md, "Cold start").
  run(process.execPath, ['dist/web-main.cjs', ...wallArgs, ...extra], process.env);
}
