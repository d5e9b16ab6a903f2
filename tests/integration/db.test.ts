import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScenarioSchema } from '../../common/protocol/scenario.js';
import type { Result } from '../../common/result.js';
import { LayoutSchema, type Layout } from '../../common/wall/layout-schema.js';
import { WallSchema, type WallConfig } from '../../common/wall/schema.js';
import type { ChangeEvent } from '../../electron/wall/db/events.js';
import { migrate, migrationChecksum } from '../../node-common/db/migrate.js';
import { migrations } from '../../electron/wall/db/migrations.js';
import type { Migration } from '../../node-common/db/migrate.js';
import { openDatabase, type AppDatabase, type OpenOptions } from '../../electron/wall/db/open.js';

const demoWall: WallConfig = WallSchema.parse(JSON.parse(readFileSync(new URL('../../config/walls/demo-2x2.json', import.meta.url), 'utf8')));
const demoLayout: Layout = LayoutSchema.parse(
  JSON.parse(readFileSync(new URL('../../config/layouts/demo-2x2-normal.json', import.meta.url), 'utf8')),
);
const firstMigration = migrations[0]!;
const latest = migrations.length;
const next = latest + 1;
const allVersions = migrations.map((m) => m.version);

let dir: string;
let file: string;
let warnings: string[];
const toClose: { close(): void }[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toan-canh-db-'));
  file = join(dir, 'data', 'toan-canh.db'); // "data" does not exist yet: openDatabase creates it
  warnings = [];
});

afterEach(() => {
  for (const handle of toClose.splice(0)) handle.close();
  rmSync(dir, { recursive: true, force: true });
});

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function open(opts: OpenOptions = {}): AppDatabase {
  const db = unwrap(openDatabase(file, { logger: { warn: (m: string) => warnings.push(m) }, ...opts }));
  toClose.push(db);
  return db;
}

/** A plain connection, to look at or tamper with the file the way another program could. */
function raw(): Database.Database {
  const db = new Database(file);
  toClose.push(db);
  return db;
}

function appliedRows(): { version: number; name: string; checksum: string; applied_at: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').all() as never;
  } finally {
    db.close();
  }
}

