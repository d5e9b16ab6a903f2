import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../electron/wall/db/open.js';
import { memoryLogger } from '../../../node-common/log.js';

// Issue 14: closing a database that had become read-only threw from PRAGMA optimize, so the error that
// mattered (the failed write) was replaced by that one and the file stayed open. Optimize is best-effort.

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('closing the wall database', () => {
  it('closes the file even when PRAGMA optimize fails, and says so in the log', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-close-'));
    dirs.push(dir);
    const log = memoryLogger();
    const opened = openDatabase(path.join(dir, 'wall.db'), { logger: log });
    if (!opened.ok) throw new Error(opened.error.message);
    const pragma = Database.prototype.pragma;
    const close = vi.spyOn(Database.prototype, 'close');
    // What SQLite answers on a file that became read-only under the app.
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      if (source === 'optimize') throw new Error('attempt to write a readonly database');
      return pragma.call(this, source, options);
    });
    expect(() => opened.value.close()).not.toThrow();
    expect(close).toHaveBeenCalledTimes(1);
    expect(log.lines.some((e) => e.level === 'warn' && e.msg.includes('PRAGMA optimize at close failed (Error: attempt to write a readonly database)'))).toBe(true);
  });
});
