import { z } from 'zod';
import { RuleListSchema } from '../rules/rule-status.js';
import { DataBatchSchema } from './data.js';
import { ProtocolErrorSchema } from './errors.js';
import { HelloSchema } from './handshake.js';
import { NodeHealthSchema, WallHealthSchema } from './health.js';
import { ActorSchema, IdSchema, MillisSchema, RequestIdSchema, RevisionSchema } from './primitives.js';
import {
  ActivationResultSchema,
  ActivationSchema,
  ProposalSchema,
  ScenarioCatalogSchema,
  ScenarioSchema,
  WallAckSchema,
} from './scenario.js';

// Every event of the /wall namespace, by direction. Node → hub events are all acknowledged
// (the answer is an Ack, see errors.ts); hub → node events are not.

const CommandResultSchema = z.strictObject({ revision: RevisionSchema, applyAt: MillisSchema });

export const nodeEvents = {
  /** NTP-style exchange: t0 node send; the hub adds t1 (receive) and t2 (send), hub clock in ms (fractions allowed). */
  'clock:sync': {
    payload: z.strictObject({ t0: z.number().finite() }),
    ack: z.strictObject({ t0: z.number().finite(), t1: z.number().finite().nonnegative(), t2: z.number().finite().nonnegative() }),
  },
  /** How far this node's screens got with a revision; sent again whenever a screen's status changes. */
  'wall:ack': { payload: WallAckSchema, ack: z.null() },
  'scenario:activate': {
    /** requestId: the same id sent again (a double-click, a retry) gets the first answer, not a second revision. */
    payload: z.strictObject({ wallId: IdSchema, scenarioId: IdSchema, actor: ActorSchema, requestId: RequestIdSchema.optional() }),
    ack: CommandResultSchema,
  },
  /** Back to the scenario that was active before the current one. */
  'scenario:revert': { payload: z.strictObject({ wallId: IdSchema, actor: ActorSchema }), ack: CommandResultSchema },
  'proposal:confirm': { payload: z.strictObject({ proposalId: IdSchema, actor: ActorSchema }), ack: CommandResultSchema },
  'proposal:dismiss': { payload: z.strictObject({ proposalId: IdSchema, actor: ActorSchema }), ack: z.null() },
  /**
   * A scenario prepared on a node's console, for the hub to keep (as the next version when it has one with
   * that id) and offer to the scenario's wall. Leaders and admins only.
   */
  'scenario:publish': {
    payload: z.strictObject({ scenario: ScenarioSchema, actor: ActorSchema }),
    ack: z.strictObject({ version: z.number().int().positive() }),
  },
  /** A scenario applied on this node alone while the hub was unreachable (local-only mode), reported on reconnect. */
  'node:local-activation': {
    payload: z.strictObject({
      wallId: IdSchema,
      scenarioId: IdSchema,
      actor: ActorSchema,
      /** Node clock: the hub could not be asked for its time then. */
      localAt: MillisSchema,
      /** The hub revision the wall returned to on reconnect. */
      replacedByRevision: z.number().int().nonnegative(),
    }),
    ack: z.null(),
  },
  /** The health of this node's screens (frame rate, dropped frames, memory, faults), every few seconds. */
  'node:health': { payload: NodeHealthSchema, ack: z.null() },
} as const satisfies Record<string, { payload: z.ZodType; ack: z.ZodType }>;

export const hubEvents = {
  'hub:hello': HelloSchema,
  'scenario:catalog': ScenarioCatalogSchema,
  'wall:activation': ActivationSchema,
  'activation:result': ActivationResultSchema,
  'data:snapshot': DataBatchSchema,
  'data:update': DataBatchSchema,
  'proposal:list': z.strictObject({ wallId: IdSchema, proposals: z.array(ProposalSchema).max(100) }),
  /** The hub's rules and what each last did (every wall: rules are the centre's, not one wall's). */
  'rule:list': RuleListSchema,
  /** Every node and screen of the wall, connected or not, for the consoles (after a change, at most once a second). */
  'wall:health': WallHealthSchema,
  /** An error for an event that could not be answered through its acknowledgement. */
  'hub:error': ProtocolErrorSchema,
} as const satisfies Record<string, z.ZodType>;

export type NodeEvent = keyof typeof nodeEvents;
export type NodePayload<E extends NodeEvent> = z.infer<(typeof nodeEvents)[E]['payload']>;
export type NodeAckValue<E extends NodeEvent> = z.infer<(typeof nodeEvents)[E]['ack']>;
export type HubEvent = keyof typeof hubEvents;
export type HubPayload<E extends HubEvent> = z.infer<(typeof hubEvents)[E]>;

export const isNodeEvent = (name: unknown): name is NodeEvent => typeof name === 'string' && Object.hasOwn(nodeEvents, name);
export const isHubEvent = (name: unknown): name is HubEvent => typeof name === 'string' && Object.hasOwn(hubEvents, name);
