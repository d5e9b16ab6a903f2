import { describe, expect, it } from 'vitest';
import { ClockSync, measure, median, quantile, type ClockSample } from '../../../common/clock-sync.js';
import { createRandom, type Random } from '../../../common/prng.js';

// Synthetic exchanges: the reference clock runs `offset` ms ahead of ours; each leg takes a base
// delay (different each way: bounded asymmetry) plus jitter, and now and then a long stall.

interface Link {
  offset: (t: number) => number;
  outBase: number;
  backBase: number;
  jitter: (rnd: Random) => number;
  /** Chance of a stall on the way out; the way back stalls a sixth as often (an uplink queue). */
  stallChance: number;
}

function exchange(rnd: Random, link: Link, t0: number): ClockSample {
  const stall = (p: number) => (rnd.chance(p) ? rnd.range(5, 400) : 0);
  const out = link.outBase + link.jitter(rnd) + stall(link.stallChance);
  const serverTime = rnd.range(0.01, 0.2);
  const back = link.backBase + link.jitter(rnd) + stall(link.stallChance / 6);
  const t1 = t0 + out + link.offset(t0 + out);
  const t2 = t1 + serverTime;
  const t3 = t0 + out + serverTime + back;
  return { t0, t1, t2, t3 };
}

const exponential = (mean: number) => (rnd: Random) => -Math.log(1 - rnd.next()) * mean;

function run(link: Link, count: number, seed: number, sync = new ClockSync()) {
  const rnd = createRandom(seed);
  const samples: ClockSample[] = [];
  let t = 1_700_000_000_000;
  for (let i = 0; i < count; i++) {
    const s = exchange(rnd, link, t);
    samples.push(s);
    sync.add(s);
    t = s.t3 + 2000;
  }
  return { sync, samples, end: t };
}

describe('measure', () => {
  it('gives the exact offset and round trip for symmetric legs', () => {
    // reference = local + 500; 10 ms each way; 2 ms spent at the reference.
    expect(measure({ t0: 1000, t1: 1510, t2: 1512, t3: 1022 })).toEqual({ offset: 500, roundTrip: 20, at: 1022 });
  });

  it('refuses impossible times', () => {
    expect(measure({ t0: 1000, t1: 1510, t2: 1500, t3: 1022 })).toBeNull(); // answered before receiving
    expect(measure({ t0: 1000, t1: 1510, t2: 1512, t3: 990 })).toBeNull(); // arrived before it was sent
    expect(measure({ t0: 1000, t1: 1510, t2: 1540, t3: 1010 })).toBeNull(); // reference took longer than the round trip
    expect(measure({ t0: Number.NaN, t1: 1, t2: 2, t3: 3 })).toBeNull();
  });

  it('computes medians and quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 20, 30, 40], 0.25)).toBe(10);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80], 0.25)).toBe(20);
  });
});

describe('ClockSync', () => {
  const skewed: Link = {
    offset: () => 1234.567,
    outBase: 1.0,
    backBase: 2.6, // 1.6 ms asymmetry: 0.8 ms of error no exchange can see
    jitter: exponential(0.15),
    stallChance: 0.3,
  };

  it('estimates the offset within 1 ms despite jitter, stalls and asymmetric legs', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { sync } = run(skewed, 40, seed);
      expect(Math.abs((sync.offset ?? Number.NaN) - 1234.567)).toBeLessThan(1);
    }
  });

  it('needs the filtering: the plain mean of the same samples is far off', () => {
    const { samples } = run(skewed, 40, 1);
    const offsets = samples.map((s) => measure(s)?.offset ?? 0);
    const mean = offsets.reduce((a, b) => a + b, 0) / offsets.length;
    expect(Math.abs(mean - 1234.567)).toBeGreaterThan(5);
  });

  it('works with a negative offset and converts both ways', () => {
    const { sync } = run({ ...skewed, offset: () => -86_400_000.25 }, 30, 7);
    expect(Math.abs((sync.offset ?? 0) + 86_400_000.25)).toBeLessThan(1);
    const local = 1_700_000_100_000;
    expect(sync.toLocal(sync.toReference(local))).toBeCloseTo(local, 6);
  });

  it('refuses samples with a round trip above the cap and knows nothing before a good one', () => {
    const sync = new ClockSync({ maxRoundTripMs: 100 });
    expect(sync.offset).toBeNull();
    expect(sync.toReference(5)).toBe(5);
    expect(sync.add({ t0: 0, t1: 1000, t2: 1000, t3: 300 })).toBe(false);
    expect(sync.offset).toBeNull();
    expect(sync.add({ t0: 0, t1: 1010, t2: 1010, t3: 20 })).toBe(true);
    expect(sync.offset).toBe(1000);
  });

  it('follows a drifting reference clock (20 ppm) within 1 ms because old samples age out', () => {
    const start = 1_700_000_000_000;
    // 1 ms asymmetry (0.5 ms unseen error) leaves room for the lag behind the drift.
    const drifting: Link = { ...skewed, backBase: 2.0, offset: (t) => 50 + (t - start) * 20e-6 };
    // 300 exchanges about 2 s apart: 10 minutes, 12 ms of drift in all.
    const { sync, end } = run(drifting, 300, 11, new ClockSync({ maxAgeMs: 30_000 }));
    expect(Math.abs((sync.offset ?? 0) - drifting.offset(end))).toBeLessThan(1);
    const { sync: stale } = run(drifting, 300, 11, new ClockSync({ window: 300, maxAgeMs: 3_600_000 }));
    expect(Math.abs((stale.offset ?? 0) - drifting.offset(end))).toBeGreaterThan(1);
  });

  it('ignores a lone wild sample but follows a stepped reference clock after three', () => {
    const sync = new ClockSync();
    let t = 0;
    const add = (offset: number) => {
      sync.add({ t0: t, t1: t + 1 + offset, t2: t + 1.1 + offset, t3: t + 2.1 });
      t += 1000;
    };
    for (let i = 0; i < 10; i++) add(100);
    add(5000);
    expect(sync.offset).toBeCloseTo(100, 6);
    add(100);
    add(5000);
    add(5000);
    expect(sync.offset).toBeCloseTo(100, 6);
    add(5000);
    expect(sync.offset).toBeCloseTo(5000, 6);
  });
});
