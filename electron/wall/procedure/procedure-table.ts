import type Database from 'better-sqlite3';
import { ProcedureSchema, type Procedure } from '../../../common/procedure.js';
import type { Logger } from '../../../node-common/db/logger.js';
import { readJson } from '../../../node-common/db/read-json.js';

// Every response procedure this wall ran, open or closed: the record of who did which step when.
// One row per procedure, rewritten whole on each change (50 steps at most).

interface Row {
  procedure_json: string;
}

export interface ProcedureTable {
  save(wallId: string, procedure: Procedure): void;
  /** Procedures not closed yet (normally none or one: the node stopped while it ran). */
  open(wallId: string): Procedure[];
  /** Closed procedures, newest first. */
  history(wallId: string, limit: number): Procedure[];
}

export function procedureTable(db: Database.Database, logger: Logger, now: () => number): ProcedureTable {
  const s = {
    save: db.prepare<{ id: string; wallId: string; scenarioId: string; hubRevision: number; startedAt: number; closedAt: number | null; json: string; now: number }>(
      `INSERT INTO procedure_runs (id, wall_id, scenario_id, hub_revision, started_at, closed_at, procedure_json, updated_at)
       VALUES (@id, @wallId, @scenarioId, @hubRevision, @startedAt, @closedAt, @json, @now)
       ON CONFLICT (id) DO UPDATE SET closed_at = excluded.closed_at, procedure_json = excluded.procedure_json, updated_at = excluded.updated_at`,
    ),
    open: db.prepare<[string], Row>('SELECT procedure_json FROM procedure_runs WHERE wall_id = ? AND closed_at IS NULL ORDER BY started_at DESC'),
    history: db.prepare<[string, number], Row>('SELECT procedure_json FROM procedure_runs WHERE wall_id = ? AND closed_at IS NOT NULL ORDER BY closed_at DESC LIMIT ?'),
  };
  const read = (rows: Row[], wallId: string) => rows.flatMap((r) => readJson(ProcedureSchema, r.procedure_json, `response procedure of wall "${wallId}"`, logger) ?? []);
  return {
    save(wallId, p) {
      s.save.run({ id: p.id, wallId, scenarioId: p.scenarioId, hubRevision: p.hubRevision, startedAt: p.startedAt, closedAt: p.closed?.at ?? null, json: JSON.stringify(p), now: now() });
    },
    open: (wallId) => read(s.open.all(wallId), wallId),
    history: (wallId, limit) => read(s.history.all(wallId, limit), wallId),
  };
}
