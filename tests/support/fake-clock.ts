/** A clock the test moves by hand, for policies that take `now`. */
export function fakeClock(start = 0): { now: () => number; advance: (ms: number) => number } {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}
