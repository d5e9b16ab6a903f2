import type Database from 'better-sqlite3';
import type { AuditRow } from '../../node-common/audit/audit-table.js';

// Every SQL statement the hub uses, prepared once by name.

export interface ScenarioRow {
  id: string;
  wall_id: string;
  version: number;
  scenario_json: string;
}

export interface ActivationRow {
  revision: number;
  scenario_id: string;
  activation_json: string;
}

export function prepareHubStatements(db: Database.Database) {
  return {
    scenarioUpsert: db.prepare<{ id: string; wallId: string; version: number; json: string; now: number }>(
      `INSERT INTO scenarios (id, wall_id, version, scenario_json, updated_at) VALUES (@id, @wallId, @version, @json, @now)
       ON CONFLICT (id) DO UPDATE SET wall_id = excluded.wall_id, version = excluded.version,
         scenario_json = excluded.scenario_json, updated_at = excluded.updated_at`,
    ),
    scenarioGet: db.prepare<[string], ScenarioRow>('SELECT id, wall_id, version, scenario_json FROM scenarios WHERE id = ?'),
    scenarioList: db.prepare<[], ScenarioRow>('SELECT id, wall_id, version, scenario_json FROM scenarios ORDER BY wall_id, id'),

    wallIds: db.prepare<[], { wall_id: string }>('SELECT wall_id FROM wall_revisions ORDER BY wall_id'),
    revisionGet: db.prepare<[string], { revision: number }>('SELECT revision FROM wall_revisions WHERE wall_id = ?'),
    revisionSet: db.prepare<{ wallId: string; revision: number; now: number }>(
      `INSERT INTO wall_revisions (wall_id, revision, updated_at) VALUES (@wallId, @revision, @now)
       ON CONFLICT (wall_id) DO UPDATE SET revision = excluded.revision, updated_at = excluded.updated_at`,
    ),
    activationInsert: db.prepare<{ wallId: string; revision: number; scenarioId: string; json: string }>(
      'INSERT INTO activations (wall_id, revision, scenario_id, activation_json) VALUES (@wallId, @revision, @scenarioId, @json)',
    ),
    activationLatest: db.prepare<[string], ActivationRow>(
      'SELECT revision, scenario_id, activation_json FROM activations WHERE wall_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    /** The newest activation before `revision` of a scenario other than `scenarioId`: what revert returns to. */
    activationPrevious: db.prepare<[string, number, string], ActivationRow>(
      `SELECT revision, scenario_id, activation_json FROM activations
       WHERE wall_id = ? AND revision < ? AND scenario_id <> ? ORDER BY revision DESC LIMIT 1`,
    ),

    /** Appends go through the shared audit table (node-common/audit); the hub only reads the newest. */
    auditRecent: db.prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?'),

    idempotencyGet: db.prepare<[string, number], { answer_json: string }>('SELECT answer_json FROM idempotency_keys WHERE key = ? AND created_at >= ?'),
    idempotencyPut: db.prepare<{ key: string; json: string; now: number }>(
      `INSERT INTO idempotency_keys (key, answer_json, created_at) VALUES (@key, @json, @now)
       ON CONFLICT (key) DO UPDATE SET answer_json = excluded.answer_json, created_at = excluded.created_at`,
    ),
    idempotencyExpire: db.prepare<[number]>('DELETE FROM idempotency_keys WHERE created_at < ?'),

    settingGet: db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?'),
    settingSet: db.prepare<{ key: string; json: string; now: number }>(
      `INSERT INTO settings (key, value_json, updated_at) VALUES (@key, @json, @now)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ),
  };
}

export type HubStatements = ReturnType<typeof prepareHubStatements>;
