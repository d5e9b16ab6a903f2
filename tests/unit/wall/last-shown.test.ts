import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataEntry } from '../../../common/protocol/data.js';
import type { ScenarioState } from '../../../common/state.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import { keepLastShown } from '../../../electron/hub-link/last-shown-keeper.js';
import { MAX_DATA_POINTS } from '../../../electron/wall/db/last-shown.js';
import { openDatabase, type AppDatabase } from '../../../electron/wall/db/open.js';
import { WallCore } from '../../../electron/wall/wall-core.js';
import { memoryLogger } from '../../../node-common/log.js';

// What the wall showed last survives a restart: the scenario with its layout and hub revision, and the
// latest value of each data key, written coalesced; shown again at once, the data marked stale.

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const normal = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const flood = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/scenarios/flood-response.json', 'utf8')).layout);
const scenario = (revision: number): ScenarioState => ({
  id: 'flood-response', name: { vi: 'Ứng phó lũ lụt', en: 'Flood response' }, severity: 'emergency', revision,
  activatedBy: { name: 'Lãnh đạo', role: 'leader' }, source: 'rest', activatedAt: 10, applyAt: 20, local: false,
});
const kpi = (key: string, value: number, at: number): DataEntry => ({ key, value: { type: 'kpi', value, unit: 'đội' }, at });

const dirs: string[] = [];
const open: AppDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function database(file?: string): { db: AppDatabase; file: string } {
  const f = file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tc-shown-')), 'wall.db');
  if (!file) dirs.push(path.dirname(f));
  const opened = openDatabase(f, { logger: memoryLogger() });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  expect(opened.value.walls.upsert(wall).ok).toBe(true);
  return { db: opened.value, file: f };
}

const newCore = () => new WallCore({ wall, layout: normal, log: memoryLogger() });

describe('last shown table', () => {
  it('keeps the scenario with its layout, and the newest value of each key', () => {
    const { db } = database();
    expect(db.lastShown.scenario(wall.id)).toBeNull();
    db.lastShown.saveScenario(wall.id, scenario(3), flood);
    expect(db.lastShown.scenario(wall.id)).toMatchObject({ scenario: scenario(3), layout: flood, savedAt: expect.any(Number) });

    db.lastShown.saveData(wall.id, [kpi('a', 1, 100), kpi('b', 2, 100)]);
    db.lastShown.saveData(wall.id, [kpi('a', 5, 200)]);
    db.lastShown.saveData(wall.id, [kpi('b', 9, 50)]); // older than what is kept: ignored
    expect(Object.fromEntries(db.lastShown.data(wall.id).map((e) => [e.key, e]))).toEqual({ a: kpi('a', 5, 200), b: kpi('b', 2, 100) });
  });

  it('keeps at most as many keys as the data cache, dropping the least recently updated', () => {
    let t = 0;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-shown-'));
    dirs.push(dir);
    const opened = openDatabase(path.join(dir, 'wall.db'), { logger: memoryLogger(), now: () => ++t });
    if (!opened.ok) throw new Error(opened.error.message);
    const db = opened.value;
    open.push(db);
    db.walls.upsert(wall);
    db.lastShown.saveData(wall.id, [kpi('first', 1, 1)]);
    db.lastShown.saveData(wall.id, Array.from({ length: MAX_DATA_POINTS }, (_, i) => kpi(`k${i}`, i, 2)));
    const kept = db.lastShown.data(wall.id);
    expect(kept).toHaveLength(MAX_DATA_POINTS);
    expect(kept.some((e) => e.key === 'first')).toBe(false);
  });

  it('a damaged row is logged and left out, never shown', () => {
    const { db, file } = database();
    db.lastShown.saveData(wall.id, [kpi('good', 1, 1), kpi('bad', 2, 1)]);
    db.lastShown.saveScenario(wall.id, scenario(1), flood);
    const raw = new Database(file);
    raw.prepare("UPDATE data_points SET entry_json = '{\"key\":\"bad\"}' WHERE key = 'bad'").run();
    raw.prepare("UPDATE shown_scenario SET layout_json = 'not json'").run();
    raw.close();
    expect(db.lastShown.data(wall.id).map((e) => e.key)).toEqual(['good']);
    expect(db.lastShown.scenario(wall.id)).toBeNull();
  });
});

