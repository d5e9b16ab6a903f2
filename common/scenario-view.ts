import { z } from 'zod';
import { ActivationResultSchema, ProposalSchema, ScenarioSchema } from './protocol/scenario.js';

// What the console needs for the leader's scenario buttons: the scenarios this wall may switch to,
// open proposals from the hub's rules, and how the last activation went on each screen.

export const ScenarioOverviewSchema = z.strictObject({
  scenarios: z.array(ScenarioSchema).max(100),
  proposals: z.array(ProposalSchema).max(100),
  result: ActivationResultSchema.nullable(),
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
