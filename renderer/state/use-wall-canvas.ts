import { useMemo } from 'react';
import { shownCalibration } from '../../common/calibration/schema.js';
import { calibratedWall } from '../../common/calibration/wall.js';
import { wallCanvas, type WallCanvas } from '../../common/wall/geometry.js';
import type { WallConfig } from '../../common/wall/schema.js';
import { useWallState } from './store-context.js';

// The wall as the screens draw it now: the file's screens with the calibration on the wall (the
// previewed draft while there is one), and where each screen sits on the canvas.

export function useShownWall(): WallConfig | null {
  const { state } = useWallState();
  const wall = state?.wall ?? null;
  const calibration = state ? shownCalibration(state.technician?.calibration) : null;
  return useMemo(() => (wall ? calibratedWall(wall, calibration) : null), [wall, calibration]);
}

export function useWallCanvas(): WallCanvas | null {
  const wall = useShownWall();
  return useMemo(() => (wall ? wallCanvas(wall, { bezelCompensation: wall.bezelCompensation }) : null), [wall]);
}
