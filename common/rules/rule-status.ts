import { z } from 'zod';
import { IdSchema, LocalizedSchema, MillisSchema } from '../protocol/primitives.js';

// What the hub tells the consoles and its REST clients about each rule: what it watches for, where
// it is in its life, and what it last did.

export const RuleOutcomeSchema = z.enum(['proposed', 'activated', 'reverted', 'withdrawn', 'rearmed', 'skipped', 'refused']);
export type RuleOutcome = z.infer<typeof RuleOutcomeSchema>;

export const RuleStatusSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedSchema,
  enabled: z.boolean(),
  action: z.enum(['propose', 'activate']),
  scenarioId: IdSchema,
  phase: z.enum(['armed', 'fired', 'cooling']),
  last: z
    .strictObject({
      at: MillisSchema,
      outcome: RuleOutcomeSchema,
      /** Why, for the person reading the list (the finding's reason, or what stopped it). */
      detail: LocalizedSchema,
    })
    .nullable(),
});
export type RuleStatus = z.infer<typeof RuleStatusSchema>;

export const RuleListSchema = z.strictObject({ rules: z.array(RuleStatusSchema).max(200) });
export type RuleList = z.infer<typeof RuleListSchema>;
