import { calibratedWall } from '../calibration/wall.js';
import { screenCalibration, shownCalibration } from '../calibration/schema.js';
import type { WallState } from '../state.js';
import { wallCanvas } from './geometry.js';

// A screen page fits its slice of the wall into its window, keeping the proportions: a portrait screen
// shown in a landscape window (its display not rotated in the OS, no content rotation) is drawn in a
// narrow band and looks "ready" while most of the panel is black. That is a fault the console must show.

export interface WindowShape {
  window: { width: number; height: number };
  /** The shape the content needs: the screen's slice of the canvas, turned by its content rotation. */
  screen: { width: number; height: number };
  /** How much of the window the fitted content covers, in percent. */
  usedPercent: number;
}

/** Below this share of the window covered, the shapes differ enough to be a fault (not rounding or a task bar). */
export const MIN_USED_PERCENT = 90;

/** The window's shape against the screen's, or null when the screen is unknown or the window has no size. */
export function windowShape(state: WallState, screenId: string, window: { width: number; height: number }): WindowShape | null {
  if (!(window.width > 0 && window.height > 0)) return null;
  const calibration = state.technician?.calibration;
  const rect = wallCanvas(calibratedWall(state.wall, calibration?.applied)).viewports.find((v) => v.screenId === screenId)?.rect;
  if (!rect || !(rect.width > 0 && rect.height > 0)) return null;
  const turn = screenCalibration(shownCalibration(calibration), screenId).rotation;
  const screen = turn === 90 || turn === 270 ? { width: rect.height, height: rect.width } : { width: rect.width, height: rect.height };
  const scale = Math.min(window.width / screen.width, window.height / screen.height);
  const usedPercent = Math.round(((screen.width * scale * screen.height * scale) / (window.width * window.height)) * 1000) / 10;
  return { window: { width: window.width, height: window.height }, screen, usedPercent };
}

/** The shape when it is a fault (content squeezed into less than MIN_USED_PERCENT of the window), else null. */
export function windowShapeFault(state: WallState, screenId: string, window: { width: number; height: number }): WindowShape | null {
  const shape = windowShape(state, screenId, window);
  return shape && shape.usedPercent < MIN_USED_PERCENT ? shape : null;
}
