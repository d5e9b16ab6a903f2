import type { PatternProps } from '../panels/pattern.js';
import type { Rect } from '../wall/schema.js';
import { colourBarFills, greyRampFills } from './bands.js';
import { crosshatchRects } from './crosshatch.js';
import { clipTo, type Area, type EmitFill } from './fills.js';
import { movingBarFills } from './moving-bar.js';
import { seamPatchFills } from './seam-patches.js';

// Every fill-drawn pattern through one door (the checkerboard is drawn as pixels, see checkerboard.ts).

export interface PatternContext {
  /** The panel's full size and its corner on the wall canvas. */
  size: { width: number; height: number };
  origin: { x: number; y: number };
  /** Every screen's rectangle on the canvas (for seam patches). */
  screens: readonly Rect[];
  /** Wall clock in ms (for the moving bar). */
  timeMs: number;
}

export type FillPattern = Exclude<PatternProps, { kind: 'checkerboard' }>;

/** Emit the fills of `pattern` that fall in `area` (panel px), relative to the area's corner, bottom first. */
export function patternFills(pattern: FillPattern, context: PatternContext, area: Area, emit: EmitFill): void {
  const { size } = context;
  switch (pattern.kind) {
    case 'crosshatch':
      clipTo(area, emit)(0, 0, size.width, size.height, pattern.background);
      crosshatchRects(area, pattern, (x, y, w, h) => emit(x, y, w, h, pattern.lineColor));
      return;
    case 'colour-bars':
      return colourBarFills(size, pattern, area, emit);
    case 'grey-ramp':
      return greyRampFills(size, pattern, area, emit);
    case 'solid':
      return clipTo(area, emit)(0, 0, size.width, size.height, pattern.color);
    case 'moving-bar':
      return movingBarFills(size, pattern, context.timeMs, area, emit);
    case 'seam-patches':
      return seamPatchFills(size, context.origin, context.screens, pattern, area, emit);
  }
}

/** Whether the pattern changes with time (the page then redraws it every frame). */
export const isAnimated = (pattern: PatternProps): boolean => pattern.kind === 'moving-bar';
