// What a long-lived object may leave open after close(): listening ports and TCP connections, counted by
// kind from Node's own list. (Unref'd timers are not in that list: tests count those with fake timers.)

export interface OpenHandles {
  TCPServerWrap: number;
  TCPSocketWrap: number;
}

export function openHandles(): OpenHandles {
  const kinds = process.getActiveResourcesInfo();
  const count = (kind: string) => kinds.filter((k) => k === kind).length;
  return { TCPServerWrap: count('TCPServerWrap'), TCPSocketWrap: count('TCPSocketWrap') };
}

/** Lets closed sockets release their handles (a close callback runs a few I/O turns after the close). */
export async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Polls `check` on I/O turns, not timers, so it works while a test fakes them; the error names what was awaited. */
export async function untilOnTurns(what: string, check: () => boolean, ms = 8000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
