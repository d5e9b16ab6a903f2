import type { Localized } from '../protocol/primitives.js';
import { evaluate, type ConditionState, type DataLookup, type Evidence, type NodeState } from './conditions.js';
import type { AlertSeverity } from './readings.js';
import type { Rule } from './rule-schema.js';

// One rule's life, decided apart from its effects (like scenario-swap.ts): armed → fired when its
// condition holds → back when its revert condition holds or its time is up → cooling until the
// condition itself is false again, so a flood that lasts proposes once. The hub carries out the
// decisions (hub/rules/rule-runner.ts).

export type RulePhase = 'armed' | 'fired' | 'cooling';

export interface RuleState {
  phase: RulePhase;
  firedAt: number | null;
  conditions: ConditionState;
}

export type RuleDecision =
  | { kind: 'fire'; action: 'propose' | 'activate'; scenarioId: string; severity: AlertSeverity; reason: Localized; evidence: Evidence | null }
  | { kind: 'revert'; scenarioId: string; why: 'cleared' | 'timeout' }
  | { kind: 'rearm' };

export interface RuleStep {
  state: RuleState;
  decision: RuleDecision | null;
  /** When to look again without new data (a duration running out), or null. */
  wakeAt: number | null;
}

export const initialRuleState = (): RuleState => ({ phase: 'armed', firedAt: null, conditions: {} });

const keep = (state: ConditionState, prefix: string): Record<string, NodeState> =>
  Object.fromEntries(Object.entries(state).filter(([path]) => !path.startsWith(prefix)));

const earliest = (...times: Array<number | null>): number | null => {
  const set = times.filter((t): t is number => t !== null);
  return set.length ? Math.min(...set) : null;
};

export function stepRule(rule: Rule, state: RuleState, data: DataLookup, now: number): RuleStep {
  if (!rule.enabled) return { state, decision: null, wakeAt: null };
  switch (state.phase) {
    case 'armed': {
      const when = evaluate(rule.when, 'when', data, now, state.conditions);
      const conditions = { ...state.conditions, ...when.state };
      if (!when.holds) return { state: { ...state, conditions }, decision: null, wakeAt: when.wakeAt };
      const fired: RuleState = { phase: 'fired', firedAt: now, conditions: keep(conditions, 'revert') };
      const severity = rule.then.severity ?? when.evidence?.severity ?? 'warning';
      const decision: RuleDecision = { kind: 'fire', action: rule.then.action, scenarioId: rule.then.scenarioId, severity, reason: fillReason(rule.then.reason, when.evidence), evidence: when.evidence };
      return { state: fired, decision, wakeAt: revertDeadline(rule, now) };
    }
    case 'fired': {
      const firedAt = state.firedAt ?? now;
      const deadline = revertDeadline(rule, firedAt);
      const cooling = (why: 'cleared' | 'timeout'): RuleStep => ({
        state: { phase: 'cooling', firedAt: null, conditions: keep(state.conditions, 'revert') },
        decision: { kind: 'revert', scenarioId: rule.then.scenarioId, why },
        wakeAt: null,
      });
      if (deadline !== null && now >= deadline) return cooling('timeout');
      if (rule.revert?.when) {
        const back = evaluate(rule.revert.when, 'revert', data, now, state.conditions);
        if (back.holds) return cooling('cleared');
        return { state: { ...state, conditions: { ...state.conditions, ...back.state } }, decision: null, wakeAt: earliest(back.wakeAt, deadline) };
      }
      if (deadline !== null) return { state, decision: null, wakeAt: deadline };
      // No way back configured: the rule is ready again once its condition is false (hysteresis applies).
      return rearmWhenClear(rule, state, data, now);
    }
    case 'cooling':
      return rearmWhenClear(rule, state, data, now);
  }
}

function rearmWhenClear(rule: Rule, state: RuleState, data: DataLookup, now: number): RuleStep {
  const when = evaluate(rule.when, 'when', data, now, state.conditions, true);
  const conditions = { ...state.conditions, ...when.state };
  if (when.holds) return { state: { ...state, conditions }, decision: null, wakeAt: null };
  return { state: { phase: 'armed', firedAt: null, conditions: keep(conditions, 'when') }, decision: { kind: 'rearm' }, wakeAt: null };
}

function revertDeadline(rule: Rule, firedAt: number): number | null {
  return rule.revert?.afterSeconds === undefined ? null : firedAt + rule.revert.afterSeconds * 1000;
}

/** The rule's reason with {name}, {value} … filled in from what made it fire. */
export function fillReason(reason: Localized, evidence: Evidence | null): Localized {
  const fill = (template: string, locale: string, lang: 'vi' | 'en') => {
    const r = evidence?.reading;
    const a = evidence?.alert;
    const number = (n: number) => n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const values: Record<string, string> = {
      name: r?.name ?? a?.area ?? '',
      river: r?.river ?? '',
      value: r ? number(r.value) : '',
      threshold: r ? number(r.threshold) : '',
      unit: r?.unit ?? '',
      count: String(evidence?.count ?? 0),
      more: String(Math.max(0, (evidence?.count ?? 0) - 1)),
      title: a ? a.title[lang] : '',
      area: a?.area ?? '',
    };
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole).slice(0, 300);
  };
  return { vi: fill(reason.vi, 'vi-VN', 'vi'), en: fill(reason.en, 'en-GB', 'en') };
}
