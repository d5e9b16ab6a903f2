import { calibrationRanges as R, clampNoted, type ClampNote } from '../../../common/calibration/ranges.js';
import { defaultScreenCalibration, neutralColour, type Calibration, type ScreenCalibration } from '../../../common/calibration/schema.js';
import { nativeEdges, wallEdges } from '../../../common/calibration/wall.js';
import type { CalibrationPatch } from '../../../common/technician-contract.js';
import type { ScreenConfig, WallConfig } from '../../../common/wall/schema.js';

// Pure calibration reducers: a calibration in, a new one out. The core decides which calibration
// (the draft) they work on, and commits the result.

export type ResetPart = 'geometry' | 'colour' | 'mapping';

/** Clamp every number of a patch into range, noting each that had to move. Paths start with `where`. */
export function clampPatch(patch: CalibrationPatch, where: string): { patch: CalibrationPatch; clamped: ClampNote[] } {
  const notes: ClampNote[] = [];
  const c = (range: (typeof R)[keyof typeof R], v: number | undefined, path: string) => (v === undefined ? undefined : clampNoted(range, v, `${where}.${path}`, notes));
  const out: CalibrationPatch = { ...patch };
  if (patch.bezelMm) {
    const b = patch.bezelMm;
    out.bezelMm = strip({ top: c(R.bezelMm, b.top, 'bezelMm.top'), right: c(R.bezelMm, b.right, 'bezelMm.right'), bottom: c(R.bezelMm, b.bottom, 'bezelMm.bottom'), left: c(R.bezelMm, b.left, 'bezelMm.left') });
  }
  if (patch.offset) out.offset = strip({ x: c(R.offsetPx, patch.offset.x, 'offset.x'), y: c(R.offsetPx, patch.offset.y, 'offset.y') });
  if (patch.overscan) out.overscan = strip({ x: c(R.overscanPx, patch.overscan.x, 'overscan.x'), y: c(R.overscanPx, patch.overscan.y, 'overscan.y') });
  if (patch.colour) {
    const k = patch.colour;
    out.colour = strip({
      brightness: c(R.brightness, k.brightness, 'colour.brightness'),
      contrast: c(R.contrast, k.contrast, 'colour.contrast'),
      gamma: c(R.gamma, k.gamma, 'colour.gamma'),
      ...(k.gain ? { gain: strip({ r: c(R.gain, k.gain.r, 'colour.gain.r'), g: c(R.gain, k.gain.g, 'colour.gain.g'), b: c(R.gain, k.gain.b, 'colour.gain.b') }) } : {}),
    });
  }
  return { patch: out, clamped: notes };
}

/** One screen's settings with a (clamped) patch laid over them. Bezels in the patch are as seen on the wall. */
export function patchScreen(current: ScreenCalibration, screen: ScreenConfig, patch: CalibrationPatch): ScreenCalibration {
  const next: ScreenCalibration = structuredClone(current);
  if (patch.bezelMm) {
    const seen = wallEdges(current.bezelMm ?? screen.bezelMm, screen.rotation);
    next.bezelMm = nativeEdges({ ...seen, ...patch.bezelMm }, screen.rotation);
  }
  if (patch.offset) next.offset = { ...next.offset, ...patch.offset };
  if (patch.overscan) next.overscan = { ...next.overscan, ...patch.overscan };
  if (patch.rotation !== undefined) next.rotation = patch.rotation;
  if (patch.colour) {
    const { gain, ...rest } = patch.colour;
    next.colour = { ...next.colour, ...rest, gain: { ...next.colour.gain, ...gain } };
  }
  if (patch.displayId === null) delete next.displayId;
  else if (patch.displayId !== undefined) next.displayId = patch.displayId;
  return next;
}

export function resetScreen(current: ScreenCalibration, parts: readonly ResetPart[]): ScreenCalibration {
  const next: ScreenCalibration = structuredClone(current);
  const base = defaultScreenCalibration();
  if (parts.includes('geometry')) {
    delete next.bezelMm;
    next.offset = base.offset;
    next.overscan = base.overscan;
    next.rotation = base.rotation;
  }
  if (parts.includes('colour')) next.colour = neutralColour();
  if (parts.includes('mapping')) delete next.displayId;
  return next;
}

/** Apply `change` to the screens it targets (null: all), dropping entries that are back to the defaults. */
export function updateScreens(calibration: Calibration, wall: WallConfig, screenId: string | null, change: (current: ScreenCalibration, screen: ScreenConfig) => ScreenCalibration): Calibration {
  const screens = { ...calibration.screens };
  for (const screen of wall.screens) {
    if (screenId !== null && screen.id !== screenId) continue;
    const next = change(screens[screen.id] ?? defaultScreenCalibration(), screen);
    if (isDefault(next)) delete screens[screen.id];
    else screens[screen.id] = next;
  }
  return { screens };
}

export function isDefault(c: ScreenCalibration): boolean {
  return canonical(c) === canonical(defaultScreenCalibration());
}

export function sameCalibration(a: Calibration, b: Calibration): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with keys sorted, so equal settings compare equal whatever order they were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function strip<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
