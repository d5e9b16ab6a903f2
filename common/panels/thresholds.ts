import { z } from 'zod';
import { finite } from '../protocol/primitives.js';

// When an indicator turns amber or red. "above": higher is worse (bed occupancy, late dossiers);
// "below": lower is worse (dossiers settled on time).
export const ThresholdsSchema = z
  .strictObject({ worse: z.enum(['above', 'below']), warn: finite, bad: finite })
  .refine((t) => (t.worse === 'above' ? t.warn <= t.bad : t.warn >= t.bad), {
    message: 'warn must come before bad: with worse "above", warn ≤ bad; with worse "below", warn ≥ bad',
  });
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export type Level = 'ok' | 'warn' | 'bad';

/** The level of a value against thresholds; ok when there are none. */
export function thresholdLevel(value: number, t: Thresholds | undefined): Level {
  if (!t) return 'ok';
  const past = (limit: number) => (t.worse === 'above' ? value >= limit : value <= limit);
  if (past(t.bad)) return 'bad';
  if (past(t.warn)) return 'warn';
  return 'ok';
}

/** Colours of the levels on the wall (dark background). */
export const LEVEL_COLOURS: Record<Level, string> = { ok: '#3ecf8e', warn: '#ffb020', bad: '#ff4d4f' };
