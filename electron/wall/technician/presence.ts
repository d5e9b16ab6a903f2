import type { DetectedDisplay } from '../../../common/wall/plan.js';
import type { TechnicianState } from '../../../common/calibration/technician-state.js';
import { fitCalibration } from '../../../common/calibration/wall.js';
import type { Calibration } from '../../../common/calibration/schema.js';
import type { WallConfig } from '../../../common/wall/schema.js';

// What the technician state learns from outside the console: pages waiting for a position, the
// displays the shell sees, and a reloaded wall. Each returns null when nothing changes (no commit).

export function addPendingPage(t: TechnicianState, code: string, now: number): TechnicianState {
  const others = t.pendingPages.filter((p) => p.code !== code);
  return { ...t, pendingPages: [...others, { code, since: now, assignedTo: null }] };
}

export function removePendingPage(t: TechnicianState, code: string): TechnicianState | null {
  if (!t.pendingPages.some((p) => p.code === code)) return null;
  return { ...t, pendingPages: t.pendingPages.filter((p) => p.code !== code) };
}

/** The shell's displays, in a stable order; null when they are the ones already known. */
export function withDisplays(t: TechnicianState, displays: readonly DetectedDisplay[] | null): TechnicianState | null {
  const next = displays === null ? null : [...displays].map(plainDisplay).sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x || a.id - b.id);
  if (JSON.stringify(next) === JSON.stringify(t.displays)) return null;
  return { ...t, displays: next };
}

/** After the wall file changed: forget screens it no longer has. */
export function fitToWall(t: TechnicianState, wall: WallConfig): TechnicianState {
  const fit = (c: Calibration) => fitCalibration(c, wall).calibration;
  const ids = new Set(wall.screens.map((s) => s.id));
  return {
    ...t,
    calibration: {
      ...t.calibration,
      applied: fit(t.calibration.applied),
      draft: t.calibration.draft && fit(t.calibration.draft),
      previous: t.calibration.previous && fit(t.calibration.previous),
    },
    selectedScreenId: t.selectedScreenId !== null && ids.has(t.selectedScreenId) ? t.selectedScreenId : null,
    testPattern: t.testPattern && t.testPattern.screenId !== null && !ids.has(t.testPattern.screenId) ? null : t.testPattern,
  };
}

// Only the fields the state schema knows (Electron's Display has many more).
function plainDisplay(d: DetectedDisplay): DetectedDisplay {
  const { x, y, width, height } = d.bounds;
  return {
    id: d.id,
    ...(d.label ? { label: d.label.slice(0, 200) } : {}),
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) },
    scaleFactor: d.scaleFactor > 0 ? d.scaleFactor : 1,
    rotation: d.rotation,
    ...(d.primary === undefined ? {} : { primary: d.primary }),
    ...(d.internal === undefined ? {} : { internal: d.internal }),
  };
}
