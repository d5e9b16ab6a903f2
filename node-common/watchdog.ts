import http from 'node:http';
import https from 'node:https';
import type { Logger } from './log.js';
import { createNotifier, type Notifier } from './sd-notify.js';

// Feeds systemd's watchdog only while the process is well: the tick itself proves the event loop
// runs (a blocked loop never gets here, so systemd kills and restarts it), a late tick says it barely
// runs, and each check (screens answering, the HTTP server answering) must pass too.

/** Returns null when well, else why not (logged, and the watchdog is not fed). */
export type HealthCheck = () => string | null | Promise<string | null>;

export interface WatchdogOptions {
  notifier: Pick<Notifier, 'watchdog'>;
  intervalMs: number;
  checks: HealthCheck[];
  log: Logger;
  /** A tick later than this means the event loop is starved; default: one interval. */
  maxLagMs?: number;
  /** A check that has not answered within this is failed; default: half an interval. */
  checkTimeoutMs?: number;
  /** Who is fed, for the log: systemd's watchdog, or the app's own hang guard (electron/hang-guard/). */
  name?: string;
  now?: () => number;
}

export interface Watchdog {
  /** One round now (`lagMs`: how late the timer fired): runs the checks, feeds systemd if all pass. Returns the reasons withheld. */
  tick(lagMs?: number): Promise<string[]>;
  close(): void;
}

export function startWatchdog(options: WatchdogOptions): Watchdog {
  const { notifier, intervalMs, checks, log } = options;
  const now = options.now ?? Date.now;
  const maxLagMs = options.maxLagMs ?? intervalMs;
  const checkTimeoutMs = options.checkTimeoutMs ?? Math.max(1, Math.floor(intervalMs / 2));
  const name = options.name ?? 'the systemd watchdog';
  let expected = now() + intervalMs;
  let withheld = '';
  let running = false;
  let closed = false;

  const tick = async (lag = 0): Promise<string[]> => {
    const reasons: string[] = [];
    if (lag > maxLagMs) reasons.push(`event loop ${Math.round(lag)} ms late`);
    reasons.push(...(await Promise.all(checks.map((check) => runCheck(check, checkTimeoutMs)))).filter((r): r is string => r !== null));
    if (closed) return reasons;
    const key = reasons.join('; ');
    if (key !== withheld) {
      if (key) log.error(`not feeding ${name}: it restarts this process unless this clears`, { reasons });
      else log.info(`feeding ${name} again`);
      withheld = key;
    }
    if (reasons.length === 0) await notifier.watchdog();
    return reasons;
  };

  const round = (lag: number): void => {
    // A slow round (checks waiting for their timeout) must not overlap the next.
    if (running) return;
    running = true;
    void tick(lag).finally(() => {
      running = false;
    });
  };
  const timer = setInterval(() => {
    const lag = now() - expected;
    expected = now() + intervalMs;
    round(lag);
  }, intervalMs);
  timer.unref();
  // At once too: systemd may count the watchdog from the start, and starting took part of it.
  round(0);

  return {
    tick,
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`a health check did not answer within ${timeoutMs} ms`), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(check), late]);
  } catch (err) {
    return `a health check failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    clearTimeout(timer);
  }
}

/** The server at `url` answers an HTTP request (any status: it accepted and replied). */
export function httpAnswers(url: string, timeoutMs: number): HealthCheck {
  return () =>
    new Promise((resolve) => {
      // Its own server, on its own address: whether it answers is the question, not who it is, so a
      // certificate issued for the LAN name is not checked against the address used here.
      const client = url.startsWith('https:') ? https : http;
      const req = client.request(url, { method: 'HEAD', timeout: timeoutMs, agent: false, rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(null);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (err) => resolve(`${url} does not answer: ${err.message}`));
      req.end();
    });
}

/**
 * A plain-Node server's life under a service manager: READY=1 once serving, the watchdog fed while
 * the event loop runs and `url` answers HTTP, until SIGINT or SIGTERM; then STOPPING=1. The caller
 * closes its own resources after this resolves.
 */
export async function serveUntilStopped(o: { url: string; log: Logger }): Promise<void> {
  const notifier = createNotifier({ log: o.log.child('systemd') });
  const interval = notifier.watchdogIntervalMs;
  const watchdog = interval ? startWatchdog({ notifier, intervalMs: interval, checks: [httpAnswers(o.url, 5000)], log: o.log.child('watchdog') }) : null;
  await notifier.ready(o.url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  watchdog?.close();
  await notifier.stopping();
}
