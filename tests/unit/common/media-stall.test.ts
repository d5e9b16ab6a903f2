import { describe, expect, it } from 'vitest';
import { CAMERA_STALL, stallVerdict, type StallInput } from '../../../common/media/stall-verdict.js';

const T = 1_000_000;
const base: StallInput = { state: 'playing', now: T, lastFrameAt: T, loadStartedAt: T - 60_000, lastFragmentAt: T - 1000 };

describe('stallVerdict', () => {
  it('calls a picture frozen after 4 s without a new frame, not before', () => {
    expect(stallVerdict({ ...base, lastFrameAt: T - 4000 })).toBeNull();
    expect(stallVerdict({ ...base, lastFrameAt: T - 4001 })).toBe('frozen');
  });

  it('rebuilds a frozen player only once nothing has arrived for a while either', () => {
    const frozen = { ...base, state: 'signal-lost' as const, lastFrameAt: T - 13_000 };
    expect(stallVerdict({ ...frozen, lastFragmentAt: T - 9000 })).toBe('restart');
    // Fragments still arriving: the machine is slow, not the source; a rebuild would only add load.
    expect(stallVerdict({ ...frozen, lastFragmentAt: T - 500 })).toBeNull();
    expect(stallVerdict({ ...frozen, lastFrameAt: T - 11_000, lastFragmentAt: 0 })).toBeNull();
  });

  it('gives a new player instance time for its first frame, then gives up on it', () => {
    // The last frame came from the previous instance: it says nothing about this one.
    const retrying = { ...base, state: 'signal-lost' as const, lastFrameAt: T - 30_000, loadStartedAt: T - 10_000, lastFragmentAt: 0 };
    expect(stallVerdict(retrying)).toBeNull();
    expect(stallVerdict({ ...retrying, loadStartedAt: T - CAMERA_STALL.firstFrameTimeoutMs - 1 })).toBe('no-first-frame');
    expect(stallVerdict({ ...base, state: 'loading', lastFrameAt: null, loadStartedAt: T - 16_000, lastFragmentAt: 0 })).toBe('no-first-frame');
    expect(stallVerdict({ ...base, state: 'loading', lastFrameAt: null, loadStartedAt: T - 5000 })).toBeNull();
    // Still receiving fragments after 16 s: a starved decoder, not a dead source.
    expect(stallVerdict({ ...base, state: 'loading', lastFrameAt: null, loadStartedAt: T - 16_000, lastFragmentAt: T - 2000 })).toBeNull();
  });
});
