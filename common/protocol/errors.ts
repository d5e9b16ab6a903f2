import { z } from 'zod';

// Error codes either side may answer with. A receiver that meets a code it does not know treats
// it as "internal": codes may be added in a minor revision of the protocol, never renamed.
export const protocolErrorCodes = [
  'bad-handshake',
  'bad-token',
  'protocol-unsupported',
  'forbidden',
  'unknown-event',
  'invalid-payload',
  'too-large',
  'unknown-wall',
  'wrong-wall',
  'unknown-scenario',
  'unknown-proposal',
  'layout-mismatch',
  'backend-offline',
  'rate-limited',
  'store-unavailable',
  'internal',
] as const;

export const ProtocolErrorCodeSchema = z.enum(protocolErrorCodes);
export type ProtocolErrorCode = z.infer<typeof ProtocolErrorCodeSchema>;

export const ProtocolErrorSchema = z.strictObject({
  code: ProtocolErrorCodeSchema,
  message: z.string().max(2000),
  /** The event the error answers, when it was not answered through an acknowledgement. */
  event: z.string().max(100).optional(),
});
export type ProtocolError = z.infer<typeof ProtocolErrorSchema>;

/** The answer every acknowledged event gets. */
export const ackSchema = <T extends z.ZodType>(value: T) =>
  z.union([z.strictObject({ ok: z.literal(true), value }), z.strictObject({ ok: z.literal(false), error: ProtocolErrorSchema })]);

export type Ack<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export const protocolError = (code: ProtocolErrorCode, message: string): { ok: false; error: ProtocolError } => ({
  ok: false,
  error: { code, message: message.slice(0, 2000) },
});
