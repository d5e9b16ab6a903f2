import { z } from 'zod';
import type { InvokeMaker } from './bind-bridge.js';
import { CAMERA_HANDLERS, type ChannelSpec } from './channel-spec.js';
import { IdSchema } from './protocol/primitives.js';
import { OverrideRequestSchema, type OverrideRequest } from './overrides.js';

// Cameras put on the wall by hand (common/overrides.ts): one channel per change, each audited, each
// answered with the state revision that shows it. Spread into consoleChannels.

const empty = z.strictObject({});
const revision = z.number().int().nonnegative();

export const overrideChannels = {
  'overrides:apply': { request: OverrideRequestSchema, response: revision, roles: ['console'], users: CAMERA_HANDLERS },
  /** Take back the newest override (the operator's undo). */
  'overrides:undo': { request: empty, response: revision, roles: ['console'], users: CAMERA_HANDLERS },
  'overrides:remove': { request: z.strictObject({ overrideId: IdSchema }), response: revision, roles: ['console'], users: CAMERA_HANDLERS },
  /** Back to the layout as saved. */
  'overrides:clear': { request: empty, response: revision, roles: ['console'], users: CAMERA_HANDLERS },
} as const satisfies Record<string, ChannelSpec>;

export type OverrideChannel = keyof typeof overrideChannels;

export const overrideBridgeInvokes = {
  applyOverride: (request: OverrideRequest) => ['overrides:apply', request],
  undoOverride: () => ['overrides:undo', {}],
  removeOverride: (overrideId: string) => ['overrides:remove', { overrideId }],
  clearOverrides: () => ['overrides:clear', {}],
} as const satisfies Record<string, InvokeMaker<OverrideChannel>>;
