import { RuleSchema, type Rule } from '../../common/rules/rule-schema.js';
import { readConfigFolder, type FolderProblem } from '../../node-common/config-folder.js';

// Rules ship as config/rules/*.json. A bad file is refused with its name and the JSON path of each
// problem; the other rules still run. No folder: no rules.

export function readRuleFiles(dir: string): { rules: Rule[]; problems: FolderProblem[] } {
  const { items, problems } = readConfigFolder(dir, RuleSchema, 'rule', { missingIsEmpty: true });
  return { rules: items.map((i) => i.value), problems };
}
