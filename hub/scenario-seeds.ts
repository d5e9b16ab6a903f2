import fs from 'node:fs';
import path from 'node:path';
import { describeIssues } from '../common/contract.js';
import { ScenarioSchema, type Scenario } from '../common/protocol/scenario.js';
import { readJsonFile } from '../node-common/json-file.js';
import type { Logger } from '../node-common/log.js';
import type { HubDatabase } from './db/open.js';

// Scenarios ship as config/scenarios/*.json. A file is stored when it is new or its `version` is
// higher than the stored one, so edits made at the hub are not overwritten by an older file.

export interface SeedProblem {
  file: string;
  message: string;
}

export function readScenarioFiles(dir: string): { scenarios: Array<{ file: string; scenario: Scenario }>; problems: SeedProblem[] } {
  const scenarios: Array<{ file: string; scenario: Scenario }> = [];
  const problems: SeedProblem[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    return { scenarios, problems: [{ file: dir, message: `cannot read the scenarios folder: ${String(error)}` }] };
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const json = readJsonFile(file);
    if (!json.ok) {
      problems.push({ file, message: json.error.message });
      continue;
    }
    const parsed = ScenarioSchema.safeParse(json.value);
    if (!parsed.success) {
      problems.push({ file, message: describeIssues(parsed.error) });
      continue;
    }
    const other = seen.get(parsed.data.id);
    if (other) {
      problems.push({ file, message: `scenario id "${parsed.data.id}" is already used by ${other}; give each scenario its own id` });
      continue;
    }
    seen.set(parsed.data.id, file);
    scenarios.push({ file, scenario: parsed.data });
  }
  return { scenarios, problems };
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
