import { z } from 'zod';
import type { Result } from './result.js';

// The web host's WebSocket envelope around the contract: requests carry an id the answer echoes,
// events carry their channel name. Path and query of the socket: /ws?token=…&role=screen&screen=<id>.

export const WS_PATH = '/ws';

export const ClientMessageSchema = z.strictObject({
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

const AppErrorSchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  where: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const ResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: AppErrorSchema }),
]);

/** An answer; id is null when the request was too broken to carry one. */
export const ResultMessageSchema = z.strictObject({ id: z.number().int().nonnegative().nullable(), result: ResultSchema });
export const EventMessageSchema = z.strictObject({ event: z.string(), payload: z.unknown() });

export type ResultMessage = { id: number | null; result: Result<unknown> };
export type EventMessage = { event: string; payload: unknown };
export type ServerMessage = ResultMessage | EventMessage;

/** WebSocket close codes the host uses, so a page can say why it was turned away. */
export const CloseCodes = {
  unknownScreen: 4404,
  goingAway: 1001,
} as const;
