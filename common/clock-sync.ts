// NTP-style estimation of the offset between this clock and a reference (the hub's). One exchange
// gives t0 (we send), t1 (they receive), t2 (they answer), t3 (we receive). Its offset is exact
// when both legs take equally long; the error is at most half the round trip, so short round
// trips are trusted and long ones (a queue, a GC pause, a retransmit) are discarded.

export interface ClockSample {
  t0: number;
  t1: number;
  t2: number;
  t3: number;
}

export interface Measurement {
  /** Add to a local time to get the reference time. */
  offset: number;
  roundTrip: number;
  /** Local time the answer arrived (t3). */
  at: number;
}

export interface ClockSyncOptions {
  /** Samples kept (newest win). */
  window?: number;
  /** Samples older than this (local ms) are dropped, so a drifting clock is followed. */
  maxAgeMs?: number;
  /** A sample whose round trip exceeds this is never used. */
  maxRoundTripMs?: number;
  /** Samples slower than the window's 25th-percentile round trip × this factor are ignored. */
  factor?: number;
  /** Consecutive good samples this far from the estimate mean the reference clock was stepped. */
  stepMs?: number;
}

/** One exchange's offset and round trip, or null when the times are impossible. */
export function measure(s: ClockSample): Measurement | null {
  const values = [s.t0, s.t1, s.t2, s.t3];
  if (!values.every(Number.isFinite)) return null;
  const serverTime = s.t2 - s.t1;
  const roundTrip = s.t3 - s.t0 - serverTime;
  if (serverTime < 0 || s.t3 < s.t0 || roundTrip < 0) return null;
  return { offset: (s.t1 - s.t0 + (s.t2 - s.t3)) / 2, roundTrip, at: s.t3 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Value at quantile q (0..1) by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export class ClockSync {
  private samples: Measurement[] = [];
  private estimate: Measurement | null = null;
  /** Consecutive samples far from the estimate: three in a row replace the window. */
  private outliers: Measurement[] = [];
  private readonly window: number;
  private readonly maxAgeMs: number;
  private readonly maxRoundTripMs: number;
  private readonly factor: number;
  private readonly stepMs: number;

  constructor(options: ClockSyncOptions = {}) {
    this.window = options.window ?? 16;
    this.maxAgeMs = options.maxAgeMs ?? 120_000;
    this.maxRoundTripMs = options.maxRoundTripMs ?? 1000;
    this.factor = options.factor ?? 2;
    this.stepMs = options.stepMs ?? 500;
  }

  /** Add one exchange; false when it was refused (impossible times or too slow). */
  add(sample: ClockSample): boolean {
    const m = measure(sample);
    if (!m || m.roundTrip > this.maxRoundTripMs) return false;
    if (this.estimate && Math.abs(m.offset - this.estimate.offset) > this.stepMs + m.roundTrip) {
      // A few disagreeing samples in a row are a stepped clock, not noise: start again from them.
      this.outliers.push(m);
      if (this.outliers.length < 3) return true;
      this.samples = this.outliers.slice(0, -1);
    }
    this.outliers = [];
    this.samples = [...this.samples.filter((s) => m.at - s.at <= this.maxAgeMs), m].slice(-this.window);
    this.estimate = this.filtered();
    return true;
  }

  /** Median offset of the fastest samples; their round trip is the median of theirs. */
  private filtered(): Measurement | null {
    if (this.samples.length === 0) return null;
    const limit = quantile(this.samples.map((s) => s.roundTrip), 0.25) * this.factor;
    const best = this.samples.filter((s) => s.roundTrip <= limit);
    const chosen = best.length ? best : this.samples;
    return {
      offset: median(chosen.map((s) => s.offset)),
      roundTrip: median(chosen.map((s) => s.roundTrip)),
      at: this.samples.at(-1)?.at ?? 0,
    };
  }

  /** Current offset (reference − local), or null before the first good sample. */
  get offset(): number | null {
    return this.estimate?.offset ?? null;
  }

  get roundTrip(): number | null {
    return this.estimate?.roundTrip ?? null;
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  /** Reference time for a local time (unchanged while nothing is known). */
  toReference(local: number): number {
    return local + (this.estimate?.offset ?? 0);
  }

  toLocal(reference: number): number {
    return reference - (this.estimate?.offset ?? 0);
  }

  reset(): void {
    this.samples = [];
    this.estimate = null;
    this.outliers = [];
  }
}
