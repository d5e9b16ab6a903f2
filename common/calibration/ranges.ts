// What a technician may set, per value: the limits are what real panels need, not what the maths allows
// (a 50 mm bezel or a gamma of 2.5 is already far outside any screen sold for walls).

export interface Range {
  min: number;
  max: number;
  /** Values are rounded to this step (1 for pixels and percentages). */
  step: number;
  unit: string;
}

export const calibrationRanges = {
  bezelMm: { min: 0, max: 50, step: 0.1, unit: 'mm' },
  offsetPx: { min: -500, max: 500, step: 1, unit: 'px' },
  overscanPx: { min: 0, max: 200, step: 1, unit: 'px' },
  /** Added to every channel, in % of full scale. */
  brightness: { min: -50, max: 50, step: 1, unit: '%' },
  /** Around mid-grey, in %. */
  contrast: { min: 50, max: 150, step: 1, unit: '%' },
  /** Output = input^(1/gamma): above 1 lifts the mid-tones. */
  gamma: { min: 0.5, max: 2.5, step: 0.01, unit: '' },
  /** Per channel, in %. */
  gain: { min: 50, max: 150, step: 1, unit: '%' },
} as const satisfies Record<string, Range>;

export type RangeName = keyof typeof calibrationRanges;

/** One value the technician asked for that was moved into range (or onto the step). */
export interface ClampNote {
  /** Where, e.g. "A1.colour.gamma". */
  path: string;
  requested: number;
  applied: number;
  min: number;
  max: number;
  unit: string;
}

const decimals = (step: number): number => Math.max(0, -Math.floor(Math.log10(step)));

/** Round to the range's step, then clamp. Rounding to the step is not reported; leaving the range is. */
export function clampTo(range: Range, value: number): { value: number; clamped: boolean } {
  const digits = decimals(range.step);
  const stepped = Number((Math.round(value / range.step) * range.step).toFixed(digits));
  const clamped = Math.min(range.max, Math.max(range.min, stepped));
  return { value: Object.is(clamped, -0) ? 0 : clamped, clamped: clamped !== stepped };
}

/** Clamp and, when it had to, add a note for the technician. */
export function clampNoted(range: Range, value: number, path: string, notes: ClampNote[]): number {
  const r = clampTo(range, value);
  if (r.clamped) notes.push({ path, requested: value, applied: r.value, min: range.min, max: range.max, unit: range.unit });
  return r.value;
}
