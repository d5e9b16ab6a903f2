// Reconnect delays: exponential with jitter, so a wall of screens that lost the host together does
// not hammer it in step when it comes back, and never in a tight loop.
export const BACKOFF = { baseMs: 500, maxMs: 30_000 } as const;

/** Delay before reconnect attempt `attempt` (0 = first); `random` in [0, 1). */
export function reconnectDelay(attempt: number, random: number, limits: { baseMs: number; maxMs: number } = BACKOFF): number {
  const ceiling = Math.min(limits.maxMs, limits.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
