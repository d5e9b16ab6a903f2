import { z } from 'zod';
import {
  AccountCreateSchema,
  AccountSchema,
  AccountUpdateSchema,
  AuthStatusSchema,
  LoginRequestSchema,
  PasswordSchema,
  SessionInfoSchema,
  SetupRequestSchema,
  SignedInSchema,
  UsernameSchema,
} from './auth.js';
import { AuditPageSchema, AuditQuerySchema, AuditVerifySchema, type AuditQuery } from './audit.js';
import { ADMINS, EVERYONE, LEADERS, type ChannelSpec } from './channel-spec.js';
import { layoutBridgeInvokes, layoutChannels } from './layout-contract.js';
import { overrideBridgeInvokes, overrideChannels } from './overrides-contract.js';
import { scenarioBridgeInvokes, scenarioLibraryChannels, type LeaderChannel } from './scenario-console-contract.js';
import type { InvokeMaker } from './bind-bridge.js';

// The console's own channels (accounts, sessions, audit), merged into invokeChannels by contract.ts.

const empty = z.strictObject({});

export const consoleChannels = {
  'auth:status': { request: empty, response: AuthStatusSchema, roles: ['console'], quiet: true },
  /** Only while no account exists: creates the first administrator and signs them in. */
  'auth:setup': { request: SetupRequestSchema, response: SignedInSchema, roles: ['console'] },
  'auth:login': { request: LoginRequestSchema, response: SignedInSchema, roles: ['console'] },
  /** The same page after its connection dropped: the token from login, while the session is not idle. */
  'auth:resume': { request: z.strictObject({ token: z.string().min(1).max(100) }), response: SignedInSchema, roles: ['console'] },
  'auth:logout': { request: empty, response: z.null(), roles: ['console'] },
  /** The current session (null: signed out or timed out); touch: the person is active at the console. */
  'auth:session': { request: z.strictObject({ touch: z.boolean() }), response: SessionInfoSchema.nullable(), roles: ['console'], quiet: true },
  'auth:changePassword': {
    request: z.strictObject({ current: z.string().min(1).max(256), next: PasswordSchema }),
    response: z.null(),
    roles: ['console'],
    users: EVERYONE,
  },
  'accounts:list': { request: empty, response: z.array(AccountSchema), roles: ['console'], users: ADMINS, quiet: true },
  'accounts:create': { request: AccountCreateSchema, response: AccountSchema, roles: ['console'], users: ADMINS },
  'accounts:update': { request: AccountUpdateSchema, response: AccountSchema, roles: ['console'], users: ADMINS },
  'accounts:remove': { request: z.strictObject({ username: UsernameSchema }), response: z.null(), roles: ['console'], users: ADMINS },
  'audit:query': { request: AuditQuerySchema, response: AuditPageSchema, roles: ['console'], users: LEADERS, quiet: true },
  'audit:verify': { request: empty, response: AuditVerifySchema, roles: ['console'], users: LEADERS },
  ...layoutChannels,
  ...overrideChannels,
  ...scenarioLibraryChannels,
} as const satisfies Record<string, ChannelSpec>;

/** The console channels plus the leader's scenario commands, which contract.ts declares itself. */
export type ConsoleChannel = keyof typeof consoleChannels | LeaderChannel;
type Req<C extends keyof typeof consoleChannels> = z.input<(typeof consoleChannels)[C]['request']>;

/** The console bridge functions, each tied to its one channel (never a pass-through); bound with the wall's in contract.ts. */
export const consoleBridgeInvokes = {
  authStatus: () => ['auth:status', {}],
  setupAdmin: (req: Req<'auth:setup'>) => ['auth:setup', req],
  login: (username: string, password: string) => ['auth:login', { username, password }],
  resumeSession: (token: string) => ['auth:resume', { token }],
  logout: () => ['auth:logout', {}],
  session: (touch: boolean) => ['auth:session', { touch }],
  changePassword: (current: string, next: string) => ['auth:changePassword', { current, next }],
  listAccounts: () => ['accounts:list', {}],
  createAccount: (req: Req<'accounts:create'>) => ['accounts:create', req],
  updateAccount: (req: Req<'accounts:update'>) => ['accounts:update', req],
  removeAccount: (username: string) => ['accounts:remove', { username }],
  queryAudit: (query: AuditQuery) => ['audit:query', query],
  verifyAudit: () => ['audit:verify', {}],
  ...layoutBridgeInvokes,
  ...overrideBridgeInvokes,
  ...scenarioBridgeInvokes,
} as const satisfies Record<string, InvokeMaker<ConsoleChannel>>;
