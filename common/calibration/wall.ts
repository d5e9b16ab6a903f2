import type { EdgesMm, Rotation, WallConfig } from '../wall/schema.js';
import type { Calibration } from './schema.js';

// The wall as calibrated: the file's screens with the technician's bezels and display mapping laid
// over them. Everything that places screens (canvas, window plan) reads this, not the bare file.

export function calibratedWall(wall: WallConfig, calibration: Calibration | null | undefined): WallConfig {
  if (!calibration) return wall;
  let changed = false;
  const screens = wall.screens.map((s) => {
    const c = calibration.screens[s.id];
    if (!c || (c.bezelMm === undefined && c.displayId === undefined)) return s;
    changed = true;
    const display = c.displayId === undefined ? s.display : s.display?.id === c.displayId ? s.display : { id: c.displayId };
    const { display: _old, ...rest } = s;
    return { ...rest, bezelMm: c.bezelMm ?? s.bezelMm, ...(display ? { display } : {}) };
  });
  return changed ? { ...wall, screens } : wall;
}

/** Edges as seen on the wall from edges of the panel as built (the wall file's), for a clockwise mount rotation. */
export function wallEdges(native: EdgesMm, rotation: Rotation): EdgesMm {
  const { top, right, bottom, left } = native;
  switch (rotation) {
    case 90: return { top: left, right: top, bottom: right, left: bottom };
    case 180: return { top: bottom, right: left, bottom: top, left: right };
    case 270: return { top: right, right: bottom, bottom: left, left: top };
    default: return { ...native };
  }
}

/** The inverse of wallEdges: what the technician sees on the wall, back to the panel's own edges. */
export function nativeEdges(onWall: EdgesMm, rotation: Rotation): EdgesMm {
  const back = ((360 - rotation) % 360) as Rotation;
  return wallEdges(onWall, back);
}

/** The calibration without screens this wall does not have; `dropped` names them. */
export function fitCalibration(calibration: Calibration, wall: WallConfig): { calibration: Calibration; dropped: string[] } {
  const ids = new Set(wall.screens.map((s) => s.id));
  const dropped = Object.keys(calibration.screens).filter((id) => !ids.has(id));
  if (!dropped.length) return { calibration, dropped };
  const screens = Object.fromEntries(Object.entries(calibration.screens).filter(([id]) => ids.has(id)));
  return { calibration: { screens }, dropped };
}
