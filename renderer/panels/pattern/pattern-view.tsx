import { useLayoutEffect, useMemo, useRef } from 'react';
import { checkerboardPixels } from '../../../common/patterns/checkerboard.js';
import { isAnimated, patternFills, type PatternContext } from '../../../common/patterns/draw.js';
import { useWallCanvas } from '../../state/use-wall-canvas.js';
import { useStableJson } from '../../ui/use-stable-json.js';
import type { PanelViewProps } from '../types.js';

// A canvas the size of the VISIBLE part only (a wall-sized canvas would not fit in memory on a big
// wall), placed where that part sits inside the panel; drawn with fillRect at integer positions (the
// checkerboard with putImageData). A moving bar redraws every frame until the panel goes.
export function PatternView({ props: given, local, visible, viewportOrigin }: PanelViewProps<'pattern'>) {
  const ref = useRef<HTMLCanvasElement>(null);
  const canvas = useWallCanvas();
  const props = useStableJson(given);
  const area = useStableJson({ x: visible.x - local.x, y: visible.y - local.y, width: visible.width, height: visible.height });
  const screens = useMemo(() => (props.kind === 'seam-patches' ? (canvas?.viewports.map((v) => v.rect) ?? []) : []), [props.kind, canvas]);
  const origin = useStableJson({ x: viewportOrigin.x + local.x, y: viewportOrigin.y + local.y });
  const { width, height } = local;

  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    if (props.kind === 'checkerboard') {
      ctx.putImageData(new ImageData(checkerboardPixels(area, props), area.width, area.height), 0, 0);
      return;
    }
    const pattern = props;
    const draw = (timeMs: number) => {
      const context: PatternContext = { size: { width, height }, origin, screens, timeMs };
      patternFills(pattern, context, area, (x, y, w, h, colour) => {
        ctx.fillStyle = colour;
        ctx.fillRect(x, y, w, h);
      });
    };
    draw(Date.now());
    if (!isAnimated(pattern)) return;
    let frame = requestAnimationFrame(function tick() {
      draw(Date.now());
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [props, area, width, height, origin, screens]);

  return (
    <canvas
      ref={ref}
      className="panel-pattern"
      width={area.width}
      height={area.height}
      data-kind={props.kind}
      data-area={`${area.x},${area.y},${area.width},${area.height}`}
      style={{ left: area.x, top: area.y, width: area.width, height: area.height }}
    />
  );
}
