import { z } from 'zod';
import { RotationSchema, type EdgesMm, type Rotation } from '../wall/schema.js';
import { calibrationRanges as R, type Range } from './ranges.js';

// The technician's calibration: a layer of per-screen settings over the wall file. Bezels and the
// display mapping override the file's values where set; offset, overscan, content rotation and colour
// exist only here. Stored values are always in range: requests are clamped before they get here, and
// an imported profile out of range is refused.

const inRange = (r: Range) => z.number().min(r.min).max(r.max);

export const ColourSchema = z.strictObject({
  brightness: inRange(R.brightness),
  contrast: inRange(R.contrast),
  gamma: inRange(R.gamma),
  gain: z.strictObject({ r: inRange(R.gain), g: inRange(R.gain), b: inRange(R.gain) }),
});
export type Colour = z.infer<typeof ColourSchema>;

const bezel = inRange(R.bezelMm);
const offset = inRange(R.offsetPx).int();
const overscan = inRange(R.overscanPx).int();

export const ScreenCalibrationSchema = z.strictObject({
  /** Frame widths in mm as mounted (native orientation, like the wall file); absent: the file's. */
  bezelMm: z.strictObject({ top: bezel, right: bezel, bottom: bezel, left: bezel }).optional(),
  /** Moves the picture on this screen, in the screen's pixels (x right, y down). */
  offset: z.strictObject({ x: offset, y: offset }),
  /** Pixels the panel hides at each left/right (x) and top/bottom (y) edge; the picture is shrunk to match. */
  overscan: z.strictObject({ x: overscan, y: overscan }),
  /** Clockwise turn the renderer gives the picture, for a display the OS does not rotate. */
  rotation: RotationSchema,
  colour: ColourSchema,
  /** OS display id for this position; absent: the file's (or the next free display). */
  displayId: z.number().int().optional(),
});
export type ScreenCalibration = z.infer<typeof ScreenCalibrationSchema>;

export const CalibrationSchema = z.strictObject({
  /** By screen id; a screen not listed has the defaults. */
  screens: z.record(z.string().min(1).max(64), ScreenCalibrationSchema),
});
export type Calibration = z.infer<typeof CalibrationSchema>;

/** Applied: on the wall. Draft: being previewed (on the wall, flagged). Previous: what "one step back" restores. */
export const CalibrationStateSchema = z.strictObject({
  applied: CalibrationSchema,
  draft: CalibrationSchema.nullable(),
  previous: CalibrationSchema.nullable(),
  /** Who confirmed the applied calibration, and when; null for the start-up state. */
  appliedBy: z.string().max(120).nullable(),
  appliedAt: z.number().nullable(),
});
export type CalibrationState = z.infer<typeof CalibrationStateSchema>;

export const neutralColour = (): Colour => ({ brightness: 0, contrast: 100, gamma: 1, gain: { r: 100, g: 100, b: 100 } });

export const defaultScreenCalibration = (): ScreenCalibration => ({
  offset: { x: 0, y: 0 },
  overscan: { x: 0, y: 0 },
  rotation: 0,
  colour: neutralColour(),
});

export const emptyCalibration = (): Calibration => ({ screens: {} });

export const initialCalibrationState = (applied: Calibration = emptyCalibration()): CalibrationState => ({
  applied,
  draft: null,
  previous: null,
  appliedBy: null,
  appliedAt: null,
});

/** A screen's settings, defaults filled in. */
export function screenCalibration(calibration: Calibration | null | undefined, screenId: string): ScreenCalibration {
  return calibration?.screens[screenId] ?? defaultScreenCalibration();
}

/** What the wall shows now: the draft while one is previewed, else the applied calibration. */
// One object for "no calibration", so what is derived from it (the wall canvas) keeps its identity.
const NO_CALIBRATION: Calibration = Object.freeze({ screens: Object.freeze({}) });

export function shownCalibration(calibration: CalibrationState | null | undefined): Calibration {
  return calibration?.draft ?? calibration?.applied ?? NO_CALIBRATION;
}

export function isNeutralColour(c: Colour): boolean {
  return c.brightness === 0 && c.contrast === 100 && c.gamma === 1 && c.gain.r === 100 && c.gain.g === 100 && c.gain.b === 100;
}

export type { EdgesMm, Rotation };
