import type { PatternOf } from '../panels/pattern.js';
import { bandEdges, clipTo, grey, hex2, type Area, type EmitFill } from './fills.js';

// Colour bars, grey ramps and solid fields: bands across the whole panel, one per colour.

const BAR_COLOURS: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1], [1, 1, 0], [0, 1, 1], [0, 1, 0], [1, 0, 1], [1, 0, 0], [0, 0, 1], [0, 0, 0],
];

/** The eight bar colours at `level` % (75 % bars keep every channel at 191, as broadcast bars do). */
export function barColours(level: 75 | 100): string[] {
  const on = Math.round((255 * level) / 100);
  return BAR_COLOURS.map(([r, g, b]) => `#${hex2(r * on)}${hex2(g * on)}${hex2(b * on)}`);
}

/** Grey levels from black to white in `steps` even steps. */
export function rampLevels(steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => Math.round((255 * i) / (steps - 1)));
}

/** Vertical bands left to right (or horizontal ones top to bottom) across a panel of `size`. */
function bands(size: { width: number; height: number }, colours: string[], vertical: boolean, area: Area, emit: EmitFill): void {
  const put = clipTo(area, emit);
  const edges = bandEdges(vertical ? size.width : size.height, colours.length);
  colours.forEach((colour, i) => {
    const from = edges[i] ?? 0;
    const to = edges[i + 1] ?? from;
    if (vertical) put(from, 0, to - from, size.height, colour);
    else put(0, from, size.width, to - from, colour);
  });
}

export function colourBarFills(size: { width: number; height: number }, spec: PatternOf<'colour-bars'>, area: Area, emit: EmitFill): void {
  bands(size, barColours(spec.level), true, area, emit);
}

export function greyRampFills(size: { width: number; height: number }, spec: PatternOf<'grey-ramp'>, area: Area, emit: EmitFill): void {
  bands(size, rampLevels(spec.steps).map(grey), spec.direction === 'horizontal', area, emit);
}
