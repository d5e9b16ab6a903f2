import { useLayoutEffect, useRef } from 'react';
import type { PanelViewProps } from '../types.js';
import { crosshatchRects } from './crosshatch.js';

// A canvas the size of the VISIBLE part only (a wall-sized canvas would not fit in memory on a big
// wall), placed where that part sits inside the panel; drawn with fillRect at integer positions.
export function PatternView({ props, local, visible }: PanelViewProps<'pattern'>) {
  const ref = useRef<HTMLCanvasElement>(null);
  const area = { x: visible.x - local.x, y: visible.y - local.y, width: visible.width, height: visible.height };
  const { spacing, lineWidth, diagonals, lineColor, background } = props;

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, area.width, area.height);
    ctx.fillStyle = lineColor;
    crosshatchRects(area, { spacing, lineWidth, diagonals }, (x, y, w, h) => ctx.fillRect(x, y, w, h));
  }, [area.x, area.y, area.width, area.height, spacing, lineWidth, diagonals, lineColor, background]);

  return (
    <canvas
      ref={ref}
      className="panel-pattern"
      width={area.width}
      height={area.height}
      data-area={`${area.x},${area.y},${area.width},${area.height}`}
      style={{ left: area.x, top: area.y, width: area.width, height: area.height }}
    />
  );
}
