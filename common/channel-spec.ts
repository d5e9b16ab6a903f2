import type { z } from 'zod';
import type { AccountRole } from './auth.js';

export type ClientRole = 'screen' | 'console';

/**
 * One invoke channel of the contract. `roles`: which kind of window may call it. `users`: which signed-in
 * roles may call it from a console (absent: no sign-in needed, e.g. the snapshot and signing in itself);
 * screens never sign in. `quiet`: a read that the audit log records only when it is refused.
 */
export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
  roles: readonly ClientRole[];
  users?: readonly AccountRole[];
  quiet?: true;
}

export const EVERYONE = ['operator', 'leader', 'technician', 'admin'] as const satisfies readonly AccountRole[];
export const ARRANGERS = ['operator', 'admin'] as const satisfies readonly AccountRole[];
/** Who may put cameras on the wall by hand: the operators on shift and the leaders directing them. */
export const CAMERA_HANDLERS = ['operator', 'leader', 'admin'] as const satisfies readonly AccountRole[];
export const LEADERS = ['leader', 'admin'] as const satisfies readonly AccountRole[];
export const TECHNICIANS = ['technician', 'admin'] as const satisfies readonly AccountRole[];
export const ADMINS = ['admin'] as const satisfies readonly AccountRole[];
