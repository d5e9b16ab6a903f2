import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../common/protocol/scenario.js';
import { startBackendSync } from '../../electron/hub-link/backend-sync.js';
import type { CoreClient } from '../../electron/wall/client.js';
import { memoryLogger } from '../../node-common/log.js';
import { addPeople, consoleCore, signedIn, type ConsoleCore } from '../support/console-core.js';
import { testHub, TOKENS, until } from '../support/hub-fixture.js';

// Role checks through WallCore with a real hub behind it: the node refuses what a role may not do
// before anything reaches the hub, and logs every command, refusal and applied scenario.

let t: ConsoleCore;
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  t.close();
});

const person = (username: string): Promise<CoreClient> => signedIn(t, username);

beforeEach(async () => {
  t = consoleCore();
  await addPeople(t);
});

describe('scenario commands through the core', () => {
  it('refuses an operator before the hub hears of it, lets a leader activate, and logs both and the result', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const sync = startBackendSync({ core: t.core, log: memoryLogger(), url: hub.url, token: TOKENS.node, nodeId: 'node-1', link: { reconnectDelayMs: 50, syncIntervalMs: 500 } });
    cleanup.push(() => sync.close());
    await until('connected', () => t.core.state.backend?.state === 'connected');
    await until('catalog', () => t.core.scenarioOverview.scenarios.length > 0);

    const operator = await person('vanhanh');
    const refused = await t.core.handle(operator, 'scenario:activate', { scenarioId: 'storm' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await hub.core.store.recentAudit(10)).some((e) => e.actor === 'Người vanhanh')).toBe(false);

    const leader = await person('lanhdao');
    expect(await t.core.handle(leader, 'scenario:activate', { scenarioId: 'storm' })).toMatchObject({ ok: true, value: { revision: 1, local: false } });
    await until('storm on the wall', () => t.core.state.scenario?.id === 'storm');
    expect(t.core.state.scenario?.activatedBy).toEqual({ name: 'Người lanhdao', role: 'leader' });

    // The hub may push the activation before it answers the command: the order of those two varies.
    const log = t.db.audit.query({ action: 'scenario' }).entries.map((e) => [e.action, e.actor, e.ok, e.target]);
    expect(log).toHaveLength(3);
    expect(log.at(-1)).toEqual(['scenario:activate', 'vanhanh', false, 'storm']);
    expect(log).toEqual(expect.arrayContaining([
      ['scenario:applied', 'Người lanhdao', true, 'storm'],
      ['scenario:activate', 'lanhdao', true, 'storm'],
    ]));
  });
});

