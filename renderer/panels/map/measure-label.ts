import { MAP_FONT } from './map-labels.js';

// Label widths measured in the map's font, for placing labels (map-labels.ts). Kept by size and text:
// labels repeat on every data update. Bounded; cleared when full.
const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null | undefined;

/** The drawn width of `text` at `size` px in the map's font (an estimate if the page has no 2D canvas). */
export function labelWidth(text: string, size: number): number {
  const key = `${size}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  let width: number;
  if (measurer) {
    measurer.font = `600 ${size}px ${MAP_FONT}`;
    width = measurer.measureText(text).width;
  } else width = text.length * size * 0.6;
  if (widths.size > 5000) widths.clear();
  widths.set(key, width);
  return width;
}
