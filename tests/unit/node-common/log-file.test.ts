import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, teeSink } from '../../../node-common/log.js';
import { logDirFor, openLogFile } from '../../../node-common/log-file.js';

const dirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const read = (file: string) => fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; n?: number });

describe('log file', () => {
  it('appends JSON lines, across reopening, beside the database', () => {
    const dir = path.join(tmp(), 'logs'); // made when missing
    const first = openLogFile({ dir });
    createLogger('shell', first.sink).info('started', { screens: 4 });
    first.close();
    const second = openLogFile({ dir });
    createLogger('shell', second.sink).warn('screen B2 lost', { screenId: 'B2' });
    second.close();
    expect(second.file).toBe(path.join(dir, 'toan-canh.log'));
    expect(read(second.file)).toMatchObject([
      { level: 'info', scope: 'shell', msg: 'started', screens: 4 },
      { level: 'warn', scope: 'shell', msg: 'screen B2 lost', screenId: 'B2' },
    ]);
    expect(logDirFor('/var/lib/toan-canh/toan-canh.db')).toBe('/var/lib/toan-canh/logs');
    expect(logDirFor(':memory:')).toBeNull();
  });

  it('rotates by size and keeps only the newest files, no line lost or split', () => {
    const dir = tmp();
    const log = openLogFile({ dir, maxBytes: 1000, keep: 2 });
    const logger = createLogger('t', log.sink);
    for (let n = 0; n < 100; n++) logger.info('line', { n, pad: 'x'.repeat(40) });
    log.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['toan-canh.1.log', 'toan-canh.2.log', 'toan-canh.log']);
    const files = ['toan-canh.2.log', 'toan-canh.1.log', 'toan-canh.log'].map((f) => path.join(dir, f));
    for (const f of files) expect(fs.statSync(f).size).toBeLessThanOrEqual(1000);
    const kept = files.flatMap(read).map((l) => l.n);
    expect(kept.at(-1)).toBe(99);
    // The newest lines, in order, with nothing missing between them.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => 100 - kept.length + i));
  });

  it('says once when it cannot write, and the app goes on logging elsewhere', () => {
    const dir = tmp();
    const blocker = path.join(dir, 'logs');
    fs.writeFileSync(blocker, 'a file where the folder should be');
    const failures: string[] = [];
    const stderr: string[] = [];
    const log = openLogFile({ dir: blocker, onFailure: (m) => failures.push(m) });
    const logger = createLogger('t', teeSink((l) => stderr.push(l.msg), log.sink));
    logger.info('one');
    logger.info('two');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/cannot write the log file .*toan-canh\.log: .*; logging to stderr only/);
    expect(stderr).toEqual(['one', 'two']);
  });
});
