// Frame rate and missed frames from the times of consecutive animation frames (renderer/screen/frame-meter.ts).

export interface FrameCount {
  fps: number;
  droppedFrames: number;
}

/** From the times of consecutive animation frames: the rate, and the refresh periods skipped between them. */
export function countFrames(times: readonly number[], refreshMs = 1000 / 60): FrameCount {
  if (times.length < 2) return { fps: 0, droppedFrames: 0 };
  let dropped = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] ?? 0) - (times[i - 1] ?? 0);
    if (gap > 1.5 * refreshMs) dropped += Math.round(gap / refreshMs) - 1;
  }
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  return { fps: span > 0 ? Math.round(((times.length - 1) / span) * 10_000) / 10 : 0, droppedFrames: dropped };
}
