import type { Rule } from '../../common/rules/rule-schema.js';
import type { Logger } from '../../node-common/log.js';
import type { HubStore } from '../store/hub-store.js';
import { readRuleFiles } from './rule-files.js';

/** The rules of `dir`, each bad file logged with its problem and left out; a rule for a missing scenario runs but is warned about. */
export async function loadRules(dir: string | undefined, store: HubStore, log: Logger): Promise<Rule[]> {
  if (dir === undefined) return [];
  const { rules, problems } = readRuleFiles(dir);
  for (const p of problems) log.error('rule file refused', { file: p.file, problem: p.message });
  for (const rule of rules) {
    if (!(await store.scenario(rule.then.scenarioId))) log.warn('rule names a scenario the hub does not have', { rule: rule.id, scenarioId: rule.then.scenarioId });
  }
  log.info('rules loaded', { dir, rules: rules.map((r) => r.id), refused: problems.length });
  return rules;
}
