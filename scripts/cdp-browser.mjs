// Debian's Chromium driven over the DevTools protocol directly, for benchmarks that measure memory over
// minutes or hours. Playwright enables the Network domain on every page it drives, and DevTools then keeps
// each response body in the page's renderer for the inspector (up to its buffer's cap): a page of live
// cameras grew by ~45 MiB a minute that way, memory no wall screen has. Pages here enable only Runtime
// (console errors and evaluation) and Page; callers add Performance or HeapProfiler as they need.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One Chromium; `newPage` opens a page in its own window and browser context (as one screen PC would have). */
export async function launchBrowser({ executablePath, args, windowSize = { width: 1920, height: 1080 } }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-bench-chromium-'));
  const child = spawn(executablePath, ['--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${windowSize.width},${windowSize.height}`, ...args, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port in 30 s: ${err.slice(-500)}`)), 30_000);
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-5000);
      const m = /DevTools listening on (ws:\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err.slice(-500)}`)));
  });
  child.stderr.resume(); // keep draining: a full pipe would block Chromium's logging
  const ws = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let nextId = 0;
  const waiting = new Map();
  /** sessionId → the page's list of problems (uncaught exceptions, console errors). */
  const problemsOf = new Map();
  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw));
    if (msg.id !== undefined) {
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) w?.reject(new Error(`${w.method}: ${msg.error.message}`));
      else w?.resolve(msg.result);
      return;
    }
    const problems = problemsOf.get(msg.sessionId);
    if (!problems) return;
    if (msg.method === 'Runtime.exceptionThrown') {
      problems.push(`uncaught: ${msg.params.exceptionDetails.exception?.description ?? msg.params.exceptionDetails.text}`);
    } else if (msg.method === 'Runtime.consoleAPICalled' && (msg.params.type === 'error' || (msg.params.type === 'warning' && problems.warnings))) {
      problems.push(msg.params.args.map((a) => a.value ?? a.description ?? '').join(' '));
    }
  });
  const raw = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      if (ws.readyState !== WebSocket.OPEN) return reject(new Error(`${method}: the DevTools connection is closed`));
      const id = ++nextId;
      waiting.set(id, { resolve, reject, method });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  /** `warnings`: console warnings count as problems too, not only errors. */
  async function newPage({ url, viewport, warnings = false }) {
    const { browserContextId } = await raw('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await raw('Target.createTarget', { url: 'about:blank', browserContextId, newWindow: true });
    const { sessionId } = await raw('Target.attachToTarget', { targetId, flatten: true });
    const problems = Object.assign([], { warnings });
    problemsOf.set(sessionId, problems);
    const send = (method, params) => raw(method, params, sessionId);
    await send('Runtime.enable');
    await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
    await send('Page.enable');
    await send('Page.navigate', { url });

    /** Runs `fn(arg)` in the page and returns its (awaited, JSON) value. */
    async function evaluate(fn, arg) {
      const { result, exceptionDetails } = await send('Runtime.evaluate', { expression: `(${fn})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    }

    return {
      problems,
      send,
      evaluate,
      /** Until `fn(arg)` is truthy in the page; false after `timeout` ms. Navigation in progress counts as not yet. */
      async waitFor(fn, arg, { timeout = 30_000, polling = 250 } = {}) {
        const end = Date.now() + timeout;
        while (Date.now() < end) {
          if (await evaluate(fn, arg).catch(() => false)) return true;
          await sleep(polling);
        }
        return false;
      },
    };
  }

  return {
    pid: child.pid,
    newPage,
    async close() {
      ws.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      // Its helper processes may still be writing as they exit: retry, and never fail a run over a temp folder.
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (err) {
        console.warn(`left Chromium's temporary profile at ${profile}: ${err.message}`);
      }
    },
  };
}
