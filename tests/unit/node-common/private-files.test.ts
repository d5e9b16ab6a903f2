import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/wall/db/open.js';
import { openHubDatabase } from '../../../hub/db/open.js';
import { accessLines } from '../../../node-common/access-file.js';
import { backupNow } from '../../../node-common/db/backup.js';
import { memoryLogger } from '../../../node-common/log.js';
import { openLogFile } from '../../../node-common/log-file.js';
import { makePrivateFile } from '../../../node-common/private-file.js';

// Databases, their WAL, logs, backups and token files: the owner's only, whatever the umask.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-modes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('files made 0600', () => {
  const umask = process.umask(0o022); // the usual default, under which files come out 0644
  afterAll(() => void process.umask(umask));

  it('the wall node\'s database and its WAL', () => {
    const file = path.join(tmp, 'node', 'wall.db');
    const db = openDatabase(file, { logger: quiet });
    if (!db.ok) throw new Error(db.error.message);
    db.value.settings.set('k', 1);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(path.dirname(file))).toBe(0o700);
    db.value.close();
  });

  it('the hub\'s database and its WAL, and a backup of it', async () => {
    const file = path.join(tmp, 'hub', 'hub.db');
    const db = openHubDatabase(file, memoryLogger());
    if (!db.ok) throw new Error(db.error.message);
    db.value.setSetting('k', 1);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    const backup = await backupNow(db.value.backupSource, { dir: path.join(tmp, 'hub', 'backups'), name: 'hub', keep: 2 });
    if (!backup.ok) throw new Error(backup.error.message);
    expect(mode(backup.value)).toBe(0o600);
    db.value.close();
  });

  it('narrows a database an older version left 0644', () => {
    const file = path.join(tmp, 'old.db');
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const db = openDatabase(file, { logger: quiet });
    if (!db.ok) throw new Error(db.error.message);
    expect(mode(file)).toBe(0o600);
    db.value.close();
  });

  it('the log file, new or left 0644, and its rotations', () => {
    const dir = path.join(tmp, 'logs');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'x.log'), 'old\n', { mode: 0o644 });
    const log = openLogFile({ dir, name: 'x', maxBytes: 200 });
    for (let i = 0; i < 10; i++) log.sink({ t: '', level: 'info', scope: 's', msg: `line ${i} ${'x'.repeat(40)}` });
    log.close();
    expect(mode(path.join(dir, 'x.log'))).toBe(0o600);
    expect(mode(path.join(dir, 'x.1.log'))).toBe(0o600);
  });

  it('the file of access URLs, and makePrivateFile leaves in-memory names alone', () => {
    const file = path.join(tmp, 'access-urls.txt');
    accessLines(['console http://h/console?token=abc'], file, {});
    expect(mode(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('console http://h/console?token=abc\n');
    makePrivateFile(':memory:');
    expect(fs.existsSync(':memory:')).toBe(false);
  });
});
