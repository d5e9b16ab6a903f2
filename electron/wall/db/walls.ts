import { describeIssues } from '../../../common/contract.js';
import { fail, ok, type Result } from '../../../common/result.js';
import { WallSchema, type WallConfig, type WallConfigInput } from '../../../common/wall/schema.js';
import type { TableContext } from './context.js';
import type { WallRow } from './statements.js';
import { readJson } from '../../../node-common/db/read-json.js';

export interface WallsTable {
  /** Validate and store (defaults filled in); the stored config is returned. Keeps the wall's layouts. */
  upsert(config: WallConfigInput): Result<WallConfig>;
  /** null when absent, or when the stored row is invalid (logged). */
  get(id: string): WallConfig | null;
  /** Valid walls by id; invalid rows are logged and left out. */
  list(): WallConfig[];
  /** Removes the wall and, by cascade, its layouts. false when there was no such wall. */
  remove(id: string): boolean;
}

export function wallsTable({ db, statements: s, emitter, logger, now }: TableContext): WallsTable {
  const fromRow = (row: WallRow): WallConfig | null => {
    const wall = readJson(WallSchema, row.config_json, `walls row "${row.id}"`, logger);
    if (wall && wall.id !== row.id) {
      logger.warn(`walls row "${row.id}" holds the config of wall "${wall.id}"; ignoring it. Saving the wall again replaces it.`);
      return null;
    }
    return wall;
  };

  const removeTx = db.transaction((id: string) => {
    const layoutIds = s.layoutIdsForWall.all(id).map((r) => r.id);
    return { removed: s.wallRemove.run(id).changes > 0, layoutIds };
  });

  return {
    upsert(config) {
      const parsed = WallSchema.safeParse(config);
      if (!parsed.success) return fail('wall/invalid', `wall "${String(config.id)}" is not valid: ${describeIssues(parsed.error)}`);
      const wall = parsed.data;
      s.wallUpsert.run({ id: wall.id, name: wall.name, json: JSON.stringify(wall), now: now() });
      emitter.emit('change', { table: 'walls', id: wall.id });
      return ok(wall);
    },

    get(id) {
      const row = s.wallGet.get(id);
      return row ? fromRow(row) : null;
    },

    list() {
      return s.wallList.all().flatMap((row) => fromRow(row) ?? []);
    },

    remove(id) {
      const { removed, layoutIds } = removeTx.immediate(id);
      if (!removed) return false;
      emitter.emit('change', { table: 'walls', id });
      for (const layoutId of layoutIds) emitter.emit('change', { table: 'layouts', id: layoutId });
      return true;
    },
  };
}
