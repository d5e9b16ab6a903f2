import fs from 'node:fs';
import type { DataEntry } from '../../common/protocol/data.js';
import { keyMatcher } from '../../common/rules/readings.js';
import { RuleSchema, type Rule, type RuleInput } from '../../common/rules/rule-schema.js';
import { initialRuleState, stepRule, type RuleDecision, type RuleState } from '../../common/rules/rule-step.js';

// One rule stepped by hand over a little data cache, as the hub's runner does, for tests on a fake clock.

export const fileRule = (file: string): Rule => RuleSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
export const rule = (input: RuleInput): Rule => RuleSchema.parse(input);

export function ruleDriver(r: Rule) {
  const cache = new Map<string, DataEntry>();
  let state: RuleState = initialRuleState();
  let wakeAt: number | null = null;
  const decisions: Array<RuleDecision & { at: number }> = [];
  const lookup = (pattern: string) => [...cache.values()].filter((e) => keyMatcher(pattern)(e.key));
  const step = (now: number): RuleDecision | null => {
    const result = stepRule(r, state, lookup, now);
    state = result.state;
    wakeAt = result.wakeAt;
    if (result.decision) decisions.push({ ...result.decision, at: now });
    return result.decision;
  };
  return {
    /** New values at `now`, then one step. */
    feed(entries: readonly DataEntry[], now: number): RuleDecision | null {
      for (const e of entries) cache.set(e.key, e);
      return step(now);
    },
    step,
    get state() {
      return state;
    },
    get wakeAt() {
      return wakeAt;
    },
    decisions,
  };
}
