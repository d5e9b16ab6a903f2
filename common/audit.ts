import { z } from 'zod';

// The audit log as the console reads it: who did what, when, from where, and how it ended.

export const AuditEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  at: z.number(),
  /** Username, "-" for nobody signed in, or the window/system that acted (e.g. "screen A1"). */
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.string().nullable(),
  /** Transport, connection id and address, e.g. "browser web-3 192.168.1.20". */
  origin: z.string(),
  ok: z.boolean(),
  /** "ok", "refused: <code> …" or "failed: <code> …". */
  result: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  actor: z.string().max(64).optional(),
  /** Matches the start of the action, e.g. "scenario" or "auth:login". */
  action: z.string().max(64).optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  /** Only refusals and failures. */
  problemsOnly: z.boolean().optional(),
  /** Entries older than this sequence number (for paging back). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(5000).default(200),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditPageSchema = z.strictObject({ entries: z.array(AuditEntrySchema), total: z.number().int().nonnegative() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditVerifySchema = z.union([
  /** head: the last row's hash; noted elsewhere (a report, the hub), it also shows rows removed from the end. */
  z.strictObject({ ok: z.literal(true), rows: z.number().int().nonnegative(), head: z.string(), note: z.string().optional() }),
  /** kind: removed, inserted, relinked, changed, forged, rewritten, truncated, anchor (the anchor file was edited), no-key (cannot check). */
  z.strictObject({ ok: z.literal(false), rows: z.number().int().nonnegative(), seq: z.number().int(), reason: z.string(), kind: z.string().optional() }),
]);
export type AuditVerification = z.infer<typeof AuditVerifySchema>;
