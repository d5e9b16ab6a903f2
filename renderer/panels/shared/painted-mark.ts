import { useEffect } from 'react';

// A performance mark once a value is on screen, so a test or a benchmark can measure from the feed to
// the screen inside the page: the frame after the commit is drawn, and a task queued from that frame's
// animation callback runs once the frame has been painted.
// The detail travels as its JSON text, so the mark is made again exactly when what it says changes.
export function usePaintedMark(name: string, detail: Record<string, string | number | null> | null): void {
  const text = detail ? JSON.stringify(detail) : null;
  useEffect(() => {
    if (text === null) return;
    const shown: unknown = JSON.parse(text);
    let live = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (!live) return;
      performance.clearMarks(name); // only the latest: a wall runs for months
      performance.mark(name, { detail: shown });
    };
    const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      channel.port1.close();
    };
  }, [name, text]);
}
