// Before the tests: make sure the system tools they drive are here (Debian's Chromium for
// Playwright). Installs them with apt when we may, else says how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (missing.length === 0) process.exit(0);

const canApt = process.getuid?.() === 0 && onPath('apt-get');
if (!canApt) {
  console.error(`Tests need ${missing.join(' and ')}: install with "sudo apt-get install -y ${missing.join(' ')}" (Debian), or set CHROMIUM_PATH to a Chromium binary.`);
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} from apt for the end-to-end tests…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });

function onPath(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
