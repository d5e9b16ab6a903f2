import { z } from 'zod';
import { ProtocolErrorCodeSchema } from './errors.js';
import { IdSchema, MillisSchema, RevisionSchema, ScreenIdSchema } from './primitives.js';

// Connecting: the socket.io handshake's `auth` carries who the node is and which protocol versions
// it speaks; the hub answers `hub:hello` with the version it chose, or refuses the connection.

/** Versions this build speaks. A new major shape gets a new number; both ends pick the highest common one. */
export const PROTOCOL_VERSIONS = { min: 1, max: 1 } as const;
export const HUB_NAMESPACE = '/wall';
export const HUB_SOCKET_PATH = '/socket.io/';
/** Heartbeat the hub configures: a dead link is noticed within pingInterval + pingTimeout. */
export const HEARTBEAT = { pingInterval: 4000, pingTimeout: 4000 } as const;

const VersionRangeSchema = z
  .strictObject({ min: z.number().int().positive().max(1000), max: z.number().int().positive().max(1000) })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });
export type VersionRange = z.infer<typeof VersionRangeSchema>;

export const HandshakeAuthSchema = z.strictObject({
  token: z.string().min(16).max(256),
  protocol: VersionRangeSchema,
  nodeId: IdSchema,
  wallId: IdSchema,
  /** The screens this node drives; several nodes may drive one wall, each its own screens. */
  screens: z.array(ScreenIdSchema).min(1).max(256),
  /** What the node shows now, so a hub that lost its database continues the numbering. */
  current: z.strictObject({ revision: RevisionSchema, scenarioId: IdSchema }).nullable().default(null),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;
export type HandshakeAuthInput = z.input<typeof HandshakeAuthSchema>;

export const HelloSchema = z.strictObject({
  protocol: z.number().int().positive(),
  hubId: IdSchema,
  hubTime: MillisSchema,
  /** The wall's latest revision at the hub (0: nothing activated yet). */
  revision: z.number().int().nonnegative(),
  heartbeat: z.strictObject({ pingInterval: z.number().int().positive(), pingTimeout: z.number().int().positive() }),
  maxEventBytes: z.number().int().positive(),
});
export type Hello = z.infer<typeof HelloSchema>;

/** What a refused connection carries in `connect_error`'s `data`. */
export const RefusalSchema = z.strictObject({
  code: ProtocolErrorCodeSchema,
  message: z.string().max(2000),
  supported: VersionRangeSchema.optional(),
});
export type Refusal = z.infer<typeof RefusalSchema>;

/** The highest version both ranges contain, or null when they do not overlap. */
export function negotiateVersion(client: VersionRange, server: VersionRange = PROTOCOL_VERSIONS): number | null {
  const best = Math.min(client.max, server.max);
  return best >= Math.max(client.min, server.min) ? best : null;
}
