import { z } from 'zod';

// Small building blocks shared by every protocol schema. Every string and array has a bound,
// so a payload's size is limited by its shape and not only by the transport.

export const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'use 1–64 letters, digits, "-" or "_"');
export const ScreenIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'use 1–32 letters, digits, "-" or "_"');

/** Milliseconds since the Unix epoch on the hub's clock (unless a field says otherwise). */
export const MillisSchema = z.number().int().min(0).max(8.64e15);

/** A client's id for one request (a UUID, an Idempotency-Key): visible ASCII, 8–128 characters. */
export const RequestIdSchema = z.string().regex(/^[\x21-\x7e]{8,128}$/, 'use 8–128 visible ASCII characters (a UUID fits)');

export const RevisionSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const text = (max: number) => z.string().min(1).max(max);

/** Vietnamese first; English for the console's second language. */
export const LocalizedSchema = z.strictObject({ vi: text(300), en: text(300) });
export type Localized = z.infer<typeof LocalizedSchema>;

export const RoleSchema = z.enum(['operator', 'leader', 'technician', 'admin', 'system']);
export type Role = z.infer<typeof RoleSchema>;

/** Who asked for something: a person (named by the node that authenticated them) or the hub itself. */
export const ActorSchema = z.strictObject({ name: text(120), role: RoleSchema });
export type Actor = z.infer<typeof ActorSchema>;

export const finite = z.number().finite();
export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
