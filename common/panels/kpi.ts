import { z } from 'zod';
import { DataKeySchema } from '../protocol/data.js';
import { finite } from '../protocol/primitives.js';
import { ThresholdsSchema } from './thresholds.js';

/** One indicator as a tile: its label and unit come from the data unless given here. */
export const KpiItem = z.strictObject({
  key: DataKeySchema,
  /** A 'series' key for the trend line; without it the tile draws the values it has received. */
  seriesKey: DataKeySchema.optional(),
  label: z.string().min(1).max(120).optional(),
  labelEn: z.string().min(1).max(120).optional(),
  /** Decimal places shown (default: as the value has, at most 2). */
  digits: z.number().int().min(0).max(4).optional(),
  /** Overrides the value's own target. */
  target: finite.optional(),
  thresholds: ThresholdsSchema.optional(),
  /** Expected seconds between updates, when the value does not say; older is shown as stale. */
  periodS: z.number().int().positive().max(31_536_000).optional(),
});
export type KpiItem = z.infer<typeof KpiItem>;

export const kpiProps = KpiItem.extend({
  /** Where the figure comes from (e.g. "Sở Tài chính"), shown under it. */
  source: z.string().max(120).optional(),
  sparkline: z.boolean().default(true),
  fontSize: z.number().min(12).max(400).default(120),
});
