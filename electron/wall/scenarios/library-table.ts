import type Database from 'better-sqlite3';
import { ScenarioSchema, type Scenario } from '../../../common/protocol/scenario.js';
import { fail, ok, type Result } from '../../../common/result.js';
import type { LibraryEntry } from '../../../common/scenario-console-contract.js';
import type { Logger } from '../../../node-common/db/logger.js';
import { readJson } from '../../../node-common/db/read-json.js';

// This node's scenario library: scenarios being prepared on the console, revisioned like layouts so
// two consoles editing the same one see the conflict.

interface Row {
  id: string;
  scenario_json: string;
  revision: number;
  updated_at: number;
  updated_by: string;
}

export interface LibraryTable {
  list(wallId: string): LibraryEntry[];
  get(id: string): { scenario: Scenario; revision: number } | null;
  save(scenario: Scenario, expectedRevision: number, by: string): Result<number>;
  remove(id: string): boolean;
}

export function libraryTable(db: Database.Database, logger: Logger, now: () => number): LibraryTable {
  const s = {
    list: db.prepare<[string], Row>('SELECT id, scenario_json, revision, updated_at, updated_by FROM scenario_library WHERE wall_id = ? ORDER BY id'),
    get: db.prepare<[string], Row>('SELECT id, scenario_json, revision, updated_at, updated_by FROM scenario_library WHERE id = ?'),
    revision: db.prepare<[string], { revision: number }>('SELECT revision FROM scenario_library WHERE id = ?'),
    upsert: db.prepare<{ id: string; wallId: string; json: string; revision: number; now: number; by: string }>(
      `INSERT INTO scenario_library (id, wall_id, scenario_json, revision, updated_at, updated_by)
       VALUES (@id, @wallId, @json, @revision, @now, @by)
       ON CONFLICT (id) DO UPDATE SET wall_id = excluded.wall_id, scenario_json = excluded.scenario_json,
         revision = excluded.revision, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
    remove: db.prepare<[string]>('DELETE FROM scenario_library WHERE id = ?'),
  };
  const parse = (row: Row) => readJson(ScenarioSchema, row.scenario_json, `scenario_library row "${row.id}"`, logger);

  const saveTx = db.transaction((scenario: Scenario, expected: number, by: string): Result<number> => {
    const current = s.revision.get(scenario.id)?.revision ?? 0;
    if (expected === 0 && current > 0) {
      return fail('scenario/exists', `this console's library already has a scenario "${scenario.id}" (revision ${current}): give the new one another id, or open that one to edit it.`);
    }
    if (expected !== current) {
      const state = current === 0 ? 'it has been removed' : `it is now at revision ${current}`;
      return fail('scenario/conflict', `scenario "${scenario.id}" was changed elsewhere: your edit is based on revision ${expected} but ${state}. Reload it and apply your change again.`);
    }
    s.upsert.run({ id: scenario.id, wallId: scenario.layout.wallId, json: JSON.stringify(scenario), revision: current + 1, now: now(), by });
    return ok(current + 1);
  });

  return {
    list: (wallId) =>
      s.list.all(wallId).flatMap((row) => {
        const sc = parse(row);
        return sc ? [{ id: sc.id, name: sc.name, severity: sc.severity, revision: row.revision, updatedAt: row.updated_at, updatedBy: row.updated_by, panels: sc.layout.panels.length }] : [];
      }),
    get(id) {
      const row = s.get.get(id);
      const scenario = row ? parse(row) : null;
      return row && scenario ? { scenario, revision: row.revision } : null;
    },
    save: (scenario, expected, by) => saveTx.immediate(scenario, expected, by),
    remove: (id) => s.remove.run(id).changes > 0,
  };
}
