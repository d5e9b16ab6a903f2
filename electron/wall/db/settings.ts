import type { z } from 'zod';
import { fail, ok, type Result } from '../../../common/result.js';
import type { TableContext } from './context.js';
import { errorMessage } from '../../../node-common/db/errors.js';
import { readJson } from '../../../node-common/db/read-json.js';

export interface SettingsTable {
  /** The value validated by `schema`; null when absent or invalid (invalid is logged, never thrown). */
  get<S extends z.ZodType>(key: string, schema: S): z.output<S> | null;
  /** Store any JSON value; fails for values JSON cannot hold (undefined, functions, BigInt, cycles). */
  set(key: string, value: unknown): Result<null>;
}

export function settingsTable({ statements: s, emitter, logger, now }: TableContext): SettingsTable {
  return {
    get(key, schema) {
      const row = s.settingGet.get(key);
      return row ? readJson(schema, row.value_json, `setting "${key}"`, logger) : null;
    },

    set(key, value) {
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch (error) {
        return fail('settings/not-json', `setting "${key}" cannot be stored as JSON: ${errorMessage(error)}`);
      }
      if (json === undefined) return fail('settings/not-json', `setting "${key}" cannot be stored as JSON: it is ${typeof value}`);
      s.settingSet.run({ key, json, now: now() });
      emitter.emit('change', { table: 'settings', id: key });
      return ok(null);
    },
  };
}
