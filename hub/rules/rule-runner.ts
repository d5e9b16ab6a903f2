import type { DataEntry } from '../../common/protocol/data.js';
import type { Localized } from '../../common/protocol/primitives.js';
import type { Scenario } from '../../common/protocol/scenario.js';
import { keyMatcher, patternsOf } from '../../common/rules/conditions.js';
import { SEVERITY_RANK } from '../../common/rules/readings.js';
import type { Rule } from '../../common/rules/rule-schema.js';
import type { RuleOutcome, RuleStatus } from '../../common/rules/rule-status.js';
import { initialRuleState, stepRule, type RuleDecision, type RuleState } from '../../common/rules/rule-step.js';

// Carries out what the rules decide (common/rules/rule-step.ts): proposes or activates a scenario,
// reverts the wall, audits every firing, and remembers what each rule last did. Looks again when
// new data arrives for a rule and when a rule's "for how long" runs out (one unref'd timer).

export interface RuleHost {
  now(): number;
  data(): readonly DataEntry[];
  scenario(id: string): Scenario | null;
  currentScenarioId(wallId: string): string | null;
  /** Opens a proposal unless one is open or the scenario is already on its wall. */
  propose(ruleId: string, scenarioId: string, reason: Localized): 'proposed' | 'already-open' | 'already-active';
  /** Closes this rule's open proposals for the scenario; how many. */
  withdraw(ruleId: string, scenarioId: string): number;
  /** Done now, or when the hub's store has answered (then the rule's last outcome is written on its answer). */
  activate(ruleId: string, scenario: Scenario): Done | Promise<Done>;
  revert(ruleId: string, wallId: string): Done | Promise<Done>;
  audit(ruleId: string, action: string, target: string, result: string, detail?: Record<string, unknown>): void;
  /** The list of rules or what one last did changed. */
  changed(): void;
}

type Done = { ok: true } | { ok: false; message: string };

/** Runs `then` on the outcome; when it comes later (a store that answers asynchronously), says so again
 * with `changed`, since the rule list was already sent with the rule's previous outcome. */
const settle = (done: Done | Promise<Done>, then: (done: Done) => void, changed: () => void): void => {
  if (!(done instanceof Promise)) return then(done);
  const later = (d: Done) => {
    then(d);
    changed();
  };
  void done.then(later, (error: unknown) => later({ ok: false, message: String(error) }));
};

interface Entry {
  rule: Rule;
  reads: Array<(key: string) => boolean>;
  state: RuleState;
  wakeAt: number | null;
  last: RuleStatus['last'];
}

const say = (vi: string, en: string): Localized => ({ vi: vi.slice(0, 300), en: en.slice(0, 300) });

export class RuleRunner {
  private readonly entries: Entry[];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(rules: readonly Rule[], private readonly host: RuleHost, private readonly useTimer = true) {
    this.entries = rules.map((rule) => ({
      rule,
      reads: [rule.when, ...(rule.revert?.when ? [rule.revert.when] : [])].flatMap(patternsOf).map(keyMatcher),
      state: initialRuleState(),
      wakeAt: null,
      last: null,
    }));
  }

  /** New values: look at the rules that read any of them. */
  onData(entries: readonly DataEntry[]): void {
    const touched = this.entries.filter((e) => entries.some((d) => e.reads.some((m) => m(d.key))));
    if (touched.length) this.step(touched);
  }

  /** Look at every rule now (the timer calls this; tests with a fake clock call it by hand). */
  check(): void {
    this.step(this.entries);
  }

