import { describe, expect, it } from 'vitest';
import type { DataEntry } from '../../../common/protocol/data.js';
import { RuleSchema, type RuleInput } from '../../../common/rules/rule-schema.js';
import { fillReason } from '../../../common/rules/rule-step.js';
import { describeIssues } from '../../../common/contract.js';
import { fakeClock } from '../../support/fake-clock.js';
import { rule, ruleDriver } from '../../support/rule-driver.js';

// Rules decided apart from their effects, on a clock the test moves: thresholds, "for how long",
// hysteresis, any/all, alerts by severity, event and area, and the way back (a condition or a time).

const S = 1000;
const MIN = 60 * S;
const gauge = (id: string, levelM: number, alarmM: [number, number, number] = [1, 2, 3]) => ({ id, name: `Trạm ${id}`, river: 'Hương', lat: 16.4, lon: 107.5, levelM, alarmM, at: 1 });
const gauges = (...items: Array<ReturnType<typeof gauge>>): DataEntry => ({ key: 'gauges.rivers', value: { type: 'gauges', items }, at: 1 });
const kpi = (key: string, value: number): DataEntry => ({ key, value: { type: 'kpi', value, unit: 'mm' }, at: 1 });
type Alert = { id: string; severity: 'info' | 'warning' | 'danger' | 'critical'; area: string; event?: string; lat?: number; lon?: number };
const alerts = (key: string, ...items: Alert[]): DataEntry => ({ key, value: { type: 'alerts', items: items.map((a) => ({ title: { vi: `Cảnh báo ${a.id}`, en: `Alert ${a.id}` }, at: 1, ...a })) }, at: 1 });
const then = { action: 'propose', scenarioId: 'flood-response', reason: { vi: '{name}: {value} {unit} (ngưỡng {threshold}) {title}', en: '{name}: {value} {unit} (threshold {threshold}) {title}' } } as const;
const base = (when: RuleInput['when'], extra: Partial<RuleInput> = {}): RuleInput => ({ schemaVersion: 1, id: 'r', name: { vi: 'Quy tắc', en: 'Rule' }, when, then, ...extra });
const kinds = (d: ReturnType<typeof ruleDriver>) => d.decisions.map((x) => x.kind);

describe('value conditions', () => {
  it('fires once a reading reaches the threshold, and not before', () => {
    const d = ruleDriver(rule(base({ type: 'value', key: 'kpi.rain', above: 50 })));
    expect(d.feed([kpi('kpi.rain', 49.9)], 0)).toBeNull();
    expect(d.feed([kpi('kpi.other', 99)], 1)).toBeNull();
    expect(d.feed([kpi('kpi.rain', 50)], 2)).toMatchObject({ kind: 'fire', scenarioId: 'flood-response', severity: 'warning' });
    expect(d.feed([kpi('kpi.rain', 80)], 3), 'once per episode').toBeNull();
  });

  it('waits for "for how long" without a break, and says when to look again', () => {
    const clock = fakeClock(1_000_000);
    const d = ruleDriver(rule(base({ type: 'value', key: 'kpi.rain', above: 50, forSeconds: 600 })));
    d.feed([kpi('kpi.rain', 60)], clock.now());
    expect(d.wakeAt).toBe(clock.now() + 600 * S);
    clock.advance(5 * MIN);
    expect(d.feed([kpi('kpi.rain', 40)], clock.now()), 'a break').toBeNull();
    expect(d.wakeAt).toBeNull();
    clock.advance(MIN);
    d.feed([kpi('kpi.rain', 70)], clock.now());
    clock.advance(10 * MIN - 1);
    expect(d.step(clock.now()), 'the clock restarted at the break').toBeNull();
    clock.advance(1);
    expect(d.step(clock.now())).toMatchObject({ kind: 'fire' });
  });

  it('uses each gauge\'s own alarm levels, and "all" needs every gauge of every matching key', () => {
    const d = ruleDriver(rule(base({ type: 'value', key: 'gauges.*', below: { alarm: 2 }, match: 'all' })));
    expect(d.feed([gauges(gauge('a', 1.5), gauge('b', 4, [3, 4, 5]))], 0), 'b is at its level II').toBeNull();
    expect(d.feed([{ ...gauges(gauge('c', 2.5)), key: 'gauges.coast' }, gauges(gauge('a', 1.5), gauge('b', 3.9, [3, 4, 5]))], 1), 'c is above its level II').toBeNull();
    expect(d.feed([{ ...gauges(gauge('c', 1.9)), key: 'gauges.coast' }], 2)).toMatchObject({ kind: 'fire' });
  });

  it('"all" with no readings at all does not hold', () => {
    const d = ruleDriver(rule(base({ type: 'value', key: 'gauges.*', below: 99, match: 'all' })));
    expect(d.feed([gauges()], 0)).toBeNull();
  });

  it('picks one item of a list value when asked, and speaks of the reading furthest past its threshold', () => {
    const d = ruleDriver(rule(base({ type: 'value', key: 'gauges.rivers', item: 'b', above: { alarm: 3 } })));
    expect(d.feed([gauges(gauge('a', 9), gauge('b', 2.9))], 0), 'a is not watched').toBeNull();
    const any = ruleDriver(rule(base({ type: 'value', key: 'gauges.rivers', above: { alarm: 3 } })));
    const fire = any.feed([gauges(gauge('a', 3.2), gauge('b', 4.1, [1, 2, 3.5]), gauge('c', 3.3))], 0);
    expect(fire?.kind === 'fire' && fire.reason.en).toBe('Trạm b: 4.10 m (threshold 3.50) ');
    expect(fire?.kind === 'fire' && fire.reason.vi).toBe('Trạm b: 4,10 m (ngưỡng 3,50) ');
  });

  it('with hysteresis, holds until the value is back past threshold minus hysteresis (re-arms only then)', () => {
    const d = ruleDriver(rule(base({ type: 'value', key: 'kpi.rain', above: 50, hysteresis: 5 })));
    d.feed([kpi('kpi.rain', 51)], 0);
    d.feed([kpi('kpi.rain', 46)], 1);
    expect(d.state.phase, 'inside the band: still past').toBe('fired');
    d.feed([kpi('kpi.rain', 52)], 2);
    d.feed([kpi('kpi.rain', 44.9)], 3);
    expect(d.state.phase).toBe('armed');
    d.feed([kpi('kpi.rain', 49)], 4);
    expect(d.feed([kpi('kpi.rain', 50)], 5), 'a second episode').toMatchObject({ kind: 'fire' });
    expect(kinds(d)).toEqual(['fire', 'rearm', 'fire']);
  });
});

