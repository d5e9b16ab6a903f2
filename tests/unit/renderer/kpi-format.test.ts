import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS, ThresholdsSchema, thresholdLevel } from '../../../common/panels/thresholds.js';
import { decimalsOf, formatAge, formatNumber, formatTime, isStale, targetShare } from '../../../renderer/panels/kpi/format-kpi.js';

describe('indicator numbers', () => {
  it('use Vietnamese separators in Vietnamese and US ones in English', () => {
    expect(formatNumber(12850, 'vi')).toBe('12.850');
    expect(formatNumber(7.62, 'vi')).toBe('7,62');
    expect(formatNumber(1234567.5, 'vi', 1)).toBe('1.234.567,5');
    expect(formatNumber(12850, 'en')).toBe('12,850');
    expect(formatNumber(7.62, 'en')).toBe('7.62');
    expect(formatNumber(-3.5, 'vi')).toBe('-3,5');
  });

  it('show the decimals a value has, at most two unless asked', () => {
    expect(decimalsOf(12850)).toBe(0);
    expect(decimalsOf(7.6)).toBe(1);
    expect(decimalsOf(1 / 3)).toBe(2);
    expect(formatNumber(98.6, 'vi')).toBe('98,6');
    expect(formatNumber(98.6, 'vi', 0)).toBe('99');
    expect(formatNumber(3, 'en', 2)).toBe('3.00');
  });

  it('give the share of a target as a whole percent, and none without a target', () => {
    expect(targetShare(7.62, 8)).toBe(95);
    expect(targetShare(11820, 14500)).toBe(82);
    expect(targetShare(5, undefined)).toBeNull();
    expect(targetShare(5, 0)).toBeNull();
  });
});

describe('staleness and age', () => {
  const now = Date.UTC(2026, 10, 25, 7, 30, 0);
  it('is stale only once older than the expected period', () => {
    expect(isStale(now - 600_000, 600, now)).toBe(false);
    expect(isStale(now - 600_001, 600, now)).toBe(true);
    expect(isStale(now - 10 * 86_400_000, undefined, now)).toBe(false);
  });

  it('says how old a value is in words', () => {
    expect(formatAge(45_000, 'vi')).toBe('45 giây trước');
    expect(formatAge(3 * 60_000 + 5000, 'vi')).toBe('3 phút trước');
    expect(formatAge(2 * 3600_000, 'vi')).toBe('2 giờ trước');
    expect(formatAge(3 * 60_000, 'en')).toBe('3 minutes ago');
    expect(formatAge(-5000, 'en')).toBe('now');
  });

  it('gives the time in Vietnam, with the date when it is not today', () => {
    // 07:30 UTC is 14:30 in Vietnam (UTC+7).
    expect(formatTime(now, now, 'vi')).toBe('14:30');
    expect(formatTime(now - 86_400_000, now, 'vi')).toBe('14:30 24/11');
    expect(formatTime(now - 86_400_000, now, 'en')).toBe('14:30 11/24');
  });
});

describe('threshold colours', () => {
  const occupancy = ThresholdsSchema.parse({ worse: 'above', warn: 90, bad: 95 });
  const onTime = ThresholdsSchema.parse({ worse: 'below', warn: 97, bad: 95 });
  it('turn amber then red as a value passes warn then bad, in the direction that is worse', () => {
    expect([84, 90, 94.9, 95, 99].map((v) => thresholdLevel(v, occupancy))).toEqual(['ok', 'warn', 'warn', 'bad', 'bad']);
    expect([98.6, 97, 96, 95, 80].map((v) => thresholdLevel(v, onTime))).toEqual(['ok', 'warn', 'warn', 'bad', 'bad']);
    expect(thresholdLevel(1e9, undefined)).toBe('ok');
  });

  it('are three distinct colours', () => {
    expect(new Set(Object.values(LEVEL_COLOURS)).size).toBe(3);
  });

  it('refuse thresholds in the wrong order', () => {
    expect(ThresholdsSchema.safeParse({ worse: 'above', warn: 95, bad: 90 }).success).toBe(false);
    expect(ThresholdsSchema.safeParse({ worse: 'below', warn: 90, bad: 95 }).success).toBe(false);
  });
});
