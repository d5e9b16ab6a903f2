import { expect } from '@playwright/test';
import type { WallState } from '../../../common/state.js';
import type { WallSocket } from '../../support/wall-socket.js';
import type { ScreenPage } from '../pages/screen-page.js';
import type { Rgb } from './pixels.js';

// The technician's state back to nothing (no pattern, no selection, no calibration) through the
// admin's socket, so each test starts from the wall file's geometry; returns the revision reached.
export async function resetTechnician(admin: WallSocket): Promise<number> {
  const ok = async (channel: string, payload: unknown) => expect(await admin.request(channel, payload), channel).toMatchObject({ ok: true });
  await ok('calibration:cancel', {});
  await ok('tech:setTestPattern', { testPattern: null });
  await ok('tech:selectScreen', { screenId: null });
  await ok('wall:setIdentify', { enabled: false });
  const state = await snapshot(admin);
  if (Object.keys(state.technician?.calibration.applied.screens ?? {}).length) {
    await ok('calibration:reset', { screenId: null, parts: ['geometry', 'colour', 'mapping'] });
    await ok('calibration:confirm', { acceptIssues: true });
  }
  return (await snapshot(admin)).revision;
}

export async function snapshot(admin: WallSocket): Promise<WallState> {
  const r = await admin.request('state:snapshot', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as WallState;
}

export async function waitAll(screens: Record<string, ScreenPage>, revision: number): Promise<void> {
  for (const s of Object.values(screens)) await s.waitForRevision(revision);
}

type Point = readonly [number, number];

/** Colours at `points` on every screen, one screenshot each. */
export async function readAll(screens: Record<string, ScreenPage>, points: readonly Point[]): Promise<Record<string, Rgb[]>> {
  const out: Record<string, Rgb[]> = {};
  for (const [id, s] of Object.entries(screens)) out[id] = await s.pixels(points);
  return out;
}

/** An even grid of points over a 1920 × 1080 screen, clear of the preview badge (bottom left). */
export function gridPoints(step = 97): Point[] {
  const points: Point[] = [];
  for (let y = 13; y < 1000; y += step) for (let x = 11; x < 1920; x += step) points.push([x, y]);
  return points;
}
