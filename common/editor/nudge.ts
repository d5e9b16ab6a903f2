import type { Rect } from '../wall/schema.js';

// Keyboard nudging: arrow keys move the selected panel 1 canvas px, 10 with Shift, and the panel
// stays on the canvas (a panel larger than the canvas keeps its top-left corner at 0).

export type Arrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';
export const isArrow = (key: string): key is Arrow => key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';

export function nudge(rect: Rect, key: Arrow, shift: boolean, canvas: { width: number; height: number }): Rect {
  const step = shift ? 10 : 1;
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  return clampToCanvas({ ...rect, x: rect.x + dx, y: rect.y + dy }, canvas);
}

export function clampToCanvas(rect: Rect, canvas: { width: number; height: number }): Rect {
  const x = Math.max(0, Math.min(rect.x, canvas.width - rect.width));
  const y = Math.max(0, Math.min(rect.y, canvas.height - rect.height));
  return { ...rect, x, y };
}
