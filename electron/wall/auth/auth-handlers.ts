import type { InvokeRequest } from '../../../common/contract.js';
import { fail, ok } from '../../../common/result.js';
import type { AuditTable } from '../../../node-common/audit/audit-table.js';
import type { CoreHandlers } from '../core-handlers.js';
import type { ConsoleAuth } from './console-auth.js';
import { toAccount, type UsersTable } from './users-table.js';

// The console's sign-in, account and audit channels. WallCore has already checked the payload and,
// for channels with `users`, the signed-in role.

const busy = () => fail('auth/busy', 'Too many password changes at once; try again in a few seconds.');

export function authHandlers(auth: ConsoleAuth, users: UsersTable, audit: AuditTable): CoreHandlers {
  const account = (username: string) => {
    const row = users.get(username);
    return row ? ok(toAccount(row)) : fail('accounts/unknown', `no account "${username}"`);
  };

  return {
    'auth:status': (client) => ok({ needsSetup: auth.needsSetup(), session: auth.info(client, false) }),
    'auth:setup': (client, req: InvokeRequest<'auth:setup'>) => auth.setup(client, req),
    'auth:login': (client, req: InvokeRequest<'auth:login'>) => auth.login(client, req.username, req.password),
    'auth:resume': (client, req: InvokeRequest<'auth:resume'>) => auth.resume(client, req.token),
    'auth:logout': (client) => {
      auth.logout(client);
      return ok(null);
    },
    'auth:session': (client, req: InvokeRequest<'auth:session'>) => ok(auth.info(client, req.touch)),
    'auth:changePassword': (client, req: InvokeRequest<'auth:changePassword'>) => auth.changePassword(client, req.current, req.next),

    'accounts:list': () => ok(users.list()),
    'accounts:create': async (_client, req: InvokeRequest<'accounts:create'>) => {
      const passwordHash = await auth.hashPassword(req.password);
      if (passwordHash === null) return busy();
      const created = users.insert({ username: req.username, displayName: req.displayName, role: req.role, passwordHash });
      return created.ok ? account(req.username) : created;
    },
    'accounts:update': async (_client, req: InvokeRequest<'accounts:update'>) => {
      const passwordHash = req.password === undefined ? undefined : await auth.hashPassword(req.password);
      if (passwordHash === null) return busy();
      const updated = users.update(req.username, {
        ...(req.displayName === undefined ? {} : { displayName: req.displayName }),
        ...(req.role === undefined ? {} : { role: req.role }),
        ...(req.disabled === undefined ? {} : { disabled: req.disabled }),
        ...(passwordHash === undefined ? {} : { passwordHash }),
      });
      if (!updated.ok) return updated;
      auth.accountChanged(req.username, {
        ended: req.disabled === true || passwordHash !== undefined,
        ...(req.displayName === undefined ? {} : { displayName: req.displayName }),
        ...(req.role === undefined ? {} : { role: req.role }),
      });
      return account(req.username);
    },
    'accounts:remove': (_client, req: InvokeRequest<'accounts:remove'>) => {
      const removed = users.remove(req.username);
      if (removed.ok) auth.accountChanged(req.username, { ended: true });
      return removed;
    },

    'audit:query': (_client, req: InvokeRequest<'audit:query'>) => ok(audit.query(req)),
    'audit:verify': () => ok(audit.verify()),
  };
}
