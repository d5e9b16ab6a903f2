import { z } from 'zod';
import type { InvokeMaker } from './bind-bridge.js';
import { ARRANGERS, EVERYONE, type ChannelSpec } from './channel-spec.js';
import { IdSchema } from './protocol/primitives.js';
import { LayoutSchema, type LayoutInput } from './wall/layout-schema.js';

// Named layouts (SQLite, revisioned) and the editor's autosaved drafts. Spread into consoleChannels.

const empty = z.strictObject({});
const revision = z.number().int().nonnegative();

export const LayoutInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  revision: z.number().int().positive(),
  updatedAt: z.number(),
  panels: z.number().int().nonnegative(),
  /** The layout the wall shows now (by id). */
  active: z.boolean(),
});
export type LayoutInfo = z.infer<typeof LayoutInfoSchema>;

export const StoredLayoutSchema = z.strictObject({ layout: LayoutSchema, revision: z.number().int().positive() });

export const DraftSchema = z.strictObject({
  layout: LayoutSchema,
  /** The saved revision the draft started from; 0 for a layout never saved. */
  baseRevision: revision,
  updatedAt: z.number(),
});
export type Draft = z.infer<typeof DraftSchema>;
export const DraftInfoSchema = z.strictObject({ layoutId: z.string(), name: z.string(), baseRevision: revision, updatedAt: z.number() });
export type DraftInfo = z.infer<typeof DraftInfoSchema>;

const layoutId = z.strictObject({ layoutId: IdSchema });

export const layoutChannels = {
  'layouts:list': { request: empty, response: z.array(LayoutInfoSchema), roles: ['console'], users: EVERYONE, quiet: true },
  'layouts:get': { request: layoutId, response: StoredLayoutSchema, roles: ['console'], users: EVERYONE, quiet: true },
  /** expectedRevision: the revision the edit is based on (0: a new layout); another console's save in between is a conflict. */
  'layouts:save': { request: z.strictObject({ layout: LayoutSchema, expectedRevision: revision }), response: z.strictObject({ revision: z.number().int().positive() }), roles: ['console'], users: ARRANGERS },
  'layouts:remove': { request: layoutId, response: z.null(), roles: ['console'], users: ARRANGERS },
  /** Show a saved layout on the wall (the revision of the state that shows it). */
  'layouts:apply': { request: layoutId, response: revision, roles: ['console'], users: ARRANGERS },
  'drafts:list': { request: empty, response: z.array(DraftInfoSchema), roles: ['console'], users: ARRANGERS, quiet: true },
  'drafts:get': { request: layoutId, response: DraftSchema.nullable(), roles: ['console'], users: ARRANGERS, quiet: true },
  /** Autosave: often, so not in the audit log (a save or apply is). */
  'drafts:save': { request: z.strictObject({ layout: LayoutSchema, baseRevision: revision }), response: z.null(), roles: ['console'], users: ARRANGERS, quiet: true },
  'drafts:discard': { request: layoutId, response: z.null(), roles: ['console'], users: ARRANGERS, quiet: true },
} as const satisfies Record<string, ChannelSpec>;

export type LayoutChannel = keyof typeof layoutChannels;

export const layoutBridgeInvokes = {
  listLayouts: () => ['layouts:list', {}],
  getLayout: (id: string) => ['layouts:get', { layoutId: id }],
  saveLayout: (layout: LayoutInput, expectedRevision: number) => ['layouts:save', { layout, expectedRevision }],
  removeLayout: (id: string) => ['layouts:remove', { layoutId: id }],
  applyLayout: (id: string) => ['layouts:apply', { layoutId: id }],
  listDrafts: () => ['drafts:list', {}],
  getDraft: (id: string) => ['drafts:get', { layoutId: id }],
  saveDraft: (layout: LayoutInput, baseRevision: number) => ['drafts:save', { layout, baseRevision }],
  discardDraft: (id: string) => ['drafts:discard', { layoutId: id }],
} as const satisfies Record<string, InvokeMaker<LayoutChannel>>;