describe("the console's scenario library", () => {
  const scenario = (): Scenario => ({
    schemaVersion: 1,
    id: 'giao-ban',
    version: 1,
    name: { vi: 'Giao ban sáng', en: 'Morning briefing' },
    severity: 'normal',
    layout: { ...t.core.state.layout, id: 'giao-ban-layout' },
    mapExtent: { west: 107.8, south: 15.9, east: 108.4, north: 16.2 },
    dataBindings: [],
  });

  it('keeps scenarios that fit the wall, with revision conflicts, for operators', async () => {
    const operator = await person('vanhanh');
    const leader = await person('lanhdao');
    expect(await t.core.handle(operator, 'scenarioLibrary:save', { scenario: scenario(), expectedRevision: 0 })).toEqual({ ok: true, value: { revision: 1 } });
    expect(await t.core.handle(operator, 'scenarioLibrary:save', { scenario: scenario(), expectedRevision: 0 })).toMatchObject({ ok: false, error: { code: 'scenario/exists', message: expect.stringContaining('another id') } });
    const renamed = { ...scenario(), name: { vi: 'Giao ban', en: 'Briefing' } };
    expect(await t.core.handle(operator, 'scenarioLibrary:save', { scenario: renamed, expectedRevision: 1 })).toEqual({ ok: true, value: { revision: 2 } });
    // A second console still on revision 1 sees the conflict instead of silently undoing the rename.
    expect(await t.core.handle(operator, 'scenarioLibrary:save', { scenario: scenario(), expectedRevision: 1 })).toMatchObject({ ok: false, error: { code: 'scenario/conflict', message: expect.stringContaining('revision 2') } });
    expect(await t.core.handle(leader, 'scenarioLibrary:save', { scenario: scenario(), expectedRevision: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const off = { ...scenario(), layout: { ...scenario().layout, wallId: 'other-wall' } };
    expect(await t.core.handle(operator, 'scenarioLibrary:save', { scenario: off, expectedRevision: 2 })).toMatchObject({ ok: false, error: { code: 'scenario/invalid' } });
    expect(await t.core.handle(leader, 'scenarioLibrary:list', {})).toMatchObject({ ok: true, value: [{ id: 'giao-ban', revision: 2, updatedBy: 'vanhanh', name: { vi: 'Giao ban' } }] });
    expect(await t.core.handle(leader, 'scenarioLibrary:get', { scenarioId: 'giao-ban' })).toMatchObject({ ok: true, value: { scenario: { id: 'giao-ban', name: { en: 'Briefing' } }, revision: 2 } });
    expect(await t.core.handle(operator, 'scenarioLibrary:remove', { scenarioId: 'giao-ban' })).toEqual({ ok: true, value: null });
    expect(await t.core.handle(leader, 'scenarioLibrary:get', { scenarioId: 'giao-ban' })).toMatchObject({ ok: false, error: { code: 'scenario/unknown' } });
  });

  it('keeps each person\'s draft of a scenario until they save or discard it, and only theirs', async () => {
    const operator = await person('vanhanh');
    const admin = t.console('c-admin-2');
    await t.core.handle(admin, 'auth:login', { username: 'quantri', password: 'quan-tri-mat-khau' });
    const leader = await person('lanhdao');
    const edited = { ...scenario(), name: { vi: 'Giao ban (đang sửa)', en: 'Briefing (editing)' } };
    expect(await t.core.handle(operator, 'scenarioDrafts:save', { scenario: edited, baseRevision: 0 })).toEqual({ ok: true, value: null });
    expect(await t.core.handle(operator, 'scenarioDrafts:list', {})).toMatchObject({ ok: true, value: [{ scenarioId: 'giao-ban', baseRevision: 0, name: { vi: 'Giao ban (đang sửa)' } }] });
    expect(await t.core.handle(operator, 'scenarioDrafts:get', { scenarioId: 'giao-ban' })).toMatchObject({ ok: true, value: { scenario: edited, baseRevision: 0 } });
    // Another person's drafts are theirs: none here; a leader does not edit the library.
    expect(await t.core.handle(admin, 'scenarioDrafts:list', {})).toEqual({ ok: true, value: [] });
    expect(await t.core.handle(leader, 'scenarioDrafts:save', { scenario: edited, baseRevision: 0 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const off = { ...edited, layout: { ...edited.layout, wallId: 'other-wall' } };
    expect(await t.core.handle(operator, 'scenarioDrafts:save', { scenario: off, baseRevision: 0 })).toMatchObject({ ok: false, error: { code: 'scenario/invalid', message: expect.stringContaining('other-wall') } });
    expect(await t.core.handle(operator, 'scenarioDrafts:save', { scenario: { ...edited, severity: 'panic' }, baseRevision: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('severity') } });

    // Saving to the library drops the draft; a discarded draft is gone.
    expect(await t.core.handle(operator, 'scenarioLibrary:save', { scenario: edited, expectedRevision: 0 })).toEqual({ ok: true, value: { revision: 1 } });
    expect(await t.core.handle(operator, 'scenarioDrafts:get', { scenarioId: 'giao-ban' })).toEqual({ ok: true, value: null });
    expect(await t.core.handle(operator, 'scenarioDrafts:save', { scenario: scenario(), baseRevision: 1 })).toMatchObject({ ok: true });
    expect(await t.core.handle(operator, 'scenarioDrafts:discard', { scenarioId: 'giao-ban' })).toEqual({ ok: true, value: null });
    expect(await t.core.handle(operator, 'scenarioDrafts:list', {})).toEqual({ ok: true, value: [] });
  });

  it('goes to the centre when a leader publishes it, and then activates like the centre\'s own', async () => {
    const operator = await person('vanhanh');
    const leader = await person('lanhdao');
    expect(await t.core.handle(operator, 'scenarioLibrary:save', { scenario: scenario(), expectedRevision: 0 })).toMatchObject({ ok: true });
    expect(await t.core.handle(leader, 'scenarioLibrary:publish', { scenarioId: 'giao-ban' })).toMatchObject({ ok: false, error: { code: 'backend-off' } });

    const hub = await testHub();
    cleanup.push(() => hub.close());
    const sync = startBackendSync({ core: t.core, log: memoryLogger(), url: hub.url, token: TOKENS.node, nodeId: 'node-1', link: { reconnectDelayMs: 50, syncIntervalMs: 500 } });
    cleanup.push(() => sync.close());
    await until('connected', () => t.core.state.backend?.state === 'connected');

    expect(await t.core.handle(operator, 'scenarioLibrary:publish', { scenarioId: 'giao-ban' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await hub.core.store.scenario('giao-ban'))).toBeNull();
    expect(await t.core.handle(leader, 'scenarioLibrary:publish', { scenarioId: 'nothing-here' })).toMatchObject({ ok: false, error: { code: 'scenario/unknown' } });
    expect(await t.core.handle(leader, 'scenarioLibrary:publish', { scenarioId: 'giao-ban' })).toEqual({ ok: true, value: { version: 1 } });
    expect(await t.core.handle(leader, 'scenarioLibrary:publish', { scenarioId: 'giao-ban' })).toEqual({ ok: true, value: { version: 2 } });
    await until('in the catalog', () => t.core.scenarioOverview.scenarios.some((s) => s.id === 'giao-ban' && s.version === 2));
    expect((await hub.core.store.recentAudit(5)).find((e) => e.action === 'scenario.publish')).toMatchObject({ actor: 'Người lanhdao', result: 'stored: version 2' });

    expect(await t.core.handle(leader, 'scenario:activate', { scenarioId: 'giao-ban' })).toMatchObject({ ok: true });
    await until('on the wall', () => t.core.state.scenario?.id === 'giao-ban');
    expect(t.core.state.layout.id).toBe('giao-ban-layout');
  });

  it('is refused by the hub itself for someone who is not a leader, or for another wall\'s scenario id', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const origin = 'test';
    expect(await hub.core.publishScenario({ scenario: scenario(), actor: { name: 'Vận hành', role: 'operator' }, origin })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const storm = (await hub.core.store.scenario('storm'))!;
    const stolen = { ...scenario(), id: 'storm', layout: { ...scenario().layout, wallId: 'other-wall' } };
    expect(storm.layout.wallId).not.toBe('other-wall');
    expect(await hub.core.publishScenario({ scenario: stolen, actor: { name: 'Lãnh đạo', role: 'leader' }, origin })).toMatchObject({ ok: false, error: { code: 'wrong-wall' } });
    expect((await hub.core.store.scenario('storm'))).toEqual(storm);
    expect((await hub.core.store.recentAudit(2)).map((e) => e.result)).toEqual(['refused: wrong-wall', 'refused: forbidden']);
  });
});
