import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startApp } from '../../electron/startup/app.js';
import { migrations } from '../../electron/wall/db/migrations.js';
import { hubMigrations } from '../../hub/db/migrations.js';
import { openHubDatabase } from '../../hub/db/open.js';
import { backupNow, backupPlanFromEnv, listBackups, restoreBackup } from '../../node-common/db/backup.js';
import { memoryLogger } from '../../node-common/log.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function wallFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-backup-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'walls'));
  fs.mkdirSync(path.join(dir, 'layouts'));
  fs.copyFileSync('config/walls/demo-2x2.json', path.join(dir, 'walls', 'demo-2x2.json'));
  fs.copyFileSync('config/layouts/demo-2x2-normal.json', path.join(dir, 'layouts', 'demo-2x2-normal.json'));
  return { dir, wallFile: path.join(dir, 'walls', 'demo-2x2.json'), dbFile: path.join(dir, 'data', 'wall.db'), backups: path.join(dir, 'data', 'backups') };
}

describe('backups', () => {
  it('a backup of a running wall restores it as it was', async () => {
    const f = wallFolder();
    const app = await startApp({ wallFile: f.wallFile, dbFile: f.dbFile, log: memoryLogger(), watch: false });
    app.db.settings.set('ui.language', 'en');
    const made = await backupNow(app.db.backupSource, { dir: f.backups, name: 'wall', keep: 5 });
    expect(made.ok).toBe(true);
    // Life goes on after the backup: the language changes and a layout is removed.
    app.db.settings.set('ui.language', 'vi');
    expect(app.db.layouts.remove('demo-2x2-normal')).toBe(true);
    await app.close();

    const backup = listBackups({ dir: f.backups, name: 'wall' })[0]!;
    const restored = await restoreBackup({ backup, target: f.dbFile, migrations });
    expect(restored).toMatchObject({ ok: true, value: { keptAs: expect.stringContaining('wall.db.before-restore-') } });

    fs.rmSync(path.join(f.dir, 'layouts', 'demo-2x2-normal.json')); // the layout now comes from the database only
    const again = await startApp({ wallFile: f.wallFile, dbFile: f.dbFile, log: memoryLogger(), watch: false });
    expect(again.core.state.language).toBe('en');
    expect(again.core.state.layout.id).toBe('demo-2x2-normal');
    expect(again.db.layouts.get('demo-2x2-normal')).not.toBeNull();
    await again.close();
    // The database it replaced is kept, with the removal in it.
    const kept = new Database(restored.ok ? restored.value.keptAs! : '', { readonly: true });
    expect(kept.prepare("SELECT COUNT(*) AS n FROM layouts WHERE id = 'demo-2x2-normal'").get()).toEqual({ n: 0 });
    kept.close();
  });

  it('keeps only the newest backups, and a failed one leaves nothing that looks good', async () => {
    const f = wallFolder();
    const app = await startApp({ wallFile: f.wallFile, dbFile: f.dbFile, log: memoryLogger(), watch: false });
    const t0 = Date.UTC(2026, 11, 7, 10, 0, 0);
    for (let i = 0; i < 5; i++) expect((await backupNow(app.db.backupSource, { dir: f.backups, name: 'wall', keep: 3 }, t0 + i * 3_600_000)).ok).toBe(true);
    expect(listBackups({ dir: f.backups, name: 'wall' }).map((p) => path.basename(p))).toEqual(['wall-20261207-140000Z.db', 'wall-20261207-130000Z.db', 'wall-20261207-120000Z.db']);

    const blocked = path.join(f.dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'x');
    const failed = await backupNow(app.db.backupSource, { dir: blocked, name: 'wall', keep: 3 });
    expect(failed).toMatchObject({ ok: false, error: { code: 'db/backup-failed', message: expect.stringMatching(/not-a-folder.*free space and permissions/) } });
    await app.close();
  });

  it('refuses a backup written by a newer version, a damaged one, and a database still in use', async () => {
    const f = wallFolder();
    const app = await startApp({ wallFile: f.wallFile, dbFile: f.dbFile, log: memoryLogger(), watch: false });
    const made = await backupNow(app.db.backupSource, { dir: f.backups, name: 'wall', keep: 5 });
    if (!made.ok) throw new Error(made.error.message);

    const inUse = await restoreBackup({ backup: made.value, target: f.dbFile, migrations });
    expect(inUse).toMatchObject({ ok: false, error: { code: 'db/in-use', message: expect.stringMatching(/stop it first/) } });
    await app.close();

    const newer = path.join(f.dir, 'newer.db');
    fs.copyFileSync(made.value, newer);
    const db = new Database(newer);
    db.prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'from-the-future', 'x', 0)").run();
    db.close();
    expect(await restoreBackup({ backup: newer, target: f.dbFile, migrations })).toMatchObject({ ok: false, error: { code: 'db/too-new', message: expect.stringMatching(/schema version 999/) } });

    const damaged = path.join(f.dir, 'damaged.db');
    const bytes = fs.readFileSync(made.value);
    bytes.fill(0x41, 4096, 8192); // a page of garbage
    fs.writeFileSync(damaged, bytes);
    expect(await restoreBackup({ backup: damaged, target: f.dbFile, migrations })).toMatchObject({ ok: false, error: { code: 'db/corrupt' } });
    // Nothing was replaced by the refusals.
    expect(fs.readdirSync(path.dirname(f.dbFile)).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('backs up and restores the hub\'s database the same way', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-hub-backup-'));
    dirs.push(dir);
    const file = path.join(dir, 'hub.db');
    const opened = openHubDatabase(file, memoryLogger());
    if (!opened.ok) throw new Error(opened.error.message);
    opened.value.setSetting('marker', 'before');
    const made = await backupNow(opened.value.backupSource, { dir: path.join(dir, 'backups'), name: 'hub', keep: 3 });
    opened.value.setSetting('marker', 'after');
    opened.value.close();
    if (!made.ok) throw new Error(made.error.message);
    expect((await restoreBackup({ backup: made.value, target: file, migrations: hubMigrations })).ok).toBe(true);
    const again = openHubDatabase(file, memoryLogger());
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.setting('marker', z.string())).toBe('before');
    again.value.close();
    // A wall node's backup is not a hub's: its migrations differ, and it is refused.
    expect(await restoreBackup({ backup: made.value, target: file, migrations })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^db\//) } });
  });

  it('reads its schedule from the environment, and says what is wrong with a bad value', () => {
    expect(backupPlanFromEnv({}, '/var/lib/tc/wall.db', 'wall')).toEqual({ dir: '/var/lib/tc/backups', name: 'wall', keep: 28, everyMs: 6 * 3_600_000 });
    expect(backupPlanFromEnv({ TOAN_CANH_BACKUP_HOURS: '0' }, '/var/lib/tc/wall.db', 'wall')).toBeNull();
    expect(() => backupPlanFromEnv({ TOAN_CANH_BACKUP_KEEP: 'many' }, '/var/lib/tc/wall.db', 'wall')).toThrow(/TOAN_CANH_BACKUP_KEEP must be a number/);
  });
});
