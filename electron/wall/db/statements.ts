import type Database from 'better-sqlite3';

// Every SQL statement the tables use, prepared once by name. Writes never use INSERT OR REPLACE:
// REPLACE deletes the old row first, which would cascade-delete a wall's layouts.

export interface WallRow {
  id: string;
  config_json: string;
}

export interface LayoutRow {
  id: string;
  wall_id: string;
  layout_json: string;
  revision: number;
  updated_at: number;
}

export interface SettingRow {
  value_json: string;
}

export interface ShownScenarioRow {
  scenario_json: string;
  layout_json: string;
  updated_at: number;
}

export interface DataPointRow {
  key: string;
  entry_json: string;
}

interface Found {
  found: 1;
}

export function prepareStatements(db: Database.Database) {
  return {
    wallUpsert: db.prepare<{ id: string; name: string; json: string; now: number }>(
      `INSERT INTO walls (id, name, config_json, updated_at) VALUES (@id, @name, @json, @now)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, config_json = excluded.config_json, updated_at = excluded.updated_at`,
    ),
    wallGet: db.prepare<[string], WallRow>('SELECT id, config_json FROM walls WHERE id = ?'),
    wallList: db.prepare<[], WallRow>('SELECT id, config_json FROM walls ORDER BY id'),
    wallExists: db.prepare<[string], Found>('SELECT 1 AS found FROM walls WHERE id = ?'),
    wallRemove: db.prepare<[string]>('DELETE FROM walls WHERE id = ?'),

    layoutUpsert: db.prepare<{ id: string; wallId: string; name: string; json: string; revision: number; now: number }>(
      `INSERT INTO layouts (id, wall_id, name, layout_json, revision, updated_at)
       VALUES (@id, @wallId, @name, @json, @revision, @now)
       ON CONFLICT (id) DO UPDATE SET wall_id = excluded.wall_id, name = excluded.name,
         layout_json = excluded.layout_json, revision = excluded.revision, updated_at = excluded.updated_at`,
    ),
    layoutRevision: db.prepare<[string], { revision: number }>('SELECT revision FROM layouts WHERE id = ?'),
    layoutGet: db.prepare<[string], LayoutRow>('SELECT id, wall_id, layout_json, revision, updated_at FROM layouts WHERE id = ?'),
    layoutListForWall: db.prepare<[string], LayoutRow>(
      'SELECT id, wall_id, layout_json, revision, updated_at FROM layouts WHERE wall_id = ? ORDER BY name, id',
    ),
    layoutIdsForWall: db.prepare<[string], { id: string }>('SELECT id FROM layouts WHERE wall_id = ? ORDER BY id'),
    layoutRemove: db.prepare<[string]>('DELETE FROM layouts WHERE id = ?'),

    settingGet: db.prepare<[string], SettingRow>('SELECT value_json FROM settings WHERE key = ?'),
    settingSet: db.prepare<{ key: string; json: string; now: number }>(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (@key, @json, @now)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ),

    shownScenarioSet: db.prepare<{ wallId: string; scenario: string; layout: string; revision: number; now: number }>(
      `INSERT INTO shown_scenario (wall_id, scenario_json, layout_json, revision, updated_at) VALUES (@wallId, @scenario, @layout, @revision, @now)
       ON CONFLICT (wall_id) DO UPDATE SET scenario_json = excluded.scenario_json, layout_json = excluded.layout_json,
         revision = excluded.revision, updated_at = excluded.updated_at`,
    ),
    shownScenarioGet: db.prepare<[string], ShownScenarioRow>('SELECT scenario_json, layout_json, updated_at FROM shown_scenario WHERE wall_id = ?'),
    // An older value never replaces a newer one (the hub may resend on reconnect).
    dataPointSet: db.prepare<{ wallId: string; key: string; json: string; at: number; now: number }>(
      `INSERT INTO data_points (wall_id, key, entry_json, at, updated_at) VALUES (@wallId, @key, @json, @at, @now)
       ON CONFLICT (wall_id, key) DO UPDATE SET entry_json = excluded.entry_json, at = excluded.at, updated_at = excluded.updated_at
       WHERE excluded.at >= data_points.at`,
    ),
    dataPointList: db.prepare<[string, number], DataPointRow>(
      'SELECT key, entry_json FROM data_points WHERE wall_id = ? ORDER BY updated_at DESC, key LIMIT ?',
    ),
    dataPointCount: db.prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM data_points WHERE wall_id = ?'),
    dataPointTrim: db.prepare<[string, string, number]>(
      `DELETE FROM data_points WHERE wall_id = ? AND key NOT IN
         (SELECT key FROM data_points WHERE wall_id = ? ORDER BY updated_at DESC, key LIMIT ?)`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
