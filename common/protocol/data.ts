import { z } from 'zod';
import { finite, IdSchema, latitude, LocalizedSchema, longitude, MillisSchema, text } from './primitives.js';

// Data feeds: a key in the wall's data cache and a typed value. Values replace the previous value of
// their key; a panel binds to keys. Each kind has its own bounds so no feed can grow without limit.

export const DataKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]{0,127}$/, 'use 1–128 lower-case letters, digits, ".", "_", ":" or "-"');

const unit = z.string().max(16);
const label = LocalizedSchema.optional();

const KpiSchema = z.strictObject({
  type: z.literal('kpi'),
  value: finite,
  unit,
  label,
  target: finite.optional(),
  /** Expected seconds between updates: older values are shown as stale. */
  periodS: z.number().int().positive().max(31_536_000).optional(),
});

const SeriesSchema = z.strictObject({
  type: z.literal('series'),
  unit,
  label,
  /** [time (ms), value] pairs in time order. */
  points: z.array(z.tuple([MillisSchema, finite])).max(5000),
});

export const AlertSeveritySchema = z.enum(['info', 'warning', 'danger', 'critical']);
const AlertsSchema = z.strictObject({
  type: z.literal('alerts'),
  items: z
    .array(z.strictObject({ id: IdSchema, severity: AlertSeveritySchema, title: LocalizedSchema, area: text(120), at: MillisSchema }))
    .max(200),
});

export const ReportCategorySchema = z.enum(['traffic', 'public-order', 'urban-order', 'environment', 'food-safety', 'flood', 'other']);
const ReportsSchema = z.strictObject({
  type: z.literal('reports'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        category: ReportCategorySchema,
        commune: text(120),
        status: z.enum(['received', 'routed', 'answered']),
        summary: text(300),
        receivedAt: MillisSchema,
        lat: latitude.optional(),
        lon: longitude.optional(),
      }),
    )
    .max(500),
});

/** Water level in metres against the station's alarm levels I, II, III (báo động I/II/III). */
const GaugesSchema = z.strictObject({
  type: z.literal('gauges'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        name: text(120),
        river: text(120),
        lat: latitude,
        lon: longitude,
        levelM: finite,
        alarmM: z.tuple([finite, finite, finite]),
        rainfallMm: z.number().nonnegative().max(5000).optional(),
        at: MillisSchema,
      }),
    )
    .max(500),
});

const VesselsSchema = z.strictObject({
  type: z.literal('vessels'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        name: z.string().max(80).optional(),
        lat: latitude,
        lon: longitude,
        headingDeg: z.number().min(0).max(360),
        speedKn: z.number().min(0).max(100),
        at: MillisSchema,
      }),
    )
    .max(5000),
});

export const DataValueSchema = z.discriminatedUnion('type', [KpiSchema, SeriesSchema, AlertsSchema, ReportsSchema, GaugesSchema, VesselsSchema]);
export type DataValue = z.infer<typeof DataValueSchema>;
export type DataKind = DataValue['type'];

export const DataEntrySchema = z.strictObject({ key: DataKeySchema, value: DataValueSchema, at: MillisSchema });
export type DataEntry = z.infer<typeof DataEntrySchema>;

export const MAX_DATA_ENTRIES = 1000;
export const DataBatchSchema = z.strictObject({ entries: z.array(DataEntrySchema).max(MAX_DATA_ENTRIES) });
export type DataBatch = z.infer<typeof DataBatchSchema>;
