import fs from 'node:fs';
import path from 'node:path';

// Databases, logs, tokens and keys are readable by their owner only (0600 files in 0700 folders they
// make): another account on the wall PC or the hub server must not read the audit log or a token.
// SQLite gives its -wal and -shm files the main file's mode, so making that one private is enough.

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates the folder (and its parents) 0700 where missing; existing folders keep their mode. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates `file` empty with mode 0600 when missing, or narrows an existing one to 0600 (a file an
 * older version made 0644). In-memory SQLite names (":memory:", "") are left alone.
 */
export function makePrivateFile(file: string): void {
  if (file === '' || file === ':memory:' || file.startsWith('file:')) return;
  makePrivateDir(path.dirname(file));
  const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_WRONLY | fs.constants.O_APPEND, PRIVATE_FILE_MODE);
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `text` to `file` readable by its owner only (a token, a key, the access URLs). */
export function writePrivateFile(file: string, text: string): void {
  makePrivateFile(file);
  fs.writeFileSync(file, text, { mode: PRIVATE_FILE_MODE });
}
