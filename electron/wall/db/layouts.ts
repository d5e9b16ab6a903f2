import { describeIssues } from '../../../common/contract.js';
import { fail, ok, type Result } from '../../../common/result.js';
import { LayoutSchema, type Layout, type LayoutInput } from '../../../common/wall/layout-schema.js';
import type { TableContext } from './context.js';
import type { LayoutRow } from './statements.js';
import { readJson } from '../../../node-common/db/read-json.js';

export interface StoredLayout {
  layout: Layout;
  /** 1 on first save, +1 on every save; pass it back to `save` to detect a concurrent edit. */
  revision: number;
  updatedAt: number;
}

export interface LayoutsTable {
  /**
   * Validate and store; returns the new revision. With `expectedRevision` the save happens only if
   * the stored revision still equals it (0 = "must not exist yet"), otherwise `layout/conflict`:
   * two consoles editing the same layout must not silently overwrite each other.
   */
  save(layout: LayoutInput, expectedRevision?: number): Result<number>;
  /** null when absent, or when the stored row is invalid (logged). */
  get(id: string): StoredLayout | null;
  /** Valid layouts of a wall by name; invalid rows are logged and left out. */
  listForWall(wallId: string): StoredLayout[];
  /** false when there was no such layout. */
  remove(id: string): boolean;
}

export function layoutsTable({ db, statements: s, emitter, logger, now }: TableContext): LayoutsTable {
  const fromRow = (row: LayoutRow): StoredLayout | null => {
    const layout = readJson(LayoutSchema, row.layout_json, `layouts row "${row.id}"`, logger);
    if (!layout) return null;
    if (layout.id !== row.id || layout.wallId !== row.wall_id) {
      logger.warn(
        `layouts row "${row.id}" (wall "${row.wall_id}") holds layout "${layout.id}" of wall "${layout.wallId}"; ` +
          'ignoring it. Saving the layout again replaces it.',
      );
      return null;
    }
    return { layout, revision: row.revision, updatedAt: row.updated_at };
  };

  // Read and write under one write lock, so no other connection can slip a save in between.
  const saveTx = db.transaction((layout: Layout, expectedRevision: number | undefined): Result<number> => {
    if (!s.wallExists.get(layout.wallId)) {
      return fail('layout/unknown-wall', `layout "${layout.id}" belongs to wall "${layout.wallId}", which is not saved; save the wall first`);
    }
    const current = s.layoutRevision.get(layout.id)?.revision ?? 0;
    if (expectedRevision !== undefined && expectedRevision !== current) {
      const state = current === 0 ? 'it has been removed' : `it is now at revision ${current}`;
      return fail(
        'layout/conflict',
        `layout "${layout.id}" was changed elsewhere: your edit is based on revision ${expectedRevision} but ${state}. ` +
          'Reload it and apply your change again.',
      );
    }
    const revision = current + 1;
    s.layoutUpsert.run({ id: layout.id, wallId: layout.wallId, name: layout.name, json: JSON.stringify(layout), revision, now: now() });
    return ok(revision);
  });

  return {
    save(input, expectedRevision) {
      const parsed = LayoutSchema.safeParse(input);
      if (!parsed.success) return fail('layout/invalid', `layout "${String(input.id)}" is not valid: ${describeIssues(parsed.error)}`);
      const result = saveTx.immediate(parsed.data, expectedRevision);
      if (result.ok) emitter.emit('change', { table: 'layouts', id: parsed.data.id });
      return result;
    },

    get(id) {
      const row = s.layoutGet.get(id);
      return row ? fromRow(row) : null;
    },

    listForWall(wallId) {
      return s.layoutListForWall.all(wallId).flatMap((row) => fromRow(row) ?? []);
    },

    remove(id) {
      if (s.layoutRemove.run(id).changes === 0) return false;
      emitter.emit('change', { table: 'layouts', id });
      return true;
    },
  };
}
