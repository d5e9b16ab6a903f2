import fs from 'node:fs';
import path from 'node:path';
import type { LogSink } from './log.js';
import { makePrivateDir, PRIVATE_FILE_MODE } from './private-file.js';

// The log a technician reads after the fact ("why did B2 go black at 3 am?"): JSON lines in
// <dir>/<name>.log, rotated by size to <name>.1.log … <name>.<keep>.log, the oldest dropped, so months
// of running fill a bounded amount of disk. Lines are written synchronously: the few lines before a
// crash are the ones that matter, and the app logs tens of lines a minute, not thousands.

export interface LogFileOptions {
  dir: string;
  name?: string;
  /** Rotate when the current file would grow past this. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  /** Told once when the file cannot be written; the app goes on logging elsewhere. */
  onFailure?: (message: string) => void;
}

export interface LogFile {
  readonly file: string;
  sink: LogSink;
  close(): void;
}

export const LOG_FILE_DEFAULTS = { name: 'toan-canh', maxBytes: 10 * 1024 * 1024, keep: 9 };

export function openLogFile(options: LogFileOptions): LogFile {
  const { name, maxBytes, keep } = { ...LOG_FILE_DEFAULTS, ...options };
  const file = path.join(options.dir, `${name}.log`);
  const rotated = (n: number) => path.join(options.dir, `${name}.${n}.log`);
  let fd: number | null = null;
  let size = 0;
  let failed = false;

  const fail = (err: unknown) => {
    failed = true;
    try {
      if (fd !== null) fs.closeSync(fd);
    } catch {
      // already unusable: nothing more to lose
    }
    fd = null;
    options.onFailure?.(`cannot write the log file ${file}: ${err instanceof Error ? err.message : String(err)}; logging to stderr only`);
  };
  const open = () => {
    // Owner only: the log names people, addresses and refused attempts (node-common/private-file.ts).
    makePrivateDir(options.dir);
    fd = fs.openSync(file, 'a', PRIVATE_FILE_MODE);
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
    size = fs.fstatSync(fd).size;
  };
  const rotate = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    fs.rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (fs.existsSync(rotated(n))) fs.renameSync(rotated(n), rotated(n + 1));
    if (keep > 0) fs.renameSync(file, rotated(1));
    else fs.rmSync(file, { force: true });
    open();
  };

  try {
    open();
  } catch (err) {
    fail(err);
  }
  return {
    file,
    sink(line) {
      if (failed) return;
      const text = `${JSON.stringify(line)}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        fs.writeSync(fd!, text);
        size += bytes;
      } catch (err) {
        fail(err);
      }
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
      failed = true;
    },
  };
}

/** Where the logs of an app whose database is `dbFile` go: beside it, in logs/; none for an in-memory one. */
export function logDirFor(dbFile: string): string | null {
  return dbFile === ':memory:' ? null : path.join(path.dirname(path.resolve(dbFile)), 'logs');
}
