import type { PatternOf } from '../panels/pattern.js';
import { clipTo, type Area, type EmitFill } from './fills.js';

// A bar sweeping across the panel at a steady speed, its place a function of the time alone, so every
// screen of the wall (on one clock) draws it at the same place in the same frame.

/** Where the bar starts along its axis (panel px) at `timeMs`: from −width (just off) to length. */
export function movingBarStart(length: number, spec: Pick<PatternOf<'moving-bar'>, 'width' | 'speed'>, timeMs: number): number {
  const period = length + spec.width;
  const travelled = Math.floor((timeMs * spec.speed) / 1000);
  return (((travelled % period) + period) % period) - spec.width;
}

export function movingBarFills(size: { width: number; height: number }, spec: PatternOf<'moving-bar'>, timeMs: number, area: Area, emit: EmitFill): void {
  const put = clipTo(area, emit);
  put(0, 0, size.width, size.height, spec.background);
  if (spec.direction === 'horizontal') put(movingBarStart(size.width, spec, timeMs), 0, spec.width, size.height, spec.color);
  else put(0, movingBarStart(size.height, spec, timeMs), size.width, spec.width, spec.color);
}
