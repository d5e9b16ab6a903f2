import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Draft, DraftInfo } from '../../../common/layout-contract.js';
import { ScenarioSchema, type Scenario } from '../../../common/protocol/scenario.js';
import type { ScenarioDraft, ScenarioDraftInfo } from '../../../common/scenario-console-contract.js';
import { LayoutSchema, type Layout } from '../../../common/wall/layout-schema.js';
import type { Logger } from '../../../node-common/db/logger.js';
import { readJson } from '../../../node-common/db/read-json.js';

// The editors' drafts (layouts, scenarios): one per person and item, written as they edit so a closed
// window or a crash loses nothing; saving the item drops its draft. One table code for both kinds.

interface DraftsSpec<T> {
  table: 'layout_drafts' | 'scenario_drafts';
  idColumn: string;
  jsonColumn: string;
  schema: z.ZodType<T>;
  idOf(item: T): string;
  /** Columns written beside the JSON (NOT NULL in the table), e.g. a name or the item's wall. */
  columns: Record<string, (item: T) => string | number>;
  /** A column that narrows a person's list, e.g. wall_id. */
  listBy?: string;
}

interface StoredDraft<T> {
  id: string;
  item: T;
  baseRevision: number;
  updatedAt: number;
}

interface Drafts<T> {
  /** Newest first; a row that no longer reads is logged and left out. `scope` is the listBy value. */
  list(username: string, scope?: string): Array<StoredDraft<T>>;
  get(username: string, id: string): StoredDraft<T> | null;
  save(username: string, item: T, baseRevision: number): void;
  discard(username: string, id: string): void;
}

interface Row {
  id: string;
  json: string;
  base_revision: number;
  updated_at: number;
}

function draftsOf<T>(db: Database.Database, logger: Logger, now: () => number, spec: DraftsSpec<T>): Drafts<T> {
  const { table, idColumn: idCol, jsonColumn: jsonCol } = spec;
  const select = `SELECT ${idCol} AS id, ${jsonCol} AS json, base_revision, updated_at FROM ${table} WHERE username = ?`;
  const extra = Object.keys(spec.columns);
  const written = [idCol, jsonCol, ...extra, 'base_revision', 'updated_at'];
  const s = {
    list: db.prepare<string[], Row>(`${select}${spec.listBy ? ` AND ${spec.listBy} = ?` : ''} ORDER BY updated_at DESC`),
    get: db.prepare<[string, string], Row>(`${select} AND ${idCol} = ?`),
    upsert: db.prepare<Record<string, string | number>>(
      `INSERT INTO ${table} (username, ${written.join(', ')}) VALUES (@username, ${written.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (username, ${idCol}) DO UPDATE SET ${written.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ),
    discard: db.prepare<[string, string]>(`DELETE FROM ${table} WHERE username = ? AND ${idCol} = ?`),
  };
  const read = (username: string, row: Row): StoredDraft<T> | null => {
    const item = readJson(spec.schema, row.json, `${table} row "${username}/${row.id}"`, logger);
    return item === null ? null : { id: row.id, item, baseRevision: row.base_revision, updatedAt: row.updated_at };
  };
  return {
    list(username, scope) {
      if ((scope === undefined) !== (spec.listBy === undefined)) throw new Error(`${table}: list by ${spec.listBy ?? 'person only'}, got scope ${String(scope)}`);
      const params = scope === undefined ? [username] : [username, scope];
      return s.list.all(...params).flatMap((row) => read(username, row) ?? []);
    },
    get(username, id) {
      const row = s.get.get(username, id);
      return row ? read(username, row) : null;
    },
    save(username, item, baseRevision) {
      const values: Record<string, string | number> = { username, [idCol]: spec.idOf(item), [jsonCol]: JSON.stringify(item), base_revision: baseRevision, updated_at: now() };
      for (const [column, value] of Object.entries(spec.columns)) values[column] = value(item);
      s.upsert.run(values);
    },
    discard: (username, id) => void s.discard.run(username, id),
  };
}

export interface DraftsTable {
  list(username: string): DraftInfo[];
  get(username: string, layoutId: string): Draft | null;
  save(username: string, layout: Layout, baseRevision: number): void;
  discard(username: string, layoutId: string): void;
}

/** The layout editor's drafts. */
export function draftsTable(db: Database.Database, logger: Logger, now: () => number): DraftsTable {
  const d = draftsOf<Layout>(db, logger, now, {
    table: 'layout_drafts', idColumn: 'layout_id', jsonColumn: 'layout_json', schema: LayoutSchema, idOf: (l) => l.id, columns: { name: (l) => l.name },
  });
  return {
    list: (username) => d.list(username).map((r) => ({ layoutId: r.id, name: r.item.name, baseRevision: r.baseRevision, updatedAt: r.updatedAt })),
    get(username, layoutId) {
      const r = d.get(username, layoutId);
      return r && { layout: r.item, baseRevision: r.baseRevision, updatedAt: r.updatedAt };
    },
    save: d.save,
    discard: d.discard,
  };
}

export interface ScenarioDraftsTable {
  /** A person's drafts of scenarios for one wall. */
  list(username: string, wallId: string): ScenarioDraftInfo[];
  get(username: string, scenarioId: string): ScenarioDraft | null;
  save(username: string, scenario: Scenario, baseRevision: number): void;
  discard(username: string, scenarioId: string): void;
}

/** The scenario editor's drafts. */
export function scenarioDraftsTable(db: Database.Database, logger: Logger, now: () => number): ScenarioDraftsTable {
  const d = draftsOf<Scenario>(db, logger, now, {
    table: 'scenario_drafts', idColumn: 'scenario_id', jsonColumn: 'scenario_json', schema: ScenarioSchema,
    idOf: (sc) => sc.id, columns: { wall_id: (sc) => sc.layout.wallId }, listBy: 'wall_id',
  });
  return {
    list: (username, wallId) => d.list(username, wallId).map((r) => ({ scenarioId: r.id, name: r.item.name, baseRevision: r.baseRevision, updatedAt: r.updatedAt })),
    get(username, scenarioId) {
      const r = d.get(username, scenarioId);
      return r && { scenario: r.item, baseRevision: r.baseRevision, updatedAt: r.updatedAt };
    },
    save: d.save,
    discard: d.discard,
  };
}
