import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

// A trend line without axes (uPlot). The chart lives as long as the component: created on mount,
// resized with its box, fed new data in place, destroyed on unmount.

export function Sparkline({ xs, ys, color }: { xs: readonly number[]; ys: readonly number[]; color: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(1, el.clientWidth),
      height: Math.max(1, el.clientHeight),
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      axes: [{ show: false }, { show: false }],
      scales: { x: { time: false } },
      series: [{}, { stroke: color, width: 3, fill: `${color}33`, points: { show: false } }],
    };
    const plot = new uPlot(opts, [[], []], el);
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(1, el.clientWidth), height: Math.max(1, el.clientHeight) }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [color]);

  useEffect(() => {
    chart.current?.setData([xs as number[], ys as number[]]);
  }, [xs, ys, color]);

  return <div className="sparkline" ref={box} data-points={xs.length} />;
}
