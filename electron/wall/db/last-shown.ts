import { DataEntrySchema, type DataEntry } from '../../../common/protocol/data.js';
import { ScenarioStateSchema, type ScenarioState } from '../../../common/state.js';
import { LayoutSchema, type Layout } from '../../../common/wall/layout-schema.js';
import { readJson } from '../../../node-common/db/read-json.js';
import type { TableContext } from './context.js';

// What the wall showed last, so a node restarted while its hub is unreachable shows it again at once:
// the scenario with its layout and hub revision, and the latest value of every data key.

export interface ShownScenario {
  scenario: ScenarioState;
  layout: Layout;
  /** When it was saved (this node's clock). */
  savedAt: number;
}

export interface LastShownTable {
  saveScenario(wallId: string, scenario: ScenarioState, layout: Layout): void;
  /** null when nothing was saved for the wall, or the saved row is invalid (logged). */
  scenario(wallId: string): ShownScenario | null;
  /** Keep the latest value of each key, in one transaction; an older value never replaces a newer one. */
  saveData(wallId: string, entries: readonly DataEntry[]): void;
  /** The kept values, least recently updated first (the order a data cache evicts in); invalid rows are logged and left out. */
  data(wallId: string): DataEntry[];
}

/** As many keys as the wall's data cache holds: a feed that invents keys cannot grow the table without bound. */
export const MAX_DATA_POINTS = 5000;

export function lastShownTable({ db, statements: s, logger, now }: TableContext): LastShownTable {
  const saveData = db.transaction((wallId: string, entries: readonly DataEntry[]) => {
    const at = now();
    for (const e of entries) s.dataPointSet.run({ wallId, key: e.key, json: JSON.stringify(e), at: e.at, now: at });
    if ((s.dataPointCount.get(wallId)?.count ?? 0) > MAX_DATA_POINTS) s.dataPointTrim.run(wallId, wallId, MAX_DATA_POINTS);
  });

  return {
    saveScenario(wallId, scenario, layout) {
      s.shownScenarioSet.run({ wallId, scenario: JSON.stringify(scenario), layout: JSON.stringify(layout), revision: scenario.revision, now: now() });
    },

    scenario(wallId) {
      const row = s.shownScenarioGet.get(wallId);
      if (!row) return null;
      const scenario = readJson(ScenarioStateSchema, row.scenario_json, `shown scenario of wall "${wallId}"`, logger);
      const layout = readJson(LayoutSchema, row.layout_json, `shown layout of wall "${wallId}"`, logger);
      return scenario && layout ? { scenario, layout, savedAt: row.updated_at } : null;
    },

    saveData(wallId, entries) {
      if (entries.length) saveData.immediate(wallId, entries);
    },

    data(wallId) {
      const rows = s.dataPointList.all(wallId, MAX_DATA_POINTS).reverse();
      return rows.flatMap((row) => readJson(DataEntrySchema, row.entry_json, `data point "${row.key}" of wall "${wallId}"`, logger) ?? []);
    },
  };
}
