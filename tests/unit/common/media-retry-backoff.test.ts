import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../common/media/retry-backoff.js';

describe('retryDelayMs', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => retryDelayMs(a, 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads each delay ±20 % so tiles do not retry in lockstep', () => {
    expect(retryDelayMs(2, 0)).toBe(3200);
    expect(retryDelayMs(2, 0.999999)).toBe(4800);
    expect(retryDelayMs(20, 0.999999)).toBe(30000);
  });

  it('is never a tight loop, whatever it is given', () => {
    for (const attempt of [-5, 0, Number.NaN, 0.3]) {
      for (const random of [-1, 0, 2, Number.NaN]) expect(retryDelayMs(attempt, random)).toBeGreaterThanOrEqual(800);
    }
    expect(retryDelayMs(1e9, 0.5)).toBe(30000);
  });
});
