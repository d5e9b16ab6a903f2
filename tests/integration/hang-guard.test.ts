import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive, waitForExit, WAIT_FOR_PID_ENV } from '../../electron/shell-policy/hang-guard.js';
import { RELAUNCH_ENV } from '../../electron/shell-policy/restart-policy.js';
import { until } from '../support/hub-fixture.js';

// The hang guard as a real process (forked, as Electron's utilityProcess would start it) beside a
// fake app that beats and then hangs its event loop for good: the guard must start the app again (told
// to wait for the hung pid) and end the hung one; while beats come it must leave the app alone.

const root = path.resolve(import.meta.dirname, '..', '..');
const guardMain = path.join(root, 'electron', 'hang-guard', 'main.ts');
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A fake app: starts the guard, beats every 100 ms, and on 'hang' blocks its event loop until killed. */
function fakeApp(dir: string, env: NodeJS.ProcessEnv = {}) {
  const marker = path.join(dir, 'relaunched.json');
  const relaunch = path.join(dir, 'relaunch.cjs');
  fs.writeFileSync(relaunch, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, JSON.stringify({ wait: process.env.${WAIT_FOR_PID_ENV}, history: process.env.${RELAUNCH_ENV}, argv: process.argv.slice(2) }));\n`);
  const app = path.join(dir, 'app.cjs');
  fs.writeFileSync(
    app,
    `const { fork } = require('node:child_process');
const config = { appPid: process.pid, execPath: process.execPath, args: [${JSON.stringify(relaunch)}, '--kiosk'], cwd: ${JSON.stringify(dir)}, timeoutMs: 1000, checkMs: 100, logDir: ${JSON.stringify(dir)} };
const guard = fork(${JSON.stringify(guardMain)}, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }); // its lines are read from hang-guard.log
process.send({ guard: guard.pid });
const beat = setInterval(() => guard.send({ type: 'beat' }), 100);
process.on('message', (m) => {
  if (m === 'hang') { clearInterval(beat); setTimeout(() => { for (;;) {} }, 0); }
  if (m === 'quit') { clearInterval(beat); guard.send({ type: 'stop' }); guard.once('exit', () => process.exit(0)); }
});
`,
  );
  const child = fork(app, [], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  started.push(child);
  const log = path.join(dir, 'hang-guard.log');
  // Ready once it says so in its log (loading it through tsx takes seconds on a busy box).
  const guardPid = new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { guard: number }).guard))).then(async (pid) => {
    await until('the guard to start', () => fs.existsSync(log) && fs.readFileSync(log, 'utf8').includes('watching Toàn Cảnh'), 20_000);
    return pid;
  });
  return { child, marker, guardPid };
}


describe('the hang guard', () => {
  it('starts a hung app again, told to wait for the old pid, and ends the hung one', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-guard-'));
    const { child, marker, guardPid } = fakeApp(dir);
    const guard = await guardPid;
    // Beating: left alone for well past the timeout.
    await new Promise((r) => setTimeout(r, 2500));
    expect(isAlive(child.pid!)).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);
    child.send('hang');
    await until('the relaunch', () => fs.existsSync(marker), 20_000);
    expect(await waitForExit(child.pid!, 10_000)).toBe(true);
    const relaunched = JSON.parse(fs.readFileSync(marker, 'utf8')) as { wait: string; history: string; argv: string[] };
    expect(relaunched.wait).toBe(String(child.pid));
    expect(relaunched.history.split(',')).toHaveLength(1);
    expect(relaunched.argv).toEqual(['--kiosk']);
    expect(await waitForExit(guard, 10_000)).toBe(true);
    const lines = fs.readFileSync(path.join(dir, 'hang-guard.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; action?: string });
    expect(lines.at(-1)).toMatchObject({ action: 'relaunch' });
    expect(lines.at(-1)!.msg).toMatch(/has not answered for \d+ s: ending it/);
  });

  it('ends a hung app without starting it again after too many relaunches, and says why', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-guard-'));
    const now = Date.now();
    const { child, marker, guardPid } = fakeApp(dir, { [RELAUNCH_ENV]: [1, 2, 3, 4, 5].map((k) => now - k * 1000).join(',') });
    await guardPid;
    child.send('hang');
    expect(await waitForExit(child.pid!, 20_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'hang-guard.log'), 'utf8')).toContain('not starting Toàn Cảnh again');
  });

  it('leaves with the app on a clean quit', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-guard-'));
    const { child, marker, guardPid } = fakeApp(dir);
    const guard = await guardPid;
    child.send('quit');
    expect(await waitForExit(guard, 10_000)).toBe(true);
    expect(await waitForExit(child.pid!, 10_000)).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);
  });
});
