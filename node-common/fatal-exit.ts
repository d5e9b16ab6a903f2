import type { Logger } from './log.js';

// An exception nobody caught leaves the process in an unknown state. Electron's main process would
// show a dialog and stay up half-working; a wall must instead end with a code the service manager
// sees (systemd's Restart=always, or the app relaunching itself on Windows) and come back clean.

/** EX_SOFTWARE (sysexits.h): an internal software error. The README lists it for technicians. */
export const FATAL_EXIT_CODE = 70;

export interface FatalEvents {
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface FatalOptions {
  log: Logger;
  /** Ends the process (Electron: app.exit; Node: process.exit), after an optional relaunch. */
  exit: (code: number) => void;
  /** Default: the real process. */
  events?: FatalEvents;
}

export function exitOnFatal({ log, exit, events = process }: FatalOptions): void {
  let exiting = false;
  const fatal = (kind: string, err: unknown): void => {
    // A second fault while ending (e.g. in a close handler) must not run the exit twice.
    if (exiting) return;
    exiting = true;
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log.error(`unrecoverable fault (${kind}): exiting with code ${FATAL_EXIT_CODE} so the service manager restarts us`, { error, exitCode: FATAL_EXIT_CODE });
    exit(FATAL_EXIT_CODE);
  };
  events.on('uncaughtException', (err) => fatal('uncaught exception', err));
  events.on('unhandledRejection', (reason) => fatal('unhandled promise rejection', reason));
}
