import { describe, expect, it } from 'vitest';
import { failoverStep, healthMove, initialFailover, verdictOf, type FailoverEvent, type FailoverState, type HubVerdict } from '../../../common/hub-failover.js';

// The node's choice of hub among several (docs/protocol.md §6.1), apart from any socket.

const policy = { retryDelayMs: 500, retryDelayMaxMs: 5000, refusedRetryMs: 10_000 };
const A = 'https://hub-a:4290';
const B = 'https://hub-b:4290';
const C = 'https://hub-c:4290';

/** Runs events from `state`, returning each step's connect target (random 0.5: the waits unjittered). */
function run(state: FailoverState, events: FailoverEvent[]) {
  const steps: Array<{ url: string; afterMs: number } | null> = [];
  for (const e of events) {
    const step = failoverStep(state, e, policy, 0.5);
    state = step.state;
    steps.push(step.connect);
  }
  return { state, steps };
}

describe('failoverStep', () => {
  it('starts on the first URL and tries the others in order when it cannot connect', () => {
    const { steps } = run(initialFailover([A, B, C]), [{ kind: 'failed', refused: false }, { kind: 'failed', refused: false }]);
    expect(steps).toEqual([{ url: B, afterMs: 500 }, { url: C, afterMs: 500 }]);
  });

  it('goes straight to the next hub when the followed one is lost, trying the lost one last', () => {
    const { steps } = run(initialFailover([A, B]), [{ kind: 'connected' }, { kind: 'lost' }, { kind: 'failed', refused: false }]);
    expect(steps[1]).toEqual({ url: B, afterMs: 500 });
    expect(steps[2]).toEqual({ url: A, afterMs: 500 });
  });

  it('stays on the hub it reached: a later loss of it leads to the next one in the list, not back to the first', () => {
    const { state, steps } = run(initialFailover([A, B, C]), [{ kind: 'failed', refused: false }, { kind: 'connected' }, { kind: 'lost' }]);
    expect(state.at).toBe(2);
    expect(steps.at(-1)?.url).toBe(C);
  });

  it('after a round where every hub failed, waits with a growing backoff (capped) and starts again from the first', () => {
    let state = initialFailover([A, B]);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const step = failoverStep(state, { kind: 'failed', refused: false }, policy, 0.5);
      state = step.state;
      if (step.connect?.url === A) waits.push(step.connect.afterMs);
    }
    expect(waits).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
    // Connected again: the backoff starts over.
    state = failoverStep(state, { kind: 'connected' }, policy, 0.5).state;
    expect(state.rounds).toBe(0);
  });

  it('with one URL behaves as one hub always did: retries it, backing off', () => {
    const { steps } = run(initialFailover([A]), [{ kind: 'connected' }, { kind: 'lost' }, { kind: 'failed', refused: false }, { kind: 'failed', refused: false }]);
    expect(steps.slice(1)).toEqual([{ url: A, afterMs: 500 }, { url: A, afterMs: 1000 }, { url: A, afterMs: 2000 }]);
  });

  it('retries at the refusal pace (10 s doubling to 60 s) after a round in which a hub refused the node', () => {
    const { steps } = run(initialFailover([A, B]), [{ kind: 'failed', refused: true }, { kind: 'failed', refused: false }, { kind: 'failed', refused: true }, { kind: 'failed', refused: true }]);
    expect(steps[1]).toEqual({ url: A, afterMs: 10_000 });
    expect(steps[3]).toEqual({ url: A, afterMs: 20_000 });
  });

  it('spreads the waits with the random input', () => {
    const s = initialFailover([A, B]);
    expect(failoverStep(s, { kind: 'lost' }, policy, 0).connect?.afterMs).toBe(250);
    expect(failoverStep(s, { kind: 'lost' }, policy, 0.999).connect?.afterMs).toBe(750);
  });

  it('moves at once to the hub it is told to, and ignores a move to itself or nowhere', () => {
    const s = initialFailover([A, B]);
    expect(failoverStep(s, { kind: 'move', to: 1 }, policy, 0.5).connect).toEqual({ url: B, afterMs: 0 });
    expect(failoverStep(s, { kind: 'move', to: 0 }, policy, 0.5).connect).toBeNull();
    expect(failoverStep(s, { kind: 'move', to: 5 }, policy, 0.5).connect).toBeNull();
  });

  it('refuses an empty list', () => {
    expect(() => initialFailover([])).toThrow(/at least one hub URL/);
  });
});

describe('healthMove', () => {
  const on = (at: number): FailoverState => ({ ...initialFailover([A, B, C]), at });
  const verdicts = (entries: Array<[number, HubVerdict]>) => new Map(entries);

  it('leaves a hub that cannot serve for the first one that can, only after two probes in a row', () => {
    expect(healthMove(on(0), 1, verdicts([[1, 'serves'], [2, 'serves']]))).toBeNull();
    expect(healthMove(on(0), 2, verdicts([[1, 'cannot-serve'], [2, 'serves']]))).toBe(2);
    expect(healthMove(on(2), 3, verdicts([[0, 'serves'], [1, 'serves']]))).toBe(0);
  });

  it('stays when no other hub serves (their shared database restarting), so the nodes do not flap', () => {
    expect(healthMove(on(0), 5, verdicts([[1, 'cannot-serve'], [2, 'unreachable']]))).toBeNull();
  });
});

describe('verdictOf', () => {
  it('holds only an explicit "cannot serve" against a hub', () => {
    expect(verdictOf(200, 'active')).toBe('serves');
    expect(verdictOf(503, 'degraded')).toBe('cannot-serve');
    expect(verdictOf(200, 'degraded')).toBe('cannot-serve');
    expect(verdictOf(404, undefined)).toBe('serves');
    expect(verdictOf(500, undefined)).toBe('unreachable');
    expect(verdictOf(null, undefined)).toBe('unreachable');
  });
});
