import { ScenarioSchema, type Scenario } from '../common/protocol/scenario.js';
import { readConfigFolder, type FolderProblem } from '../node-common/config-folder.js';
import type { Logger } from '../node-common/log.js';
import type { HubDatabase } from './db/open.js';

// Scenarios ship as config/scenarios/*.json. A file is stored when it is new or its `version` is
// higher than the stored one, so edits made at the hub are not overwritten by an older file.

export type SeedProblem = FolderProblem;

export function readScenarioFiles(dir: string): { scenarios: Array<{ file: string; scenario: Scenario }>; problems: SeedProblem[] } {
  const { items, problems } = readConfigFolder(dir, ScenarioSchema, 'scenario');
  return { scenarios: items.map(({ file, value }) => ({ file, scenario: value })), problems };
}

/** Store new or newer scenarios from `dir`; bad files are logged with their problem and skipped. */
export function seedScenarios(db: HubDatabase, dir: string, log: Logger): SeedProblem[] {
  const { scenarios, problems } = readScenarioFiles(dir);
  for (const p of problems) log.error('scenario file refused', { file: p.file, problem: p.message });
  for (const { file, scenario } of scenarios) {
    const stored = db.scenario(scenario.id);
    if (stored && stored.version >= scenario.version) continue;
    db.saveScenario(scenario);
    log.info('scenario stored', { id: scenario.id, version: scenario.version, file });
  }
  return problems;
}