describe('opening and migrations', () => {
  it('applies each migration once, records it, and does not reapply it on reopen', () => {
    open({ now: () => 1000 }).close();
    expect(appliedRows()).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, checksum: migrationChecksum(m), applied_at: 1000 })));
    expect(appliedRows()[0]?.name).toBe('walls-layouts-settings');

    const again = open({ now: () => 2000 });
    again.walls.upsert(demoWall);
    again.close();
    expect(appliedRows().map((r) => [r.version, r.applied_at])).toEqual(allVersions.map((v) => [v, 1000]));
    const tables = raw()
      // sqlite_stat1 and friends come from PRAGMA optimize at close
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['layouts', 'schema_migrations', 'settings', 'walls']));
  });

  it('puts the file in WAL mode', () => {
    const db = open();
    db.walls.upsert(demoWall);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(raw().pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses to start when an applied migration was edited', () => {
    open().close();
    const edited: Migration[] = [{ ...firstMigration, up: firstMigration.up.replace('name TEXT NOT NULL', 'name TEXT') }, ...migrations.slice(1)];
    const result = migrate(raw(), edited);
    expect(result).toMatchObject({ ok: false, error: { code: 'db/migration-edited', where: file } });
    if (!result.ok) expect(result.error.message).toContain('migration 1 "walls-layouts-settings" has changed');
    // A CRLF checkout of the same text is not an edit.
    expect(unwrap(migrate(raw(), migrations.map((m) => ({ ...m, up: m.up.replace(/\n/g, '\r\n') }))))).toEqual([]);
  });

  it('applies an appended migration, and an older app then refuses the newer database', () => {
    open().close();
    const second: Migration = { version: next, name: 'wall-notes', up: 'ALTER TABLE walls ADD COLUMN notes TEXT;' };
    expect(unwrap(migrate(raw(), [...migrations, second]))).toEqual([next]);
    expect(appliedRows().map((r) => r.version)).toEqual([...allVersions, next]);

    const result = openDatabase(file, { logger: { warn: () => {} } });
    expect(result).toMatchObject({ ok: false, error: { code: 'db/too-new', where: file } });
    if (!result.ok) {
      expect(result.error.message).toContain(`schema version ${next}`);
      expect(result.error.message).toContain(`understands up to ${latest}`);
    }
  });

  it('rolls a failing migration back completely', () => {
    open().close();
    const broken: Migration = { version: next, name: 'broken', up: 'CREATE TABLE notes (id TEXT); INSERT INTO missing VALUES (1);' };
    const result = migrate(raw(), [...migrations, broken]);
    expect(result).toMatchObject({ ok: false, error: { code: 'db/migration-failed' } });
    if (!result.ok) expect(result.error.message).toContain(`migration ${next} "broken" failed`);
    expect(appliedRows().map((r) => r.version)).toEqual(allVersions);
    expect(raw().prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeUndefined();
  });

  it('refuses a migration that leaves broken foreign keys', () => {
    open().close();
    const orphan: Migration = {
      version: next,
      name: 'orphan',
      up: "INSERT INTO layouts (id, wall_id, name, layout_json, updated_at) VALUES ('l', 'no-such-wall', 'L', '{}', 0);",
    };
    expect(migrate(raw(), [...migrations, orphan])).toMatchObject({ ok: false, error: { code: 'db/migration-failed' } });
    expect(raw().prepare('SELECT COUNT(*) AS n FROM layouts').get()).toEqual({ n: 0 });
  });

  it('reports a file that is not SQLite clearly and lets it be moved aside', () => {
    open().close();
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    writeFileSync(file, garbage);

    const result = openDatabase(file, { logger: { warn: () => {} } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('db/corrupt');
    expect(result.error.where).toBe(file);
    expect(result.error.message).toContain(`"${file}"`);
    expect(result.error.message).toContain('move');
    expect(result.error.message).toContain('creates a new, empty database');
    expect(readFileSync(file).equals(garbage)).toBe(true); // left untouched for inspection

    rmSync(file);
    expect(open().walls.list()).toEqual([]);
  });

  it('opens read-only without writing, and refuses a file that is missing', () => {
    open().walls.upsert(demoWall);
    const reader = open({ readonly: true });
    expect(reader.walls.get('demo-2x2')).toEqual(demoWall);
    expect(() => reader.settings.set('language', 'vi')).toThrow(/readonly/i);

    const missing = openDatabase(join(dir, 'nope', 'x.db'), { readonly: true });
    expect(missing).toMatchObject({ ok: false, error: { code: 'db/cannot-open' } });
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('walls', () => {
  it('round-trips the demo wall exactly', () => {
    const db = open();
    expect(unwrap(db.walls.upsert(demoWall))).toEqual(demoWall);
    db.close();
    expect(open().walls.get('demo-2x2')).toEqual(demoWall);
  });

  it('updates in place without dropping the wall’s layouts', () => {
    const db = open();
    db.walls.upsert(demoWall);
    unwrap(db.layouts.save(demoLayout));
    db.walls.upsert({ ...demoWall, name: 'Renamed' });
    expect(db.walls.list().map((w) => w.name)).toEqual(['Renamed']);
    expect(db.layouts.get(demoLayout.id)?.revision).toBe(1);
  });

  it('rejects an invalid wall with the field named', () => {
    const db = open();
    const bad = { ...demoWall, screens: [{ ...demoWall.screens[0]!, bezelMm: { top: 1, right: 700, bottom: 1, left: 700 } }] };
    const result = db.walls.upsert(bad);
    expect(result).toMatchObject({ ok: false, error: { code: 'wall/invalid' } });
    if (!result.ok) expect(result.error.message).toContain('screens[0].bezelMm');
    expect(db.walls.list()).toEqual([]);
  });

  it('reports a stored row that fails validation instead of returning it', () => {
    const db = open();
    db.walls.upsert(demoWall);
    db.walls.upsert({ ...demoWall, id: 'other', name: 'Other' });
    raw().prepare("UPDATE walls SET config_json = json_set(config_json, '$.screens', json('[]')) WHERE id = 'demo-2x2'").run();
    raw().prepare("UPDATE walls SET config_json = '{not json' WHERE id = 'other'").run();

    expect(db.walls.get('demo-2x2')).toBeNull();
    expect(db.walls.list()).toEqual([]);
    expect(warnings.some((w) => w.includes('walls row "demo-2x2"') && w.includes('screens'))).toBe(true);
    expect(warnings.some((w) => w.includes('walls row "other"') && w.includes('not valid JSON'))).toBe(true);
  });

  it('removing a wall removes its layouts (foreign keys are on)', () => {
    const db = open();
    db.walls.upsert(demoWall);
    db.layouts.save(demoLayout);
    expect(db.walls.remove('demo-2x2')).toBe(true);
    expect(db.layouts.get(demoLayout.id)).toBeNull();
    expect(raw().prepare('SELECT COUNT(*) AS n FROM layouts').get()).toEqual({ n: 0 });
    expect(db.walls.remove('demo-2x2')).toBe(false);
  });
});

describe('layouts', () => {
  it('saves with increasing revisions and lists by wall', () => {
    const db = open({ now: () => 42 });
    db.walls.upsert(demoWall);
    expect(unwrap(db.layouts.save(demoLayout, 0))).toBe(1);
    expect(unwrap(db.layouts.save({ ...demoLayout, name: 'Ca đêm' }, 1))).toBe(2);
    expect(db.layouts.get(demoLayout.id)).toEqual({ layout: { ...demoLayout, name: 'Ca đêm' }, revision: 2, updatedAt: 42 });
    expect(db.layouts.listForWall('demo-2x2').map((s) => [s.layout.id, s.revision])).toEqual([[demoLayout.id, 2]]);
    expect(db.layouts.listForWall('no-such-wall')).toEqual([]);
  });

  it('refuses a stale save from a second console instead of losing the first one’s edit', () => {
    const consoleA = open();
    const consoleB = open(); // a second connection to the same file
    consoleA.walls.upsert(demoWall);
    unwrap(consoleA.layouts.save(demoLayout));

    const seenByA = consoleA.layouts.get(demoLayout.id)!;
    const seenByB = consoleB.layouts.get(demoLayout.id)!;
    expect(unwrap(consoleA.layouts.save({ ...seenByA.layout, name: 'A' }, seenByA.revision))).toBe(2);

    const stale = consoleB.layouts.save({ ...seenByB.layout, name: 'B' }, seenByB.revision);
    expect(stale).toMatchObject({ ok: false, error: { code: 'layout/conflict' } });
    if (!stale.ok) expect(stale.error.message).toContain('revision 1 but it is now at revision 2');
    expect(consoleB.layouts.get(demoLayout.id)).toMatchObject({ layout: { name: 'A' }, revision: 2 });

    // Creating a layout that already exists is a conflict too.
    expect(consoleB.layouts.save(demoLayout, 0)).toMatchObject({ ok: false, error: { code: 'layout/conflict' } });
  });

  it('refuses a layout for a wall that is not saved, and an invalid layout', () => {
    const db = open();
    expect(db.layouts.save(demoLayout)).toMatchObject({ ok: false, error: { code: 'layout/unknown-wall' } });
    db.walls.upsert(demoWall);
    const dup = { ...demoLayout, panels: [demoLayout.panels[0]!, demoLayout.panels[0]!] };
    const result = db.layouts.save(dup);
    expect(result).toMatchObject({ ok: false, error: { code: 'layout/invalid' } });
    if (!result.ok) expect(result.error.message).toContain('duplicate panel id "backdrop"');
    expect(db.layouts.get(demoLayout.id)).toBeNull();
  });

  it('removes a layout once', () => {
    const db = open();
    db.walls.upsert(demoWall);
    db.layouts.save(demoLayout);
    expect(db.layouts.remove(demoLayout.id)).toBe(true);
    expect(db.layouts.remove(demoLayout.id)).toBe(false);
    expect(db.layouts.save(demoLayout, 1)).toMatchObject({ ok: false, error: { code: 'layout/conflict' } });
  });
});

describe('settings', () => {
  const Language = z.enum(['vi', 'en']);

  it('returns a valid value, null for a missing one, and null plus a warning for a bad one', () => {
    const db = open();
    unwrap(db.settings.set('language', 'vi'));
    unwrap(db.settings.set('window', { width: 1280, height: 720 }));
    expect(db.settings.get('language', Language)).toBe('vi');
    expect(db.settings.get('window', z.object({ width: z.number(), height: z.number() }))).toEqual({ width: 1280, height: 720 });
    expect(db.settings.get('missing', Language)).toBeNull();
    expect(warnings).toEqual([]);

    unwrap(db.settings.set('language', 'fr'));
    expect(db.settings.get('language', Language)).toBeNull();
    raw().prepare("UPDATE settings SET value_json = '{oops' WHERE key = 'window'").run();
    expect(db.settings.get('window', z.unknown())).toBeNull();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('setting "language"');
    expect(warnings[1]).toContain('setting "window" is not valid JSON');
  });

  it('refuses values JSON cannot hold', () => {
    const db = open();
    expect(db.settings.set('x', undefined)).toMatchObject({ ok: false, error: { code: 'settings/not-json' } });
    expect(db.settings.set('x', 10n)).toMatchObject({ ok: false, error: { code: 'settings/not-json' } });
    expect(db.settings.get('x', z.unknown())).toBeNull();
  });
});

describe('change events', () => {
  it('emits one event per committed write, none for a refused one', () => {
    const db = open();
    const events: ChangeEvent[] = [];
    const stop = db.on('change', (e) => events.push(e));

    db.walls.upsert(demoWall);
    db.layouts.save(demoLayout);
    db.layouts.save(demoLayout, 99); // conflict
    db.settings.set('language', 'en');
    db.settings.set('bad', undefined); // refused
    db.layouts.remove(demoLayout.id);
    db.layouts.save(demoLayout);
    db.walls.remove('demo-2x2');
    expect(events).toEqual([
      { table: 'walls', id: 'demo-2x2' },
      { table: 'layouts', id: demoLayout.id },
      { table: 'settings', id: 'language' },
      { table: 'layouts', id: demoLayout.id },
      { table: 'layouts', id: demoLayout.id },
      { table: 'walls', id: 'demo-2x2' },
      { table: 'layouts', id: demoLayout.id }, // removed by the cascade
    ]);

    stop();
    db.settings.set('language', 'vi');
    expect(events).toHaveLength(7);
  });

  it('a failing listener does not fail the write', () => {
    const db = open();
    db.on('change', () => {
      throw new Error('view crashed');
    });
    expect(db.settings.set('language', 'vi')).toEqual({ ok: true, value: null });
    expect(db.settings.get('language', z.string())).toBe('vi');
    expect(warnings).toEqual(['database "change" listener failed: view crashed']);
  });
});

describe('drafts (layouts and scenarios, one table code)', () => {
  const storm = ScenarioSchema.parse(JSON.parse(readFileSync(new URL('../../config/scenarios/storm.json', import.meta.url), 'utf8')));

  const clock = { now: 0 };
  /** Each save is stamped one tick after the last. */
  const tick = <T>(value: T): T => (clock.now++, value);

  function withPeople(): AppDatabase {
    clock.now = 100;
    const db = open({ now: () => clock.now });
    db.walls.upsert(demoWall);
    db.walls.upsert({ ...demoWall, id: 'other-wall' });
    for (const username of ['vanhanh', 'lanhdao']) unwrap(db.users.insert({ username, displayName: username, role: 'operator', passwordHash: 'x' }));
    return db;
  }

  it('keeps one draft per person and item, newest first, replaced in place and discarded', () => {
    const db = withPeople();
    db.drafts.save('vanhanh', tick(demoLayout), 1);
    db.drafts.save('vanhanh', tick({ ...demoLayout, id: 'ca-dem', name: 'Ca đêm' }), 0);
    db.drafts.save('vanhanh', tick({ ...demoLayout, name: 'Sửa lại' }), 2);
    expect(db.drafts.list('vanhanh')).toEqual([
      { layoutId: demoLayout.id, name: 'Sửa lại', baseRevision: 2, updatedAt: 103 },
      { layoutId: 'ca-dem', name: 'Ca đêm', baseRevision: 0, updatedAt: 102 },
    ]);
    expect(db.drafts.get('vanhanh', demoLayout.id)).toEqual({ layout: { ...demoLayout, name: 'Sửa lại' }, baseRevision: 2, updatedAt: 103 });
    expect(db.drafts.list('lanhdao')).toEqual([]);
    expect(db.drafts.get('lanhdao', demoLayout.id)).toBeNull();
    db.drafts.discard('vanhanh', demoLayout.id);
    expect(db.drafts.list('vanhanh').map((d) => d.layoutId)).toEqual(['ca-dem']);
  });

  it('lists a person’s scenario drafts of one wall', () => {
    const db = withPeople();
    db.scenarioDrafts.save('vanhanh', tick(storm), 3);
    db.scenarioDrafts.save('vanhanh', tick({ ...storm, id: 'elsewhere', layout: { ...storm.layout, wallId: 'other-wall' } }), 0);
    expect(db.scenarioDrafts.list('vanhanh', 'demo-2x2')).toEqual([{ scenarioId: 'storm', name: storm.name, baseRevision: 3, updatedAt: 101 }]);
    expect(db.scenarioDrafts.list('vanhanh', 'other-wall').map((d) => d.scenarioId)).toEqual(['elsewhere']);
    expect(db.scenarioDrafts.get('vanhanh', 'storm')).toEqual({ scenario: storm, baseRevision: 3, updatedAt: 101 });
    db.scenarioDrafts.discard('vanhanh', 'storm');
    expect(db.scenarioDrafts.get('vanhanh', 'storm')).toBeNull();
  });

  it('leaves out a draft that no longer reads, with a warning, instead of returning it', () => {
    const db = withPeople();
    db.drafts.save('vanhanh', demoLayout, 1);
    db.scenarioDrafts.save('vanhanh', storm, 1);
    raw().exec("UPDATE layout_drafts SET layout_json = '{\"broken\": true'; UPDATE scenario_drafts SET scenario_json = '{}'");
    expect(db.drafts.list('vanhanh')).toEqual([]);
    expect(db.drafts.get('vanhanh', demoLayout.id)).toBeNull();
    expect(db.scenarioDrafts.list('vanhanh', 'demo-2x2')).toEqual([]);
    expect(warnings.join('\n')).toMatch(/layout_drafts row "vanhanh\/demo-2x2-normal" is not valid JSON[\s\S]*scenario_drafts row "vanhanh\/storm" does not match its schema/);
  });
});
