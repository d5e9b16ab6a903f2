import { useEffect } from 'react';

// A performance mark once a value is on screen, so a test or a benchmark can measure from the feed to
// the screen inside the page: the frame after the commit is drawn, and a task queued from that frame's
// animation callback runs once the frame has been painted.
export function usePaintedMark(name: string, detail: Record<string, unknown> | null, deps: readonly unknown[]): void {
  useEffect(() => {
    if (!detail) return;
    let live = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (!live) return;
      performance.clearMarks(name); // only the latest: a wall runs for months
      performance.mark(name, { detail });
    };
    const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      channel.port1.close();
    };
  }, deps);
}
