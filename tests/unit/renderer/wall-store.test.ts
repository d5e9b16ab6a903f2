import { describe, expect, it, vi } from 'vitest';
import type { EventPayload, WallBridge } from '../../../common/contract.js';
import { fail, ok, type Result } from '../../../common/result.js';
import type { StatePatch, WallState } from '../../../common/state.js';
import { reducePatch, WallStore } from '../../../renderer/state/wall-store.js';
import { demoState } from '../../support/demo-state.js';

const base: WallState = demoState(5);
const patch = (revision: number, set: StatePatch['set']): StatePatch => ({ revision, set });

/** A bridge whose events the test fires and whose snapshot answers it queues. */
function fakeBridge(answers: Array<Result<WallState>>) {
  const on = { snapshot: new Set<(s: WallState) => void>(), patch: new Set<(p: StatePatch) => void>(), statuses: new Set<(s: EventPayload<'screens:status'>) => void>() };
  const sub = <T,>(set: Set<T>) => (l: T) => (set.add(l), () => void set.delete(l));
  const getSnapshot = vi.fn(async () => answers.shift() ?? fail('timeout', 'no answer'));
  const bridge = {
    getSnapshot,
    getScreenStatuses: vi.fn(async () => ok([])),
    onSnapshot: sub(on.snapshot),
    onPatch: sub(on.patch),
    onScreenStatuses: sub(on.statuses),
  } as unknown as WallBridge;
  return { bridge, getSnapshot, firePatch: (p: StatePatch) => on.patch.forEach((l) => l(p)), fireSnapshot: (s: WallState) => on.snapshot.forEach((l) => l(s)), on };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('reducePatch', () => {
  it('applies the next revision, ignores old ones, and reports a gap', () => {
    expect(reducePatch(base, patch(6, { identify: true }))).toEqual({ kind: 'applied', state: { ...base, revision: 6, identify: true } });
    expect(reducePatch(base, patch(5, { identify: true }))).toEqual({ kind: 'stale' });
    expect(reducePatch(base, patch(3, { identify: true }))).toEqual({ kind: 'stale' });
    expect(reducePatch(base, patch(7, { identify: true }))).toEqual({ kind: 'gap' });
    expect(reducePatch(null, patch(6, { identify: true }))).toEqual({ kind: 'no-state' });
  });
});

describe('WallStore', () => {
  it('loads a snapshot, applies patches in order and tells subscribers', async () => {
    const fake = fakeBridge([ok(base)]);
    const store = new WallStore(fake.bridge, { role: 'screen' });
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getView().state?.revision ?? -1));
    expect(store.getView().status).toBe('loading');
    store.start();
    await flush();
    expect(store.getView()).toMatchObject({ status: 'ready', state: base, error: null });
    fake.firePatch(patch(6, { language: 'en' }));
    fake.firePatch(patch(7, { identify: true }));
    expect(store.getView().state).toEqual({ ...base, revision: 7, language: 'en', identify: true });
    expect(seen).toEqual([5, 6, 7]);
    expect(fake.getSnapshot).toHaveBeenCalledTimes(1);
  });

  it('asks for a snapshot once when a patch skips a revision, and takes it', async () => {
    const fresh = { ...base, revision: 9, identify: true };
    const fake = fakeBridge([ok(base), ok(fresh)]);
    const store = new WallStore(fake.bridge, { role: 'screen' });
    store.start();
    await flush();
    fake.firePatch(patch(8, { identify: true }));
    fake.firePatch(patch(9, { identify: true })); // still a gap, but a snapshot is already on its way
    expect(store.getView().state?.revision).toBe(5);
    await flush();
    expect(fake.getSnapshot).toHaveBeenCalledTimes(2);
    expect(store.getView().state).toEqual(fresh);
    fake.firePatch(patch(10, { language: 'en' }));
    expect(store.getView().state?.revision).toBe(10);
  });

  it('replaces its state with any pushed snapshot, even an older revision after a host restart', async () => {
    const fake = fakeBridge([ok(base)]);
    const store = new WallStore(fake.bridge, { role: 'console' });
    store.start();
    await flush();
    const restarted = { ...base, revision: 1 };
    fake.fireSnapshot(restarted);
    expect(store.getView().state).toEqual(restarted);
    fake.firePatch(patch(2, { identify: true }));
    expect(store.getView().state?.identify).toBe(true);
  });

  it('shows an error for a refusal but keeps waiting through a lost connection', async () => {
    const refused = fakeBridge([fail('unknown-screen', 'unknown screen "Z9"')]);
    const a = new WallStore(refused.bridge, { role: 'screen' });
    a.start();
    await flush();
    expect(a.getView()).toMatchObject({ status: 'error', error: { code: 'unknown-screen' } });

    const dropped = fakeBridge([fail('disconnected', 'lost')]);
    const b = new WallStore(dropped.bridge, { role: 'screen' });
    b.start();
    await flush();
    expect(b.getView()).toMatchObject({ status: 'loading', error: null });
    dropped.fireSnapshot(base); // the bridge fetches one after reconnecting
    expect(b.getView()).toMatchObject({ status: 'ready', state: base });
  });

  it('asks again when its first snapshot goes unanswered on a live link, and when a patch comes before any state', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeBridge([fail('timeout', 'no answer to state:snapshot within 15 s')]);
      const store = new WallStore(fake.bridge, { role: 'screen' });
      const stop = store.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(store.getView()).toMatchObject({ status: 'loading', error: null });
      await vi.advanceTimersByTimeAsync(2000);
      expect(fake.getSnapshot).toHaveBeenCalledTimes(2); // its answer: the queue is empty, so another timeout
      fake.firePatch(patch(6, { identify: true })); // a patch with nothing to apply it to: ask now
      await vi.advanceTimersByTimeAsync(0);
      expect(fake.getSnapshot).toHaveBeenCalledTimes(3);
      stop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(fake.getSnapshot).toHaveBeenCalledTimes(3); // stopped: no more asking
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops listening when stopped', async () => {
    const fake = fakeBridge([ok(base)]);
    const store = new WallStore(fake.bridge, { role: 'screen' });
    const stop = store.start();
    await flush();
    stop();
    expect(fake.on.patch.size + fake.on.snapshot.size + fake.on.statuses.size).toBe(0);
    fake.firePatch(patch(6, { identify: true }));
    expect(store.getView().state?.revision).toBe(5);
  });
});
