// The clock players of one stream steer by. Every screen must agree on it, so the screen page plugs in
// its hub-synced clock here; until then it is this machine's clock (fine for screens on one PC, or NTP).

let clock: () => number = () => Date.now();

export function setMediaClock(next: () => number): void {
  clock = next;
}

export function mediaNow(): number {
  return clock();
}
