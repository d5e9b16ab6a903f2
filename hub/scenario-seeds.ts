import { ScenarioSchema, type Scenario } from '../common/protocol/scenario.js';
import { readConfigFolder, type FolderProblem } from '../node-common/config-folder.js';
import type { Logger } from '../node-common/log.js';
import type { HubStore } from './store/hub-store.js';

// Scenarios ship as config/scenarios/*.json. A file is stored when it is new or its `version` is
// higher than the stored one, so edits made at the hub are not overwritten by an older file.

export type SeedProblem = FolderProblem;

export function readScenarioFiles(dir: string): { scenarios: Array<{ file: string; scenario: Scenario }>; problems: SeedProblem[] } {
  const { items, problems } = readConfigFolder(dir, ScenarioSchema, 'scenario');
  return { scenarios: items.map(({ file, value }) => ({ file, scenario: value })), problems };
}

/** Store new or newer scenarios from `dir`; bad files are logged with their problem and skipped. */
export async function seedScenarios(store: HubStore, dir: string, log: Logger): Promise<SeedProblem[]> {
  const { scenarios, problems } = readScenarioFiles(dir);
  for (const p of problems) log.error('scenario file refused', { file: p.file, problem: p.message });
  for (const { file, scenario } of scenarios) {
    const stored = await store.scenario(scenario.id);
    if (stored && stored.version >= scenario.version) continue;
    await store.saveScenario(scenario);
    log.info('scenario stored', { id: scenario.id, version: scenario.version, file });
  }
  return problems;
}
