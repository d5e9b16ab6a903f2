import type Database from 'better-sqlite3';
import type { Draft, DraftInfo } from '../../../common/layout-contract.js';
import { LayoutSchema, type Layout } from '../../../common/wall/layout-schema.js';
import type { Logger } from '../../../node-common/db/logger.js';
import { readJson } from '../../../node-common/db/read-json.js';

// The layout editor's drafts, one per person and layout, written as they edit so a crash loses nothing.

interface DraftRow {
  layout_id: string;
  name: string;
  layout_json: string;
  base_revision: number;
  updated_at: number;
}

export interface DraftsTable {
  list(username: string): DraftInfo[];
  get(username: string, layoutId: string): Draft | null;
  save(username: string, layout: Layout, baseRevision: number): void;
  discard(username: string, layoutId: string): void;
}

export function draftsTable(db: Database.Database, logger: Logger, now: () => number): DraftsTable {
  const s = {
    list: db.prepare<[string], DraftRow>('SELECT layout_id, name, layout_json, base_revision, updated_at FROM layout_drafts WHERE username = ? ORDER BY updated_at DESC'),
    get: db.prepare<[string, string], DraftRow>('SELECT layout_id, name, layout_json, base_revision, updated_at FROM layout_drafts WHERE username = ? AND layout_id = ?'),
    upsert: db.prepare<{ username: string; layoutId: string; name: string; json: string; base: number; now: number }>(
      `INSERT INTO layout_drafts (username, layout_id, name, layout_json, base_revision, updated_at)
       VALUES (@username, @layoutId, @name, @json, @base, @now)
       ON CONFLICT (username, layout_id) DO UPDATE SET name = excluded.name, layout_json = excluded.layout_json,
         base_revision = excluded.base_revision, updated_at = excluded.updated_at`,
    ),
    discard: db.prepare<[string, string]>('DELETE FROM layout_drafts WHERE username = ? AND layout_id = ?'),
  };
  return {
    list: (username) => s.list.all(username).map((r) => ({ layoutId: r.layout_id, name: r.name, baseRevision: r.base_revision, updatedAt: r.updated_at })),
    get(username, layoutId) {
      const row = s.get.get(username, layoutId);
      if (!row) return null;
      const layout = readJson(LayoutSchema, row.layout_json, `layout_drafts row "${username}/${layoutId}"`, logger);
      return layout ? { layout, baseRevision: row.base_revision, updatedAt: row.updated_at } : null;
    },
    save: (username, layout, base) => void s.upsert.run({ username, layoutId: layout.id, name: layout.name, json: JSON.stringify(layout), base, now: now() }),
    discard: (username, layoutId) => void s.discard.run(username, layoutId),
  };
}
