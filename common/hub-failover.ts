// Which hub a wall node follows when it knows several (docs/protocol.md §6.1), decided apart from the
// socket: the link reports what happened, this says which URL to try next and how long to wait first.
// The node stays on the hub it reached while that hub serves (no return to the first one on its own,
// so hubs coming and going do not make a room of PCs flap); a hub that was just lost goes to the back.

export interface FailoverPolicy {
  /** First wait after a loss or a failed attempt (ms); randomized ±50 %. */
  retryDelayMs: number;
  /** Longest wait between two rounds over every URL (ms). */
  retryDelayMaxMs: number;
  /** Wait after a round in which a hub refused this node (bad token, screens taken), doubling up to 60 s, ±25 %. */
  refusedRetryMs: number;
}

export interface FailoverState {
  readonly urls: readonly string[];
  /** The hub followed, or being tried. */
  readonly at: number;
  /** URLs tried without success since the last connection, in this round. */
  readonly failed: number;
  /** Whether a hub of this round refused the node. */
  readonly refused: boolean;
  /** Rounds over every URL that failed in a row (the backoff's exponent). */
  readonly rounds: number;
  /** Rounds with a refusal in a row. */
  readonly refusals: number;
}

export type FailoverEvent =
  /** The hub at `at` accepted the connection. */
  | { kind: 'connected' }
  /** The hub followed went away (closed, or silent too long). */
  | { kind: 'lost' }
  /** The attempt on `at` did not connect; `refused` when the hub answered with a refusal. */
  | { kind: 'failed'; refused: boolean }
  /** Leave the followed hub for `to` (it cannot serve, `to` can: see {@link healthMove}). */
  | { kind: 'move'; to: number };

export interface FailoverStep {
  state: FailoverState;
  /** Where to connect next and after how long; null: stay as is. */
  connect: { url: string; afterMs: number } | null;
}

export function initialFailover(urls: readonly string[]): FailoverState {
  if (urls.length === 0) throw new Error('a wall node needs at least one hub URL');
  return { urls, at: 0, failed: 0, refused: false, rounds: 0, refusals: 0 };
}

/** `random` in [0, 1) spreads the waits so a room of PCs does not reconnect in lockstep. */
export function failoverStep(state: FailoverState, event: FailoverEvent, policy: FailoverPolicy, random: number): FailoverStep {
  const n = state.urls.length;
  const url = (i: number) => state.urls[i] ?? state.urls[0]!;
  const jittered = (ms: number) => Math.round(ms * (0.5 + random));
  switch (event.kind) {
    case 'connected':
      return { state: { ...state, failed: 0, refused: false, rounds: 0, refusals: 0 }, connect: null };
    case 'move': {
      if (event.to < 0 || event.to >= n || event.to === state.at) return { state, connect: null };
      return { state: { ...state, at: event.to, failed: 0, refused: false }, connect: { url: url(event.to), afterMs: 0 } };
    }
    case 'lost': {
      // The lost hub is tried last: with two hubs the node goes straight to the other one.
      const at = (state.at + 1) % n;
      return { state: { ...state, at, failed: 0, refused: false }, connect: { url: url(at), afterMs: jittered(policy.retryDelayMs) } };
    }
    case 'failed': {
      const failed = state.failed + 1;
      const refused = state.refused || event.refused;
      if (failed < n) {
        const at = (state.at + 1) % n;
        return { state: { ...state, at, failed, refused }, connect: { url: url(at), afterMs: jittered(policy.retryDelayMs) } };
      }
      // Every URL failed: wait, then a new round from the first (the preferred) one.
      const next = { ...state, at: 0, failed: 0, refused: false };
      if (refused) {
        const wait = Math.min(policy.refusedRetryMs * 2 ** Math.min(state.refusals, 3), 60_000) * (0.75 + random * 0.5);
        return { state: { ...next, refusals: state.refusals + 1, rounds: state.rounds + 1 }, connect: { url: url(0), afterMs: Math.round(wait) } };
      }
      const wait = Math.min(policy.retryDelayMs * 2 ** Math.min(state.rounds + 1, 16), policy.retryDelayMaxMs);
      return { state: { ...next, rounds: state.rounds + 1 }, connect: { url: url(0), afterMs: jittered(wait) } };
    }
  }
}

/** What a hub's GET /api/health said: only an explicit "cannot serve" (503, role degraded) counts against it. */
export type HubVerdict = 'serves' | 'cannot-serve' | 'unreachable';

/** Probes of the followed hub in a row that must say "cannot serve" before the node leaves it. */
export const UNFIT_PROBES = 2;

/**
 * Whether to leave the followed hub: only after it said it cannot serve {@link UNFIT_PROBES} times in a
 * row, and only for a hub that says it serves (the first in list order). When every hub is degraded (their
 * shared database restarting) the node stays where it is.
 */
export function healthMove(state: FailoverState, unfitInARow: number, others: ReadonlyMap<number, HubVerdict>): number | null {
  if (unfitInARow < UNFIT_PROBES) return null;
  for (let i = 0; i < state.urls.length; i++) {
    if (i !== state.at && others.get(i) === 'serves') return i;
  }
  return null;
}

/** The verdict from an answer to GET /api/health: the status and the parsed body's role, if any. */
export function verdictOf(status: number | null, role: string | undefined): HubVerdict {
  if (status === null) return 'unreachable';
  if (status === 503 || role === 'degraded') return 'cannot-serve';
  // A hub without /api/health (another implementation) is not held against it: the socket tells.
  return status >= 500 ? 'unreachable' : 'serves';
}
