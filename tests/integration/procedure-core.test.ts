import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { procedureProgress } from '../../common/procedure.js';
import { ScenarioSchema, type Scenario } from '../../common/protocol/scenario.js';
import type { ScenarioState } from '../../common/state.js';
import type { CoreClient } from '../../electron/wall/client.js';
import { installConsoleServices } from '../../electron/wall/console-services.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { memoryLogger } from '../../node-common/log.js';
import { addPeople, consoleCore, CHEAP_SCRYPT, signedIn, type ConsoleCore } from '../support/console-core.js';

// The live procedure through the core: opened when a scenario with a checklist is applied, ticked by
// signed-in people (their role checked, every tick audited), closed with a record when replaced.

const read = (id: string): Scenario => ScenarioSchema.parse(JSON.parse(fs.readFileSync(`config/scenarios/${id}.json`, 'utf8')));
const flood = read('flood-response');
const normal = read('normal-operations');

let t: ConsoleCore;
beforeEach(async () => {
  t = consoleCore();
  await addPeople(t);
  t.core.setScenarioOverview({ scenarios: [flood, normal], proposals: [], result: null });
});
afterEach(() => t.close());

const person = (username: string): Promise<CoreClient> => signedIn(t, username);

const state = (s: Scenario, revision: number, at: number): ScenarioState => ({
  id: s.id, name: s.name, severity: s.severity, revision, activatedBy: { name: 'Người lanhdao', role: 'leader' },
  source: 'console', activatedAt: at, applyAt: at + 150, local: false,
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live response procedure', () => {
  it('opens with the checklist, takes ticks and notes from the right roles, and audits them', async () => {
    const started = t.clock.now;
    t.core.applyScenario(state(flood, 1, started), flood.layout);
    await settle();
    const p = t.core.state.procedure;
    expect(p).toMatchObject({ scenarioId: 'flood-response', hubRevision: 1, startedAt: started, closed: null });
    expect(p?.steps.map((s) => [s.id, s.role, s.dueMinutes, s.done])).toEqual([
      ['gauges', 'operator', 15, null], ['evacuate', 'leader', 30, null], ['rescue', 'leader', 45, null], ['schools', 'operator', 120, null], ['roads', 'operator', 60, null],
    ]);

    const operator = await person('vanhanh');
    const leader = await person('lanhdao');
    t.clock.now += 60_000;
    expect(await t.core.handle(operator, 'procedure:tick', { stepId: 'gauges', done: true })).toMatchObject({ ok: true });
    expect(await t.core.handle(operator, 'procedure:tick', { stepId: 'evacuate', done: true })).toMatchObject({ ok: false, error: { code: 'procedure/not-your-step', params: { role: 'leader' } } });
    expect(await t.core.handle(leader, 'procedure:tick', { stepId: 'roads', done: true })).toMatchObject({ ok: true });
    // A second tick of a done step changes nothing: the first person stays recorded.
    const before = t.core.state.revision;
    expect(await t.core.handle(leader, 'procedure:tick', { stepId: 'gauges', done: true })).toEqual({ ok: true, value: before });
    expect(await t.core.handle(operator, 'procedure:note', { stepId: 'schools', note: '  Đã gọi Sở Giáo dục  ' })).toMatchObject({ ok: true });
    expect(await t.core.handle(operator, 'procedure:tick', { stepId: 'nope', done: true })).toMatchObject({ ok: false, error: { code: 'procedure/no-step' } });

    const steps = Object.fromEntries((t.core.state.procedure?.steps ?? []).map((s) => [s.id, s]));
    expect(steps['gauges']?.done).toEqual({ by: { name: 'Người vanhanh', role: 'operator' }, at: started + 60_000 });
    expect(steps['roads']?.done?.by.name).toBe('Người lanhdao');
    expect(steps['schools']?.note).toEqual({ text: 'Đã gọi Sở Giáo dục', by: { name: 'Người vanhanh', role: 'operator' }, at: started + 60_000 });

    // 16 minutes in, the 15-minute step is done, nothing else is due yet; at 31 the evacuation is overdue.
    const progress = (ms: number) => procedureProgress(t.core.state.procedure!, started + ms);
    expect(progress(16 * 60_000)).toEqual({ done: 2, total: 5, overdue: [] });
    expect(progress(31 * 60_000)).toEqual({ done: 2, total: 5, overdue: ['evacuate'] });

    const log = t.db.audit.query({ action: 'procedure' }).entries.map((e) => [e.action, e.actor, e.ok, e.target]).reverse();
    expect(log).toEqual([
      ['procedure:opened', 'Người lanhdao', true, 'flood-response'],
      ['procedure:tick', 'vanhanh', true, 'gauges'],
      ['procedure:tick', 'vanhanh', false, 'evacuate'],
      ['procedure:tick', 'lanhdao', true, 'roads'],
      ['procedure:tick', 'lanhdao', true, 'gauges'],
      ['procedure:note', 'vanhanh', true, 'schools'],
      ['procedure:tick', 'vanhanh', false, 'nope'],
    ]);
  });

  it('closes with a record when another scenario replaces it, and refuses ticks with none running', async () => {
    t.core.applyScenario(state(flood, 1, t.clock.now), flood.layout);
    await settle();
    const operator = await person('vanhanh');
    await t.core.handle(operator, 'procedure:tick', { stepId: 'gauges', done: true });
    const id = t.core.state.procedure?.id;
    t.clock.now += 20 * 60_000;
    t.core.applyScenario(state(normal, 2, t.clock.now), normal.layout);
    await settle();
    expect(t.core.state.procedure).toBeNull();
    expect(await t.core.handle(operator, 'procedure:tick', { stepId: 'gauges', done: false })).toMatchObject({ ok: false, error: { code: 'procedure/none' } });

    const history = await t.core.handle(operator, 'procedure:history', { limit: 5 });
    expect(history).toMatchObject({ ok: true, value: [{ id, scenarioId: 'flood-response', closed: { at: t.clock.now, nextScenarioId: 'normal-operations', by: 'Người lanhdao' } }] });
    expect(history.ok && (history.value as Array<{ steps: Array<{ done: unknown }> }>)[0]?.steps.filter((s) => s.done).length).toBe(1);
    expect(t.db.audit.query({ action: 'procedure:closed' }).entries[0]).toMatchObject({ target: 'flood-response', detail: expect.stringContaining('"done":1,"total":5') });
  });

  it('a node restarted during the response picks its procedure up again, ticks and all', async () => {
    const shown = state(flood, 4, t.clock.now);
    t.core.applyScenario(shown, flood.layout);
    await settle();
    await t.core.handle(await person('vanhanh'), 'procedure:tick', { stepId: 'gauges', done: true });
    const id = t.core.state.procedure?.id;
    t.services.close();

    const again = new WallCore({ wall: t.core.state.wall, layout: t.core.state.layout, log: memoryLogger(), now: () => t.clock.now });
    const services = installConsoleServices(again, t.db, memoryLogger(), { now: () => t.clock.now, scrypt: CHEAP_SCRYPT });
    again.restoreShown({ scenario: shown, layout: flood.layout }, []);
    await settle();
    expect(again.state.procedure?.id).toBe(id);
    expect(again.state.procedure?.steps[0]?.done?.by.name).toBe('Người vanhanh');
    services.close();
  });
});
