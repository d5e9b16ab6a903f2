import { describe, expect, it } from 'vitest';
import { CAMERA_STALL, pageTimeStep, stallVerdict, streamProgressed, type StallInput } from '../../../common/media/stall-verdict.js';

const T = 1_000_000;
const base: StallInput = { state: 'playing', now: T, lastFrameAt: T, loadStartedAt: T - 60_000, lastFragmentAt: T - 1000 };

describe('stallVerdict', () => {
  it('calls a picture frozen after 4 s without a new frame and without a new fragment, not before', () => {
    const silent = { ...base, lastFragmentAt: T - 4001 };
    expect(stallVerdict({ ...silent, lastFrameAt: T - 4000 })).toBeNull();
    expect(stallVerdict({ ...silent, lastFrameAt: T - 4001 })).toBe('frozen');
  });

  it('does not say the signal is lost while fragments still arrive: this machine is decoding late', () => {
    expect(stallVerdict({ ...base, lastFrameAt: T - 6000, lastFragmentAt: T - 1000 })).toBeNull();
    expect(stallVerdict({ ...base, lastFrameAt: T - 6000, lastFragmentAt: T - 4000 })).toBeNull();
    expect(stallVerdict({ ...base, lastFrameAt: T - 6000, lastFragmentAt: T - 4001 })).toBe('frozen');
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

describe('pageTimeStep', () => {
  it('counts a tick on time, or a little late, in full', () => {
    expect(pageTimeStep({ elapsedMs: 250, expectedMs: 250 })).toBe(250);
    expect(pageTimeStep({ elapsedMs: 1250, expectedMs: 250 })).toBe(1250);
  });

  it('counts a late timer only as long as it was asked to wait', () => {
    expect(pageTimeStep({ elapsedMs: 1251, expectedMs: 250 })).toBe(250);
    expect(pageTimeStep({ elapsedMs: 6000, expectedMs: 250 })).toBe(250);
  });

  it('never goes backwards', () => {
    expect(pageTimeStep({ elapsedMs: -50, expectedMs: 250 })).toBe(0);
    expect(pageTimeStep({ elapsedMs: Number.NaN, expectedMs: 250 })).toBe(0);
  });
});

describe('a stall judged on page time', () => {
  /** Runs ticks (elapsed ms each) with or without progress; returns the first verdict and when it came. */
  function run(ticks: Array<{ elapsedMs: number; progressed: boolean }>) {
    let page = 0;
    let lastFrameAt: number | null = 0;
    const verdicts: string[] = [];
    for (const t of ticks) {
      page += pageTimeStep({ elapsedMs: t.elapsedMs, expectedMs: 250 });
      if (t.progressed) lastFrameAt = page;
      // Nothing arrives either: only the page's view of time decides.
      const v = stallVerdict({ state: 'playing', now: page, lastFrameAt, loadStartedAt: -60_000, lastFragmentAt: 0 });
      if (v) verdicts.push(v);
    }
    return verdicts;
  }
  const onTime = (n: number, progressed: boolean) => Array.from({ length: n }, () => ({ elapsedMs: 250, progressed }));

  it('a moving stream on a page whose timer fired 5.5 s late is not frozen', () => {
    expect(run([...onTime(8, true), { elapsedMs: 5500, progressed: true }, ...onTime(8, true)])).toEqual([]);
    // Even if the late tick itself saw no new frame (the decoder was starved too), it counts 250 ms.
    expect(run([...onTime(8, true), { elapsedMs: 5500, progressed: false }, ...onTime(4, true)])).toEqual([]);
  });

  it('a busy page (every tick 600 ms late) still sees a real freeze', () => {
    const late = (n: number, progressed: boolean) => Array.from({ length: n }, () => ({ elapsedMs: 850, progressed }));
    expect(run([...late(4, true), ...late(4, false)])).toEqual([]);
    expect(run([...late(4, true), ...late(5, false)])).toEqual(['frozen']);
  });

  it('repeated late timers still add up to a freeze when nothing moves for long', () => {
    const stuck = Array.from({ length: 17 }, () => ({ elapsedMs: 5000, progressed: false }));
    expect(run(stuck)).toEqual(['frozen']);
  });
});

describe('streamProgressed', () => {
  const at = (decodedFrames: number | null, currentTime: number, seeking = false) => ({ decodedFrames, currentTime, seeking });

  it('goes by decoded frames, dropped ones included, where the browser counts them', () => {
    expect(streamProgressed(at(100, 4), at(101, 4))).toBe(true);
    expect(streamProgressed(at(100, 4), at(100, 4.04))).toBe(false); // hls.js nudging over a hole is not a picture
  });

  it('takes a reset count for a new source, with frames, as progress, and an empty one as not', () => {
    expect(streamProgressed(at(5000, 40), at(3, 30))).toBe(true);
    expect(streamProgressed(at(5000, 40), at(0, 0))).toBe(false);
  });

  it('falls back on currentTime moving forward, outside seeks', () => {
    expect(streamProgressed(at(null, 4), at(null, 4.2))).toBe(true);
    expect(streamProgressed(at(null, 4), at(null, 4))).toBe(false);
    expect(streamProgressed(at(null, 4), at(null, 30, true))).toBe(false);
    expect(streamProgressed(at(null, 30, true), at(null, 30.1))).toBe(false);
  });
});
