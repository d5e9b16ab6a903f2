import { z } from 'zod';
import { AlertSeveritySchema } from '../protocol/data.js';
import { finite, IdSchema, latitude, LocalizedSchema, longitude } from '../protocol/primitives.js';

// A rule a centre writes as config/rules/<id>.json: a condition on data points and alerts, what to do
// when it holds (propose or activate a scenario), and when to go back (a condition, or a time).
// docs/rules.md explains every field with examples.

/** Seconds, up to 30 days. */
const Seconds = z.number().int().min(0).max(30 * 24 * 3600);

/** A data key, or a pattern where "*" stands for any run of characters ("gauges.*"). */
export const KeyPatternSchema = z
  .string()
  .regex(/^[a-z0-9*][a-z0-9._:*-]{0,127}$/, 'use 1–128 lower-case letters, digits, ".", "_", ":", "-" or "*" (any run of characters)');

/** A fixed number, or one of the reading's own alarm levels (báo động I/II/III) for gauges. */
const ThresholdSchema = z.union([finite, z.strictObject({ alarm: z.literal([1, 2, 3]) })]);
export type Threshold = z.infer<typeof ThresholdSchema>;

const ValueConditionSchema = z
  .strictObject({
    type: z.literal('value'),
    key: KeyPatternSchema,
    /** Only this item of a list value (one gauge of "gauges.rivers"). */
    item: IdSchema.optional(),
    above: ThresholdSchema.optional(),
    below: ThresholdSchema.optional(),
    /** Once the condition holds, it holds until the value is this far back past the threshold. */
    hysteresis: z.number().nonnegative().max(1e9).default(0),
    /** "any": one reading is enough; "all": every reading of every matching key. */
    match: z.enum(['any', 'all']).default('any'),
    /** The condition must hold without a break this long before it counts. */
    forSeconds: Seconds.default(0),
  })
  .refine((c) => (c.above === undefined) !== (c.below === undefined), { message: 'give exactly one of "above" and "below"' });

const AreaSchema = z
  .strictObject({
    /** Matches an alert whose area names one of these (case-insensitive, part of the name is enough). */
    names: z.array(z.string().min(1).max(120)).min(1).max(50).optional(),
    /** [west, south, east, north]: matches an alert with a position inside. */
    bbox: z.tuple([longitude, latitude, longitude, latitude]).optional(),
  })
  .refine((a) => a.names !== undefined || a.bbox !== undefined, { message: 'give "names", "bbox" or both' })
  .refine((a) => !a.bbox || (a.bbox[0] < a.bbox[2] && a.bbox[1] < a.bbox[3]), { message: 'bbox is [west, south, east, north] with west < east and south < north' });

const AlertConditionSchema = z.strictObject({
  type: z.literal('alert'),
  key: KeyPatternSchema.default('alerts.*'),
  minSeverity: AlertSeveritySchema,
  /** Event types (CAP <event>, a SOC rule group); any of them. Absent: every event. */
  events: z.array(z.string().min(1).max(120)).min(1).max(50).optional(),
  area: AreaSchema.optional(),
  forSeconds: Seconds.default(0),
});

export type ValueCondition = z.infer<typeof ValueConditionSchema>;
export type AlertCondition = z.infer<typeof AlertConditionSchema>;
export type GroupCondition = { type: 'all' | 'any'; of: Condition[] };
export type Condition = ValueCondition | AlertCondition | GroupCondition;

export const ConditionSchema: z.ZodType<Condition, unknown> = z.lazy(() =>
  z.discriminatedUnion('type', [
    ValueConditionSchema,
    AlertConditionSchema,
    z.strictObject({ type: z.literal('all'), of: z.array(ConditionSchema).min(1).max(20) }),
    z.strictObject({ type: z.literal('any'), of: z.array(ConditionSchema).min(1).max(20) }),
  ]),
);

export const RuleSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: IdSchema,
  name: LocalizedSchema,
  enabled: z.boolean().default(true),
  when: ConditionSchema,
  then: z.strictObject({
    /** "activate" switches the wall without a leader where the scenario allows it for this severity; otherwise it proposes. */
    action: z.enum(['propose', 'activate']),
    scenarioId: IdSchema,
    /** The finding's severity; absent: the worst matching alert's, or "warning". */
    severity: AlertSeveritySchema.optional(),
    /** Shown to the leader. {name} {river} {value} {threshold} {unit} {count} {more} {title} {area} are filled in. */
    reason: LocalizedSchema,
  }),
  /** Back to the previous scenario when this holds, or this long after firing, whichever comes first. */
  revert: z
    .strictObject({ when: ConditionSchema.optional(), afterSeconds: Seconds.min(1).optional() })
    .refine((r) => r.when !== undefined || r.afterSeconds !== undefined, { message: 'give "when", "afterSeconds" or both' })
    .optional(),
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;
