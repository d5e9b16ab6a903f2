import { z } from 'zod';
import { ActivationResultSchema, ProposalSchema, ScenarioSchema, SeveritySchema } from './protocol/scenario.js';
import { IdSchema } from './protocol/primitives.js';
import { LayoutSchema } from './wall/layout-schema.js';
import { RuleStatusSchema } from './rules/rule-status.js';

// What the console needs for the leader's scenario buttons: the scenarios this wall may switch to,
// open proposals from the hub's rules, what each rule last did, and how the last activation went on each screen.

export const ScenarioOverviewSchema = z.strictObject({
  scenarios: z.array(ScenarioSchema).max(100),
  proposals: z.array(ProposalSchema).max(100),
  result: ActivationResultSchema.nullable(),
  /** The hub's rules and what each last did; absent until the hub has sent them. */
  rules: z.array(RuleStatusSchema).max(200).optional(),
});
export type ScenarioOverview = z.infer<typeof ScenarioOverviewSchema>;

export const ScenarioCommandAnswerSchema = z.strictObject({
  /** The hub's revision for the wall (for a local-only activation: the one it builds on). */
  revision: z.number().int().nonnegative(),
  /** When the screens swap, on this node's clock. */
  applyAt: z.number(),
  local: z.boolean(),
});
export type ScenarioCommandAnswer = z.infer<typeof ScenarioCommandAnswerSchema>;

export const ClockSyncAnswerSchema = z.strictObject({ t0: z.number(), t1: z.number(), t2: z.number() });

/** A scenario's layout as this wall would show it: screens draw its maps once, hidden, before any switch. */
export const ScenarioLayoutSchema = z.strictObject({ scenarioId: IdSchema, severity: SeveritySchema, layout: LayoutSchema });
export type ScenarioLayout = z.infer<typeof ScenarioLayoutSchema>;