describe('alert conditions', () => {
  it('match by severity, event type and area (a name or a box), and take the worst alert\'s severity', () => {
    const when = { type: 'alert', key: 'alerts.*', minSeverity: 'danger', events: ['Flood'], area: { names: ['Huế'], bbox: [107, 16, 108, 17] } } as const;
    const d = ruleDriver(rule(base(when)));
    expect(d.feed([alerts('alerts.cap', { id: 'a', severity: 'warning', event: 'Flood', area: 'TP Huế' })], 0), 'not severe enough').toBeNull();
    expect(d.feed([alerts('alerts.cap', { id: 'a', severity: 'critical', event: 'Storm', area: 'TP Huế' })], 1), 'another event').toBeNull();
    expect(d.feed([alerts('alerts.cap', { id: 'a', severity: 'critical', area: 'TP Huế' })], 2), 'no event given').toBeNull();
    expect(d.feed([alerts('alerts.cap', { id: 'a', severity: 'critical', event: 'flood', area: 'Đà Nẵng', lat: 16.05, lon: 108.2 })], 3), 'outside').toBeNull();
    expect(d.feed([alerts('alerts.cap', { id: 'a', severity: 'danger', event: 'flood', area: 'Đà Nẵng', lat: 16.4, lon: 107.6 })], 4), 'inside the box')
      .toMatchObject({ kind: 'fire', severity: 'danger' });
    const byName = ruleDriver(rule(base(when)));
    const fire = byName.feed([alerts('alerts.cap', { id: 'x', severity: 'danger', event: 'Flood', area: 'huyện Phong Điền, TP huế' }, { id: 'y', severity: 'critical', event: 'Flood', area: 'Thành phố Huế' })], 0);
    expect(fire).toMatchObject({ kind: 'fire', severity: 'critical' });
    expect(fire?.kind === 'fire' && fire.reason.vi).toBe('Thành phố Huế:   (ngưỡng ) Cảnh báo y');
  });

  it('a rule\'s own severity wins over the alert\'s', () => {
    const d = ruleDriver(rule(base({ type: 'alert', minSeverity: 'info' }, { then: { ...then, severity: 'critical' } })));
    expect(d.feed([alerts('alerts.active', { id: 'a', severity: 'info', area: 'x' })], 0)).toMatchObject({ severity: 'critical' });
  });
});

describe('groups', () => {
  it('"all" needs every part and "any" one; a part\'s "for how long" is its own', () => {
    const clock = fakeClock(0);
    const all = ruleDriver(rule(base({ type: 'all', of: [{ type: 'value', key: 'kpi.rain', above: 50, forSeconds: 60 }, { type: 'alert', minSeverity: 'danger' }] })));
    all.feed([kpi('kpi.rain', 60)], clock.now());
    expect(all.wakeAt).toBe(60 * S);
    clock.advance(60 * S);
    expect(all.step(clock.now()), 'no alert yet').toBeNull();
    expect(all.feed([alerts('alerts.active', { id: 'a', severity: 'critical', area: 'x' })], clock.advance(1))).toMatchObject({ kind: 'fire', severity: 'critical' });

    const any = ruleDriver(rule(base({ type: 'any', of: [{ type: 'value', key: 'kpi.rain', above: 50 }, { type: 'alert', minSeverity: 'danger' }] })));
    expect(any.feed([alerts('alerts.active', { id: 'a', severity: 'danger', area: 'x' })], 0)).toMatchObject({ kind: 'fire' });
  });
});