  list(): RuleStatus[] {
    return this.entries.map(({ rule, state, last }) => ({
      id: rule.id, name: rule.name, enabled: rule.enabled, action: rule.then.action, scenarioId: rule.then.scenarioId, phase: state.phase, last,
    }));
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private step(entries: readonly Entry[]): void {
    if (this.closed) return;
    const now = this.host.now();
    // A failing source's last values (stale) neither fire a rule nor clear one.
    const all = this.host.data().filter((d) => d.stale !== true);
    const lookup = (pattern: string) => {
      const match = keyMatcher(pattern);
      return all.filter((d) => match(d.key));
    };
    let changed = false;
    for (const e of entries) {
      const result = stepRule(e.rule, e.state, lookup, now);
      const phaseChanged = result.state.phase !== e.state.phase;
      e.state = result.state;
      e.wakeAt = result.wakeAt;
      if (result.decision) this.carryOut(e, result.decision, now);
      changed ||= phaseChanged || result.decision !== null;
    }
    this.schedule(now);
    if (changed) this.host.changed();
  }

  private carryOut(e: Entry, d: RuleDecision, now: number): void {
    const { rule } = e;
    const record = (outcome: RuleOutcome, detail: Localized) => (e.last = { at: now, outcome, detail });
    if (d.kind === 'rearm') {
      record('rearmed', say('Điều kiện đã hết; quy tắc sẵn sàng trở lại.', 'The condition has cleared; the rule is ready again.'));
      return;
    }
    const scenario = this.host.scenario(d.scenarioId);
    if (!scenario) {
      record('skipped', say(`Không có kịch bản "${d.scenarioId}".`, `No scenario "${d.scenarioId}".`));
      this.host.audit(rule.id, d.kind === 'fire' ? 'rule.fire' : 'rule.revert', d.scenarioId, 'skipped: unknown-scenario');
      return;
    }
    const wallId = scenario.layout.wallId;
    const target = `${d.scenarioId} → ${wallId}`;
    if (d.kind === 'fire') {
      const allowed = scenario.ruleActivation !== undefined && SEVERITY_RANK[d.severity] >= SEVERITY_RANK[scenario.ruleActivation.minSeverity];
      if (d.action === 'activate' && allowed) {
        if (this.host.currentScenarioId(wallId) === d.scenarioId) {
          record('skipped', say('Kịch bản đã đang hiển thị.', 'The scenario is already on the wall.'));
          this.host.audit(rule.id, 'rule.fire', target, 'skipped: already-active', { severity: d.severity, reason: d.reason.en });
          return;
        }
        settle(this.host.activate(rule.id, scenario), (done) => {
          record(done.ok ? 'activated' : 'refused', done.ok ? d.reason : say(done.message, done.message));
          this.host.audit(rule.id, 'rule.fire', target, done.ok ? 'activated' : `refused: ${done.message}`, { severity: d.severity, reason: d.reason.en });
        }, () => this.host.changed());
        return;
      }
      // Not allowed to switch by itself at this severity: a leader decides.
      const outcome = this.host.propose(rule.id, d.scenarioId, d.reason);
      record(outcome === 'proposed' ? 'proposed' : 'skipped', outcome === 'proposed' ? d.reason
        : outcome === 'already-open' ? say('Đề xuất đang chờ lãnh đạo.', 'A proposal is already waiting for a leader.') : say('Kịch bản đã đang hiển thị.', 'The scenario is already on the wall.'));
      const why = d.action === 'activate' ? ` (the scenario allows rules to activate it from ${scenario.ruleActivation?.minSeverity ?? 'no severity'}; this finding is ${d.severity})` : '';
      this.host.audit(rule.id, 'rule.fire', target, outcome === 'proposed' ? `proposed${why}` : `skipped: ${outcome}`, { severity: d.severity, reason: d.reason.en });
      return;
    }
    // Revert: close what the rule left open, and take the wall back if it still shows the scenario.
    const why = d.why === 'timeout' ? say('hết thời gian', 'time is up') : say('điều kiện trở lại đã thỏa', 'the condition to go back holds');
    const withdrawn = this.host.withdraw(rule.id, d.scenarioId);
    if (this.host.currentScenarioId(wallId) !== d.scenarioId) {
      record(withdrawn ? 'withdrawn' : 'skipped', withdrawn
        ? say(`Rút đề xuất (${why.vi}).`, `Proposal withdrawn (${why.en}).`)
        : say(`Không cần trở lại: kịch bản không còn hiển thị (${why.vi}).`, `Nothing to revert: the scenario is no longer shown (${why.en}).`));
      this.host.audit(rule.id, 'rule.revert', target, withdrawn ? `withdrawn: ${d.why}` : `skipped: not-active (${d.why})`);
      return;
    }
    settle(this.host.revert(rule.id, wallId), (done) => {
      record(done.ok ? 'reverted' : 'refused', done.ok ? say(`Đưa tường về kịch bản trước (${why.vi}).`, `Wall taken back to the previous scenario (${why.en}).`) : say(done.message, done.message));
      this.host.audit(rule.id, 'rule.revert', target, done.ok ? `reverted: ${d.why}` : `refused: ${done.message}`);
    }, () => this.host.changed());
  }

  private schedule(now: number): void {
    if (!this.useTimer || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wakes = this.entries.map((e) => e.wakeAt).filter((w): w is number => w !== null);
    if (!wakes.length) return;
    // Capped so a wall clock step (NTP) is noticed within a minute.
    const delay = Math.min(60_000, Math.max(0, Math.min(...wakes) - now));
    this.timer = setTimeout(() => this.check(), delay);
    this.timer.unref();
  }
}
