import { z } from 'zod';
import type { InvokeMaker } from './bind-bridge.js';
import { EVERYONE, type ChannelSpec } from './channel-spec.js';
import { MAX_NOTE, ProcedureSchema } from './procedure.js';
import { IdSchema } from './protocol/primitives.js';

// The live response procedure's commands (the procedure itself travels in the wall state). Spread into
// invokeChannels by contract.ts; every tick and note is written to the audit log by the gate.

const revision = z.number().int().nonnegative();

export const procedureChannels = {
  /** done: false takes a tick back (a mistake); the first person's tick stays when two tick at once. */
  'procedure:tick': { request: z.strictObject({ stepId: IdSchema, done: z.boolean() }), response: revision, roles: ['console'], users: EVERYONE },
  /** An empty note removes it. */
  'procedure:note': { request: z.strictObject({ stepId: IdSchema, note: z.string().max(MAX_NOTE) }), response: revision, roles: ['console'], users: EVERYONE },
  /** Closed procedures of this wall, newest first: the record of past responses. */
  'procedure:history': { request: z.strictObject({ limit: z.number().int().min(1).max(50) }), response: z.array(ProcedureSchema).max(50), roles: ['console'], users: EVERYONE, quiet: true },
} as const satisfies Record<string, ChannelSpec>;

export type ProcedureChannel = keyof typeof procedureChannels;

export const procedureBridgeInvokes = {
  tickStep: (stepId: string, done: boolean) => ['procedure:tick', { stepId, done }],
  noteStep: (stepId: string, note: string) => ['procedure:note', { stepId, note }],
  procedureHistory: (limit: number) => ['procedure:history', { limit }],
} as const satisfies Record<string, InvokeMaker<ProcedureChannel>>;