describe('the way back', () => {
  const flood = base(
    { type: 'value', key: 'gauges.*', above: { alarm: 3 } },
    { revert: { when: { type: 'value', key: 'gauges.*', below: { alarm: 2 }, match: 'all', forSeconds: 7200 } } },
  );

  it('reverts once every gauge has been below level II for two hours, then is ready for the next flood', () => {
    const clock = fakeClock(0);
    const d = ruleDriver(rule(flood));
    d.feed([gauges(gauge('a', 3.1), gauge('b', 1))], clock.now());
    clock.advance(MIN);
    d.feed([gauges(gauge('a', 1.9), gauge('b', 1))], clock.now());
    clock.advance(60 * MIN);
    expect(d.feed([gauges(gauge('a', 2.1), gauge('b', 1))], clock.now()), 'back above level II: the two hours start again').toBeNull();
    clock.advance(MIN);
    d.feed([gauges(gauge('a', 1.5), gauge('b', 1))], clock.now());
    expect(d.wakeAt).toBe(clock.now() + 7200 * S);
    clock.advance(7200 * S - 1);
    expect(d.step(clock.now())).toBeNull();
    expect(d.step(clock.advance(1))).toEqual({ kind: 'revert', scenarioId: 'flood-response', why: 'cleared' });
    expect(d.step(clock.advance(1))).toEqual({ kind: 'rearm' });
    expect(d.feed([gauges(gauge('a', 3.5), gauge('b', 1))], clock.advance(MIN))).toMatchObject({ kind: 'fire' });
  });

  it('reverts after a time, and does not fire again while the condition still holds', () => {
    const clock = fakeClock(0);
    const d = ruleDriver(rule(base({ type: 'alert', minSeverity: 'warning' }, { revert: { afterSeconds: 3600 } })));
    d.feed([alerts('alerts.active', { id: 'a', severity: 'danger', area: 'x' })], clock.now());
    expect(d.wakeAt).toBe(3600 * S);
    expect(d.step(clock.advance(3600 * S))).toEqual({ kind: 'revert', scenarioId: 'flood-response', why: 'timeout' });
    expect(d.step(clock.advance(MIN)), 'the alert is still there: cooling').toBeNull();
    expect(d.state.phase).toBe('cooling');
    expect(d.feed([alerts('alerts.active')], clock.advance(MIN))).toEqual({ kind: 'rearm' });
    expect(d.feed([alerts('alerts.active', { id: 'b', severity: 'warning', area: 'y' })], clock.advance(MIN))).toMatchObject({ kind: 'fire' });
  });

  it('with both, whichever comes first', () => {
    const d = ruleDriver(rule({ ...flood, revert: { when: { type: 'value', key: 'gauges.*', below: { alarm: 2 }, match: 'all' }, afterSeconds: 600 } }));
    d.feed([gauges(gauge('a', 3.1))], 0);
    expect(d.feed([gauges(gauge('a', 2.5))], 300 * S)).toBeNull();
    expect(d.feed([gauges(gauge('a', 1))], 400 * S)).toMatchObject({ why: 'cleared' });
  });

  it('a rule switched off does nothing', () => {
    const d = ruleDriver(rule({ ...flood, enabled: false }));
    expect(d.feed([gauges(gauge('a', 9))], 0)).toBeNull();
    expect(d.state.phase).toBe('armed');
  });
});

describe('rule files', () => {
  const problems = (input: unknown) => {
    const parsed = RuleSchema.safeParse(input);
    return parsed.success ? '' : describeIssues(parsed.error);
  };
  it('name the JSON path of each problem', () => {
    expect(problems(base({ type: 'value', key: 'kpi.rain', above: 1, below: 2 }))).toMatch(/^when: give exactly one of "above" and "below"/);
    expect(problems(base({ type: 'all', of: [{ type: 'value', key: 'Kpi Rain!', above: 1 }] }))).toMatch(/when\.of\[0\]\.key: use 1–128 lower-case/);
    expect(problems(base({ type: 'alert', minSeverity: 'severe' as 'danger' }))).toMatch(/when\.minSeverity/);
    expect(problems({ ...base({ type: 'alert', minSeverity: 'danger' }), revert: {} })).toMatch(/^revert: give "when", "afterSeconds" or both/);
    expect(problems({ ...base({ type: 'alert', minSeverity: 'danger' }), then: { ...then, action: 'launch' } })).toMatch(/then\.action/);
    expect(problems({ ...base({ type: 'alert', minSeverity: 'danger', area: { bbox: [108, 16, 107, 17] } }) })).toMatch(/when\.area: bbox is \[west, south, east, north\]/);
    expect(problems({ ...base({ type: 'alert', minSeverity: 'danger' }), extra: 1 })).toMatch(/extra/);
  });

  it('leave a placeholder it does not know as written, and keep reasons within 300 characters', () => {
    expect(fillReason({ vi: '{nothing} {count}', en: 'x'.repeat(400) }, null)).toEqual({ vi: '{nothing} 0', en: 'x'.repeat(300) });
  });
});
