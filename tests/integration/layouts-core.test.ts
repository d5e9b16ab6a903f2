import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Layout } from '../../common/wall/layout-schema.js';
import type { CoreClient } from '../../electron/wall/client.js';
import { consoleCore, type ConsoleCore } from '../support/console-core.js';

let t: ConsoleCore;
let operator: CoreClient;
let other: CoreClient;

async function signIn(username: string, role: string, id: string): Promise<CoreClient> {
  const c = t.console(id);
  if (username === 'quantri') {
    expect(await t.core.handle(c, 'auth:setup', { username, displayName: 'Quản trị', password: 'quan-tri-mat-khau' })).toMatchObject({ ok: true });
    return c;
  }
  expect(await t.core.handle(admin, 'accounts:create', { username, displayName: username, role, password: `${username}-mat-khau` })).toMatchObject({ ok: true });
  expect(await t.core.handle(c, 'auth:login', { username, password: `${username}-mat-khau` })).toMatchObject({ ok: true });
  return c;
}
let admin: CoreClient;

beforeEach(async () => {
  t = consoleCore();
  admin = await signIn('quantri', 'admin', 'c-admin');
  operator = await signIn('vanhanh', 'operator', 'c-op');
  other = await signIn('vanhanh2', 'operator', 'c-op2');
});
afterEach(() => t.close());

const spanning = (): Layout => ({
  ...t.core.state.layout,
  id: 'bao-cao-sang',
  name: 'Báo cáo buổi sáng',
  panels: [{ id: 'banner', type: 'text', rect: { x: 1500, y: 200, width: 900, height: 300 }, z: 0, props: { text: 'Giao ban sáng' } }],
});

describe('named layouts', () => {
  it('saves with revisions, refuses a save based on an old revision, and lets the person overwrite on purpose', async () => {
    expect(await t.core.handle(operator, 'layouts:save', { layout: spanning(), expectedRevision: 0 })).toEqual({ ok: true, value: { revision: 1 } });
    const mine = { ...spanning(), name: 'Của tôi' };
    const theirs = { ...spanning(), name: 'Của người khác' };
    expect(await t.core.handle(other, 'layouts:save', { layout: theirs, expectedRevision: 1 })).toEqual({ ok: true, value: { revision: 2 } });
    const conflict = await t.core.handle(operator, 'layouts:save', { layout: mine, expectedRevision: 1 });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'layout/conflict', message: expect.stringContaining('revision 2') } });
    expect(t.db.layouts.get('bao-cao-sang')?.layout.name).toBe('Của người khác');
    const current = await t.core.handle(operator, 'layouts:get', { layoutId: 'bao-cao-sang' });
    expect(current).toMatchObject({ ok: true, value: { revision: 2 } });
    expect(await t.core.handle(operator, 'layouts:save', { layout: mine, expectedRevision: 2 })).toEqual({ ok: true, value: { revision: 3 } });
    const list = await t.core.handle(operator, 'layouts:list', {});
    expect(list.ok && (list.value as Array<{ id: string }>).map((l) => l.id)).toContain('bao-cao-sang');
    const audit = t.db.audit.query({ action: 'layouts:save' }).entries.map((e) => [e.actor, e.target, e.ok]);
    expect(audit).toEqual([['vanhanh', 'bao-cao-sang', true], ['vanhanh', 'bao-cao-sang', false], ['vanhanh2', 'bao-cao-sang', true], ['vanhanh', 'bao-cao-sang', true]]);
  });

  it('refuses a layout that does not fit the wall, naming the panel', async () => {
    const off = { ...spanning(), panels: [{ ...spanning().panels[0]!, rect: { x: 9000, y: 9000, width: 10, height: 10 } }] };
    const r = await t.core.handle(operator, 'layouts:save', { layout: off, expectedRevision: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'layout/invalid', message: expect.stringContaining('panels[0].rect') } });
  });

  it('applies a saved layout to the wall (operators, not leaders or technicians)', async () => {
    await t.core.handle(operator, 'layouts:save', { layout: spanning(), expectedRevision: 0 });
    const leader = await signIn('lanhdao', 'leader', 'c-lead');
    expect(await t.core.handle(leader, 'layouts:apply', { layoutId: 'bao-cao-sang' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await t.core.handle(leader, 'layouts:save', { layout: spanning(), expectedRevision: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const before = t.core.state.revision;
    expect(await t.core.handle(operator, 'layouts:apply', { layoutId: 'bao-cao-sang' })).toEqual({ ok: true, value: before + 1 });
    expect(t.core.state.layout.id).toBe('bao-cao-sang');
    expect(t.db.settings.get('wall.demo-2x2.activeLayout', z.string())).toBe('bao-cao-sang');
    expect(await t.core.handle(operator, 'layouts:remove', { layoutId: 'bao-cao-sang' })).toMatchObject({ ok: false, error: { code: 'layout/active' } });
    expect(t.db.audit.query({ action: 'layouts:apply' }).entries[0]).toMatchObject({ actor: 'vanhanh', target: 'bao-cao-sang', ok: true, result: `ok: revision ${before + 1}` });
  });
});

describe('drafts', () => {
  it('keeps one draft per person and layout until the layout is saved', async () => {
    const draft = spanning();
    expect(await t.core.handle(operator, 'drafts:save', { layout: draft, baseRevision: 0 })).toEqual({ ok: true, value: null });
    expect(await t.core.handle(other, 'drafts:get', { layoutId: draft.id })).toEqual({ ok: true, value: null });
    expect(await t.core.handle(operator, 'drafts:get', { layoutId: draft.id })).toMatchObject({ ok: true, value: { layout: { name: 'Báo cáo buổi sáng' }, baseRevision: 0 } });
    expect(await t.core.handle(operator, 'drafts:list', {})).toMatchObject({ ok: true, value: [{ layoutId: 'bao-cao-sang', name: 'Báo cáo buổi sáng', baseRevision: 0 }] });
    expect(t.db.audit.query({ action: 'drafts' }).total).toBe(0); // autosaves are not audited
    await t.core.handle(operator, 'layouts:save', { layout: draft, expectedRevision: 0 });
    expect(await t.core.handle(operator, 'drafts:get', { layoutId: draft.id })).toEqual({ ok: true, value: null });
  });
});

describe('a disk that refuses writes', () => {
  it('answers a save with what happened and what to do, lists it on the console, and leaves the wall as it was', async () => {
    const before = t.core.state.layout;
    const full = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    t.db.layouts.save = () => {
      throw full;
    };
    const answer = await t.core.handle(operator, 'layouts:save', { layout: spanning(), expectedRevision: 0 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'db/full', message: expect.stringMatching(/disk under .* is full.*wall keeps showing.*Free space/) } });
    expect(t.core.state.problems).toEqual([expect.objectContaining({ code: 'db/full' })]);
    expect(t.core.state.layout).toBe(before);
    // Said once on the console, however many saves are refused.
    await t.core.handle(operator, 'layouts:save', { layout: spanning(), expectedRevision: 0 });
    expect(t.core.state.problems.filter((p) => p.code === 'db/full')).toHaveLength(1);
  });
});

