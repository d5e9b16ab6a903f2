import type { ClampNote } from '../../../common/calibration/ranges.js';
import { screenCalibration, shownCalibration, type ScreenCalibration } from '../../../common/calibration/schema.js';
import { wallEdges } from '../../../common/calibration/wall.js';
import type { WallState } from '../../../common/state.js';
import type { CalibrationPatch } from '../../../common/technician-contract.js';
import type { EdgesMm, ScreenConfig } from '../../../common/wall/schema.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import type { Action } from './use-action.js';

export interface Target {
  /** null: every screen. */
  screenId: string | null;
  /** The screen whose values the fields show (the selected one, or the first for the whole wall). */
  screen: ScreenConfig;
  calibration: ScreenCalibration;
  /** Bezels as seen on the wall. */
  bezelMm: EdgesMm;
  set(patch: CalibrationPatch): void;
}

/** What the geometry and colour controls act on, and how a change is sent and its clamping reported. */
export function useTarget(state: WallState, action: Action): Target | null {
  const t = useT();
  const bridge = useBridge();
  const screenId = state.technician?.selectedScreenId ?? null;
  const screen = state.wall.screens.find((s) => s.id === screenId) ?? state.wall.screens[0];
  if (!screen) return null;
  const calibration = screenCalibration(shownCalibration(state.technician?.calibration), screen.id);
  const describe = (n: ClampNote) => t('tech.clamped', { path: n.path, requested: n.requested, applied: n.applied, min: n.min, max: n.max, unit: n.unit });
  return {
    screenId,
    screen,
    calibration,
    bezelMm: wallEdges(calibration.bezelMm ?? screen.bezelMm, screen.rotation),
    set(patch) {
      void action.run(() => bridge.setCalibration(screenId, patch)).then((answer) => {
        if (answer) action.warn(answer.clamped.map(describe));
      });
    },
  };
}
