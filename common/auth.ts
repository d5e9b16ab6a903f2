import { z } from 'zod';

// Console accounts and sessions as they cross the contract. Passwords go in, never come out;
// the hash stays in the main process.

/** The people's roles; the hub's Actor adds 'system' for its own rules, which no account can have. */
export const AccountRoleSchema = z.enum(['operator', 'leader', 'technician', 'admin']);
export type AccountRole = z.infer<typeof AccountRoleSchema>;
export const ACCOUNT_ROLES = AccountRoleSchema.options;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'use 2–32 lower-case letters, digits, ".", "_" or "-", e.g. "nguyen.van.a"');

export const DisplayNameSchema = z.string().trim().min(1).max(120);

/** Long enough to resist guessing; Vietnamese letters are welcome (normalised to NFC before hashing). */
export const PasswordSchema = z.string().min(10, 'use at least 10 characters').max(256);

export const AccountSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  role: AccountRoleSchema,
  disabled: z.boolean(),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

export const SessionInfoSchema = z.strictObject({
  username: z.string(),
  displayName: z.string(),
  role: AccountRoleSchema,
  /** Idle time after which the session ends; the console signs out locally at the same moment. */
  idleTimeoutMs: z.number().int().positive(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** A signed-in answer: the token lets the same page resume after its connection drops. */
export const SignedInSchema = z.strictObject({ session: SessionInfoSchema, token: z.string() });
export type SignedIn = z.infer<typeof SignedInSchema>;

export const AuthStatusSchema = z.strictObject({
  /** No account exists yet: the console asks for the first administrator. */
  needsSetup: z.boolean(),
  session: SessionInfoSchema.nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatusSchema>;

export const LoginRequestSchema = z.strictObject({ username: UsernameSchema, password: z.string().min(1).max(256) });
export const SetupRequestSchema = z.strictObject({ username: UsernameSchema, displayName: DisplayNameSchema, password: PasswordSchema });

export const AccountCreateSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: AccountRoleSchema,
  password: PasswordSchema,
});
export const AccountUpdateSchema = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema.optional(),
  role: AccountRoleSchema.optional(),
  disabled: z.boolean().optional(),
  /** A new password set by the administrator (the user's sessions end). */
  password: PasswordSchema.optional(),
});
