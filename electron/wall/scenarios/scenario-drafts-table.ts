import type Database from 'better-sqlite3';
import { ScenarioSchema, type Scenario } from '../../../common/protocol/scenario.js';
import type { ScenarioDraft, ScenarioDraftInfo } from '../../../common/scenario-console-contract.js';
import type { Logger } from '../../../node-common/db/logger.js';
import { readJson } from '../../../node-common/db/read-json.js';

// The scenario editor's drafts, one per person and scenario, written as they edit so a closed window or
// a crash loses nothing. A save to the library drops the draft.

interface Row {
  scenario_id: string;
  scenario_json: string;
  base_revision: number;
  updated_at: number;
}

export interface ScenarioDraftsTable {
  list(username: string, wallId: string): ScenarioDraftInfo[];
  get(username: string, scenarioId: string): ScenarioDraft | null;
  save(username: string, scenario: Scenario, baseRevision: number): void;
  discard(username: string, scenarioId: string): void;
}

export function scenarioDraftsTable(db: Database.Database, logger: Logger, now: () => number): ScenarioDraftsTable {
  const s = {
    list: db.prepare<[string, string], Row>('SELECT scenario_id, scenario_json, base_revision, updated_at FROM scenario_drafts WHERE username = ? AND wall_id = ? ORDER BY updated_at DESC'),
    get: db.prepare<[string, string], Row>('SELECT scenario_id, scenario_json, base_revision, updated_at FROM scenario_drafts WHERE username = ? AND scenario_id = ?'),
    upsert: db.prepare<{ username: string; id: string; wallId: string; json: string; base: number; now: number }>(
      `INSERT INTO scenario_drafts (username, scenario_id, wall_id, scenario_json, base_revision, updated_at)
       VALUES (@username, @id, @wallId, @json, @base, @now)
       ON CONFLICT (username, scenario_id) DO UPDATE SET wall_id = excluded.wall_id, scenario_json = excluded.scenario_json,
         base_revision = excluded.base_revision, updated_at = excluded.updated_at`,
    ),
    discard: db.prepare<[string, string]>('DELETE FROM scenario_drafts WHERE username = ? AND scenario_id = ?'),
  };
  const parse = (username: string, row: Row) => readJson(ScenarioSchema, row.scenario_json, `scenario_drafts row "${username}/${row.scenario_id}"`, logger);
  return {
    list: (username, wallId) =>
      s.list.all(username, wallId).flatMap((row) => {
        const scenario = parse(username, row);
        return scenario ? [{ scenarioId: row.scenario_id, name: scenario.name, baseRevision: row.base_revision, updatedAt: row.updated_at }] : [];
      }),
    get(username, scenarioId) {
      const row = s.get.get(username, scenarioId);
      const scenario = row ? parse(username, row) : null;
      return row && scenario ? { scenario, baseRevision: row.base_revision, updatedAt: row.updated_at } : null;
    },
    save: (username, scenario, base) =>
      void s.upsert.run({ username, id: scenario.id, wallId: scenario.layout.wallId, json: JSON.stringify(scenario), base, now: now() }),
    discard: (username, scenarioId) => void s.discard.run(username, scenarioId),
  };
}
