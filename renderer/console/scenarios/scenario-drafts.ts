import type { Scenario } from '../../../common/protocol/scenario.js';
import type { Layout } from '../../../common/wall/layout-schema.js';
import { idFromName } from '../../../common/editor/layout-ops.js';

// Starting points for the scenario editor. The map extent is copied from a scenario the centre already
// has when there is one (the province's area), else the whole country.
const VIETNAM = { west: 102.1, south: 8.4, east: 109.5, north: 23.4 };

/** `base`, or `base-2`, `base-3`… when the centre or this console already has a scenario with that id. */
function freeScenarioId(base: string, taken: readonly string[]): string {
  let id = base.slice(0, 64);
  for (let n = 2; taken.includes(id); n++) id = `${base.slice(0, 60)}-${n}`;
  return id;
}

export function newScenario(layout: Layout, nameVi: string, nameEn: string, known: readonly Scenario[], taken: readonly string[]): Scenario {
  return {
    schemaVersion: 1,
    id: freeScenarioId(idFromName(nameVi), taken),
    version: 1,
    name: { vi: nameVi.trim(), en: nameEn.trim() || nameVi.trim() },
    severity: 'advisory',
    layout: structuredClone(layout),
    mapExtent: known[0]?.mapExtent ?? VIETNAM,
    dataBindings: [],
  };
}

/** A copy to edit: a new id and name, version 1, bindings only for panels the layout still has. */
export function duplicateScenario(source: Scenario, taken: readonly string[]): Scenario {
  return {
    ...structuredClone(source),
    id: freeScenarioId(`${source.id}-ban-sao`, taken),
    version: 1,
    name: { vi: `${source.name.vi} (bản sao)`, en: `${source.name.en} (copy)` },
  };
}