describe('keeping what the wall shows', () => {
  it('coalesces data: one write per interval with the last value of each key, and a last one on close', () => {
    const { db } = database();
    const core = newCore();
    const writes: number[] = [];
    const table = { ...db.lastShown, saveData: (w: string, e: readonly DataEntry[]) => (writes.push(e.length), db.lastShown.saveData(w, e)) };
    const keeper = keepLastShown({ core, table, log: memoryLogger(), flushEveryMs: 60_000 });
    for (let i = 1; i <= 100; i++) core.publishData([kpi('a', i, i), kpi('b', i, i)]);
    expect(writes).toEqual([]);
    keeper.flush();
    expect(writes).toEqual([2]);
    core.publishData([kpi('c', 1, 1)]);
    keeper.close();
    expect(writes).toEqual([2, 1]);
    expect(db.lastShown.data(wall.id).find((e) => e.key === 'a')?.value).toMatchObject({ value: 100 });
    core.publishData([kpi('d', 1, 1)]);
    keeper.flush();
    expect(writes).toEqual([2, 1]); // closed: no longer listening
  });

  it('after a restart the scenario, its revision and the data are shown at once, the data stale until the hub is connected', () => {
    const { db } = database();
    const before = newCore();
    const keeper = keepLastShown({ core: before, table: db.lastShown, log: memoryLogger() });
    before.applyScenario(scenario(4), flood);
    before.publishData([kpi('kpi.flood.rescue-teams', 12, 1000)]);
    keeper.close();

    const after = newCore();
    const log = memoryLogger();
    const again = keepLastShown({ core: after, table: db.lastShown, log });
    expect(after.state.scenario).toEqual(scenario(4));
    expect(after.state.layout).toEqual(flood);
    expect(after.dataCache.get('kpi.flood.rescue-teams')).toEqual(kpi('kpi.flood.rescue-teams', 12, 1000));
    expect(after.state.dataStale).toEqual({ since: expect.any(Number) });
    expect(log.lines.some((l) => l.msg === 'shown again what the wall showed before the restart')).toBe(true);

    after.setBackend({ state: 'lost', since: 5, hubUrl: 'http://hub' });
    expect(after.state.dataStale).not.toBeNull();
    after.setBackend({ state: 'connected', since: 6, hubUrl: 'http://hub' });
    expect(after.state.dataStale).toBeNull();
    // The hub's same revision is not shown again; a newer one is, and saved.
    expect(after.applyScenario(scenario(4), flood).applied).toBe(false);
    expect(after.applyScenario(scenario(5), normal).applied).toBe(true);
    expect(db.lastShown.scenario(wall.id)?.scenario.revision).toBe(5);
    expect(db.lastShown.scenario(wall.id)?.layout).toEqual(normal);
    again.close();
  });

  it('a live wall marks its data stale when the hub is lost, and live again once connected', () => {
    const core = newCore();
    core.setBackend({ state: 'lost', since: 1, hubUrl: 'http://hub' });
    expect(core.state.dataStale).toBeUndefined(); // nothing shown: nothing stale
    core.setBackend({ state: 'connected', since: 2, hubUrl: 'http://hub' });
    core.publishData([kpi('a', 1, 1)]);
    core.setBackend({ state: 'lost', since: 3, hubUrl: 'http://hub' });
    expect(core.state.dataStale).toEqual({ since: 3 });
    core.setBackend({ state: 'connected', since: 4, hubUrl: 'http://hub' });
    expect(core.state.dataStale).toBeNull();
  });

  it('a saved layout that no longer fits the wall is not shown again; the data still are', () => {
    const { db } = database();
    db.lastShown.saveScenario(wall.id, scenario(2), { ...flood, panels: [{ ...flood.panels[0]!, rect: { x: 90_000, y: 0, width: 100, height: 100 } }] });
    db.lastShown.saveData(wall.id, [kpi('a', 1, 1)]);
    const core = newCore();
    const log = memoryLogger();
    keepLastShown({ core, table: db.lastShown, log }).close();
    expect(core.state.scenario).toBeNull();
    expect(core.state.layout).toBe(normal);
    expect(core.dataCache.get('a')).toBeDefined();
    expect(log.lines.some((l) => l.level === 'warn' && /does not fit the wall/.test(l.msg))).toBe(true);
  });
});
