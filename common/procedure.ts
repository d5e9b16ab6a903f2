import { z } from 'zod';
import { AccountRoleSchema } from './auth.js';
import { ActorSchema, IdSchema, LocalizedSchema } from './protocol/primitives.js';

// A scenario's checklist while the scenario is active: the live response procedure. The main process
// owns it (electron/wall/procedure); every window holds it in the wall state. Times are on the node's clock.

export const MAX_NOTE = 500;

export const ProcedureStepStateSchema = z.strictObject({
  id: IdSchema,
  text: LocalizedSchema,
  /** The console role that takes care of the step; null: anyone signed in. */
  role: AccountRoleSchema.nullable(),
  /** Overdue when not done this many minutes after activation; null: no deadline. */
  dueMinutes: z.number().int().positive().nullable(),
  done: z.strictObject({ by: ActorSchema, at: z.number() }).nullable(),
  note: z.strictObject({ text: z.string().min(1).max(MAX_NOTE), by: ActorSchema, at: z.number() }).nullable(),
});
export type ProcedureStepState = z.infer<typeof ProcedureStepStateSchema>;

export const ProcedureSchema = z.strictObject({
  id: z.string().min(1).max(100),
  scenarioId: IdSchema,
  scenarioName: LocalizedSchema,
  /** The hub's activation revision this procedure belongs to. */
  hubRevision: z.number().int().nonnegative(),
  /** The scenario's activation: "time since activation" and deadlines count from here. */
  startedAt: z.number(),
  steps: z.array(ProcedureStepStateSchema).min(1).max(50),
  /** Set once the scenario was replaced (switched or reverted): kept in the database, no longer in the state. */
  closed: z.strictObject({ at: z.number(), nextScenarioId: z.string().nullable(), by: z.string().max(120) }).nullable(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export interface ProcedureProgress {
  done: number;
  total: number;
  /** Steps past their deadline and not done, in order. */
  overdue: string[];
}

export function isOverdue(step: ProcedureStepState, startedAt: number, now: number): boolean {
  return step.done === null && step.dueMinutes !== null && now - startedAt > step.dueMinutes * 60_000;
}

export function procedureProgress(p: Procedure, now: number): ProcedureProgress {
  return {
    done: p.steps.filter((s) => s.done !== null).length,
    total: p.steps.length,
    overdue: p.steps.filter((s) => isOverdue(s, p.startedAt, now)).map((s) => s.id),
  };
}

/** May someone with `role` tick this step? Its own role, or a leader or an administrator for any step. */
export function mayTick(step: Pick<ProcedureStepState, 'role'>, role: string): boolean {
  return step.role === null || step.role === role || role === 'leader' || role === 'admin';
}
