import { z } from 'zod';
import type { InvokeMaker } from './bind-bridge.js';
import { ARRANGERS, EVERYONE, LEADERS, type ChannelSpec } from './channel-spec.js';
import { IdSchema, LocalizedSchema } from './protocol/primitives.js';
import { ScenarioSchema, SeveritySchema, type ScenarioInput } from './protocol/scenario.js';

// The console's scenario functions: the leader's commands (channels in contract.ts) and this node's
// library of scenarios being prepared (edited, duplicated, rehearsed) before they go to the hub.

const empty = z.strictObject({});

export const LibraryEntrySchema = z.strictObject({
  id: z.string(),
  name: LocalizedSchema,
  severity: SeveritySchema,
  revision: z.number().int().positive(),
  updatedAt: z.number(),
  updatedBy: z.string(),
  panels: z.number().int().nonnegative(),
});
export type LibraryEntry = z.infer<typeof LibraryEntrySchema>;

export const ScenarioDraftSchema = z.strictObject({
  scenario: ScenarioSchema,
  /** The library revision the draft started from; 0 for a scenario never saved. */
  baseRevision: z.number().int().nonnegative(),
  updatedAt: z.number(),
});
export type ScenarioDraft = z.infer<typeof ScenarioDraftSchema>;
export const ScenarioDraftInfoSchema = z.strictObject({ scenarioId: z.string(), name: LocalizedSchema, baseRevision: z.number().int().nonnegative(), updatedAt: z.number() });
export type ScenarioDraftInfo = z.infer<typeof ScenarioDraftInfoSchema>;

export const scenarioLibraryChannels = {
  'scenarioLibrary:list': { request: empty, response: z.array(LibraryEntrySchema), roles: ['console'], users: EVERYONE, quiet: true },
  'scenarioLibrary:get': { request: z.strictObject({ scenarioId: IdSchema }), response: z.strictObject({ scenario: ScenarioSchema, revision: z.number().int().positive() }), roles: ['console'], users: EVERYONE, quiet: true },
  /** expectedRevision 0: a new scenario; otherwise the revision the edit is based on. */
  'scenarioLibrary:save': { request: z.strictObject({ scenario: ScenarioSchema, expectedRevision: z.number().int().nonnegative() }), response: z.strictObject({ revision: z.number().int().positive() }), roles: ['console'], users: ARRANGERS },
  'scenarioLibrary:remove': { request: z.strictObject({ scenarioId: IdSchema }), response: z.null(), roles: ['console'], users: ARRANGERS },
  /** The signed-in person's autosaved edits, per scenario, kept until saved or discarded. */
  'scenarioDrafts:list': { request: empty, response: z.array(ScenarioDraftInfoSchema), roles: ['console'], users: ARRANGERS, quiet: true },
  'scenarioDrafts:get': { request: z.strictObject({ scenarioId: IdSchema }), response: ScenarioDraftSchema.nullable(), roles: ['console'], users: ARRANGERS, quiet: true },
  'scenarioDrafts:save': { request: z.strictObject({ scenario: ScenarioSchema, baseRevision: z.number().int().nonnegative() }), response: z.null(), roles: ['console'], users: ARRANGERS, quiet: true },
  'scenarioDrafts:discard': { request: z.strictObject({ scenarioId: IdSchema }), response: z.null(), roles: ['console'], users: ARRANGERS, quiet: true },
  /** Hand a prepared scenario to the centre (the hub), whose catalog the leader's buttons show: a leader's decision. */
  'scenarioLibrary:publish': { request: z.strictObject({ scenarioId: IdSchema }), response: z.strictObject({ version: z.number().int().positive() }), roles: ['console'], users: LEADERS },
} as const satisfies Record<string, ChannelSpec>;

/** The leader's scenario channels: declared in contract.ts with the wall's own, bound here for the console. */
export type LeaderChannel = 'scenarios:overview' | 'scenario:activate' | 'scenario:revert' | 'proposal:confirm' | 'proposal:dismiss';
type Channel = keyof typeof scenarioLibraryChannels | LeaderChannel;

export const scenarioBridgeInvokes = {
  scenarioOverview: () => ['scenarios:overview', {}],
  activateScenario: (scenarioId: string, localOnly = false, requestId?: string) => ['scenario:activate', { scenarioId, ...(localOnly ? { localOnly } : {}), ...(requestId ? { requestId } : {}) }],
  revertScenario: () => ['scenario:revert', {}],
  confirmProposal: (proposalId: string) => ['proposal:confirm', { proposalId }],
  dismissProposal: (proposalId: string) => ['proposal:dismiss', { proposalId }],
  listLibrary: () => ['scenarioLibrary:list', {}],
  getLibraryScenario: (scenarioId: string) => ['scenarioLibrary:get', { scenarioId }],
  saveLibraryScenario: (scenario: ScenarioInput, expectedRevision: number) => ['scenarioLibrary:save', { scenario, expectedRevision }],
  removeLibraryScenario: (scenarioId: string) => ['scenarioLibrary:remove', { scenarioId }],
  publishLibraryScenario: (scenarioId: string) => ['scenarioLibrary:publish', { scenarioId }],
  listScenarioDrafts: () => ['scenarioDrafts:list', {}],
  getScenarioDraft: (scenarioId: string) => ['scenarioDrafts:get', { scenarioId }],
  saveScenarioDraft: (scenario: ScenarioInput, baseRevision: number) => ['scenarioDrafts:save', { scenario, baseRevision }],
  discardScenarioDraft: (scenarioId: string) => ['scenarioDrafts:discard', { scenarioId }],
} as const satisfies Record<string, InvokeMaker<Channel>>;
