// Live media objects on this page, for leak checks: tests read window.__tcMedia before and after
// mounting and unmounting panels many times.

export interface MediaDebugCounters {
  players: number;
  videos: number;
  hls: number;
}

declare global {
  interface Window {
    __tcMedia?: MediaDebugCounters;
  }
}

function counters(): MediaDebugCounters {
  window.__tcMedia ??= { players: 0, videos: 0, hls: 0 };
  return window.__tcMedia;
}

export function countMedia(kind: keyof MediaDebugCounters, delta: 1 | -1): void {
  counters()[kind] += delta;
}
