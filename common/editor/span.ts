import { intersect, type ScreenViewport } from '../wall/geometry.js';
import type { Rect } from '../wall/schema.js';

// Which screens a panel lands on: the editor shows it, and the scenario confirmation says which
// screens change.

export interface ScreenShare {
  screenId: string;
  /** The part of the panel on this screen, in canvas px. */
  part: Rect;
}

/** Screens the rect overlaps, in wall order, with the part on each (a rect in a bezel gap touches none there). */
export function screensCovered(rect: Rect, viewports: readonly ScreenViewport[]): ScreenShare[] {
  return viewports.flatMap((v) => {
    const part = intersect(rect, v.rect);
    return part ? [{ screenId: v.screenId, part }] : [];
  });
}

/** Whether the rect crosses a seam, i.e. shows on more than one screen. */
export function spansScreens(rect: Rect, viewports: readonly ScreenViewport[]): boolean {
  return screensCovered(rect, viewports).length > 1;
}
