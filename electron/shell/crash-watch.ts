import type { BrowserWindow } from 'electron';
import type { CrashDecision, CrashPolicy } from '../shell-policy/crash-policy.js';
import type { Logger } from '../../node-common/log.js';

// Applies the crash policy to one window: reload a dead page after the policy's delay, end a hung
// renderer after its grace period (its death then decides the reload), give up when told to.

export interface CrashWatch {
  window: BrowserWindow;
  /** "screen A1" or "console": for logs and the console's problem list. */
  label: string;
  url: string;
  policy: CrashPolicy;
  log: Logger;
  gaveUp: (reason: string) => void;
  /** True while the app quits: windows dying then are not reloaded. */
  quitting: () => boolean;
}

export function watchCrashes({ window, label, url, policy, log, gaveUp, quitting }: CrashWatch): void {
  const contents = window.webContents;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!window.isDestroyed() && !quitting()) run();
    }, ms);
    timers.add(timer);
  };

  const act = (decision: CrashDecision): void => {
    switch (decision.action) {
      case 'reload':
        log.warn('reloading window', { window: label, delayMs: decision.delayMs, attempt: decision.attempt });
        later(decision.delayMs, () => {
          contents.loadURL(url).catch((err: unknown) => log.error('reload failed', { window: label, error: String(err) }));
        });
        return;
      case 'wait':
        later(decision.delayMs, () => act(policy.graceElapsed()));
        return;
      case 'kill':
        log.error('window still unresponsive after its grace period: restarting its renderer', { window: label });
        contents.forcefullyCrashRenderer();
        return;
      case 'give-up':
        log.error('gave up reloading window', { window: label, reason: decision.reason });
        gaveUp(decision.reason);
        return;
      case 'none':
        return;
    }
  };

  contents.on('render-process-gone', (_event, details) => {
    if (quitting() || window.isDestroyed()) return;
    log.error('window renderer gone', { window: label, reason: details.reason, exitCode: details.exitCode });
    act(policy.gone(details.reason));
  });
  window.on('unresponsive', () => {
    log.warn('window unresponsive', { window: label });
    act(policy.unresponsive());
  });
  window.on('responsive', () => {
    log.info('window responsive again', { window: label });
    policy.responsive();
  });
  window.once('closed', () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  });
}
