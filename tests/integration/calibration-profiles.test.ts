import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileFile, ProfileSummary } from '../../common/calibration/profile.js';
import type { CalibrationState } from '../../common/calibration/schema.js';
import { memoryLogger } from '../../node-common/log.js';
import { migrations } from '../../electron/wall/db/migrations.js';
import { installTechnician, loadTechnician } from '../../electron/wall/technician/install.js';
import { consoleCore, type ConsoleCore } from '../support/console-core.js';

// Profiles in the real database, behind the real role checks and audit log.
let t: ConsoleCore;
beforeEach(() => {
  t = consoleCore();
  installTechnician(t.core, { profiles: t.db.calibrationProfiles, settings: t.db.settings, log: memoryLogger(), now: () => t.clock.now });
});
afterEach(() => t.close());

async function people() {
  const admin = t.console('admin');
  expect(await t.core.handle(admin, 'auth:setup', { username: 'quantri', displayName: 'Quản trị', password: 'mat-khau-quan-tri' })).toMatchObject({ ok: true });
  for (const [username, role] of [['kythuat', 'technician'], ['vanhanh', 'operator']] as const) {
    expect(await t.core.handle(admin, 'accounts:create', { username, displayName: username, role, password: `${username}-password` })).toMatchObject({ ok: true });
  }
  const as = async (username: string) => {
    const c = t.console(`console-${username}`);
    expect(await t.core.handle(c, 'auth:login', { username, password: `${username}-password` })).toMatchObject({ ok: true });
    return (channel: string, payload: unknown) => t.core.handle(c, channel, payload);
  };
  return { technician: await as('kythuat'), operator: await as('vanhanh') };
}
const calibration = (): CalibrationState => t.core.state.technician!.calibration;
const value = <T,>(r: { ok: boolean; value?: unknown }): T => {
  expect(r.ok).toBe(true);
  return r.value as T;
};

describe('calibration profiles', () => {
  it('is migration 3, after the accounts', () => {
    // Later migrations are appended after it.
    expect(migrations.slice(0, 3).map((m) => `${m.version} ${m.name}`)).toEqual(['1 walls-layouts-settings', '2 users-audit-log', '3 calibration-profiles']);
  });

  it('are for technicians: an operator is refused, and the refusal is in the audit log', async () => {
    const { operator } = await people();
    expect(await operator('calibration:set', { screenId: 'A1', set: { offset: { x: 1 } } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.db.audit.query({ limit: 1 }).entries[0]).toMatchObject({ actor: 'vanhanh', action: 'calibration:set', ok: false });
    expect(calibration().draft).toBeNull();
  });

  it('save the applied calibration, and restore it exactly after other changes', async () => {
    const { technician } = await people();
    await technician('calibration:set', { screenId: 'A1', set: { bezelMm: { right: 3.1 }, offset: { x: 2, y: -1 }, colour: { brightness: 12, gain: { b: 90 } } } });
    await technician('calibration:set', { screenId: 'B2', set: { overscan: { x: 16, y: 9 }, rotation: 180, colour: { gamma: 1.8 } } });
    value(await technician('calibration:confirm', { acceptIssues: false }));
    const saved = calibration().applied;
    const summary = value<ProfileSummary>(await technician('profiles:save', { name: 'Chuẩn tháng 10' }));
    expect(summary).toMatchObject({ name: 'Chuẩn tháng 10', wallId: 'demo-2x2', screens: 2 });
    expect(t.core.state.technician!.profiles).toEqual([summary]);

    await technician('calibration:reset', { screenId: null, parts: ['geometry', 'colour'] });
    await technician('calibration:set', { screenId: 'A2', set: { colour: { contrast: 120 } } });
    value(await technician('calibration:confirm', { acceptIssues: false }));
    expect(calibration().applied).not.toEqual(saved);

    value(await technician('profiles:load', { id: summary.id }));
    expect(calibration().draft).toEqual(saved);
    expect(calibration().applied).not.toEqual(saved);
    value(await technician('calibration:confirm', { acceptIssues: false }));
    expect(calibration().applied).toEqual(saved);

    // Saving again under the same name replaces that profile.
    const again = value<ProfileSummary>(await technician('profiles:save', { name: 'Chuẩn tháng 10' }));
    expect(again.id).toBe(summary.id);
    expect(t.core.state.technician!.profiles).toHaveLength(1);

    const actions = t.db.audit.query({ actor: 'kythuat', limit: 50 }).entries.map((e) => `${e.action} ${e.target ?? '-'} ${e.ok ? 'ok' : 'no'}`);
    expect(actions).toContain('calibration:set A1 ok');
    expect(actions).toContain('profiles:save - ok');
    expect(actions.filter((a) => a.startsWith('calibration:confirm'))).toHaveLength(3);
  });

  it('export to a file that imports back to the same calibration; remove', async () => {
    const { technician } = await people();
    await technician('calibration:set', { screenId: 'A2', set: { offset: { x: 5 }, colour: { gain: { r: 97 } } } });
    value(await technician('calibration:confirm', { acceptIssues: false }));
    const { id } = value<ProfileSummary>(await technician('profiles:save', { name: 'xuất' }));
    const file = value<ProfileFile>(await technician('profiles:export', { id }));
    expect(file).toMatchObject({ format: 'toan-canh/calibration-profile', version: 1, wallId: 'demo-2x2', name: 'xuất', savedAt: '2026-10-20T01:00:00.000Z' });
    await technician('calibration:reset', { screenId: null, parts: ['geometry', 'colour'] });
    value(await technician('calibration:confirm', { acceptIssues: false }));
    value(await technician('profiles:import', { text: JSON.stringify(file) }));
    expect(calibration().draft).toEqual(file.calibration);
    value(await technician('profiles:remove', { id }));
    expect(t.core.state.technician!.profiles).toEqual([]);
    expect(await technician('profiles:load', { id })).toMatchObject({ ok: false, error: { code: 'profiles/not-found' } });
  });

  it('keep the applied calibration and the one before across a restart, but not a preview', async () => {
    const { technician } = await people();
    await technician('calibration:set', { screenId: 'B1', set: { offset: { y: 3 } } });
    value(await technician('calibration:confirm', { acceptIssues: false }));
    await technician('calibration:set', { screenId: 'B1', set: { offset: { y: 4 } } });
    value(await technician('calibration:confirm', { acceptIssues: false }));
    await technician('calibration:set', { screenId: 'A1', set: { colour: { brightness: -5 } } });
    const before = calibration();
    const restored = loadTechnician(t.db.settings, t.db.calibrationProfiles, t.core.state.wall, memoryLogger()).calibration;
    expect(restored).toEqual({ ...before, draft: null });
    expect(restored.previous?.screens.B1?.offset.y).toBe(3);
  });
});
