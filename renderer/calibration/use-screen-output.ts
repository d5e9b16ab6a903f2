import { useMemo } from 'react';
import { colourTransfer, type ColourTransfer } from '../../common/calibration/colour.js';
import { isNeutralColour, screenCalibration, shownCalibration, type ScreenCalibration } from '../../common/calibration/schema.js';
import { cssMatrix, isIdentity, screenTransform } from '../../common/calibration/transform.js';
import type { WallState } from '../../common/state.js';
import type { ScreenViewport } from '../../common/wall/geometry.js';
import { useStableJson } from '../ui/use-stable-json.js';

export interface ScreenOutput {
  calibration: ScreenCalibration;
  /** CSS transform of the viewport inside the window. */
  transform: string;
  /** null when the colour is neutral: no filter at all, so nothing is resampled or recoloured. */
  colour: ColourTransfer | null;
  preview: boolean;
}

/** How this screen turns its slice of the wall into window pixels: calibration, transform, colour. */
export function useScreenOutput(state: WallState, viewport: ScreenViewport, window: { width: number; height: number }): ScreenOutput {
  const calibrationState = state.technician?.calibration;
  const calibration = useStableJson(screenCalibration(shownCalibration(calibrationState), viewport.screenId));
  const { width, height } = viewport.rect;
  const { width: windowWidth, height: windowHeight } = window;
  const preview = Boolean(calibrationState?.draft);
  return useMemo(() => {
    const m = screenTransform({ window: { width: windowWidth, height: windowHeight }, content: { width, height }, offset: calibration.offset, overscan: calibration.overscan, rotation: calibration.rotation });
    return {
      calibration,
      transform: isIdentity(m) ? 'none' : cssMatrix(m),
      colour: isNeutralColour(calibration.colour) ? null : colourTransfer(calibration.colour),
      preview,
    };
  }, [calibration, width, height, windowWidth, windowHeight, preview]);
}
