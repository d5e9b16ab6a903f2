import type { ChannelSpec } from '../../../common/channel-spec.js';
import { invokeChannels, isInvokeChannel, type InvokeChannel } from '../../../common/contract.js';
import type { AppError, Result } from '../../../common/result.js';
import type { AuditTable } from '../../../node-common/audit/audit-table.js';
import { commandDetail, commandTarget, originOf, resultText } from '../audit/describe.js';
import type { CoreClient } from '../client.js';
import type { Logger } from '../../../node-common/log.js';
import { summaryText, type RefusalSummary, type RefusalWindow } from '../../../node-common/audit/refusal-summary.js';
import type { ConsoleAuth, SessionEnd } from './console-auth.js';

/** What WallCore asks before and after every command (see WallCore.setGate). */
export interface CoreGate {
  /** null when the client may call `channel` now; otherwise why not. Screens never sign in. */
  authorize(client: CoreClient, channel: InvokeChannel): AppError | null;
  /** Run a command and write it to the audit log (reads only when refused). */
  audited(client: CoreClient, channel: unknown, payload: unknown, run: () => Promise<Result<unknown>>): Promise<Result<unknown>>;
}

/** Where a client's refusals are counted together: its address, or (the app's own windows) its connection. */
const sourceOf = (client: CoreClient): string => client.address ?? originOf(client);

export function createGate(auth: ConsoleAuth, audit: AuditTable, log: Logger, refusals: RefusalSummary): CoreGate {
  const who = (client: CoreClient): { actor: string; role: string } => {
    if (client.role === 'screen') return { actor: `screen ${client.screenId ?? '?'}`, role: 'screen' };
    const session = auth.sessionOf(client);
    return session ? { actor: session.username, role: session.role } : { actor: '-', role: '-' };
  };

  return {
    authorize(client, channel): AppError | null {
      const spec: ChannelSpec = invokeChannels[channel];
      if (client.role !== 'console' || !spec.users) return null;
      const hadSession = auth.hadSession(client);
      const session = auth.sessionOf(client);
      if (!session) {
        if (hadSession) return { code: 'auth/session-expired', message: 'The session timed out; sign in again.' };
        return { code: 'auth/not-signed-in', message: `Sign in to do ${channel}.`, params: { channel } };
      }
      if (!spec.users.includes(session.role)) {
        // The page words it from params (roles as ids it translates); the message is for logs.
        return {
          code: 'forbidden',
          message: `Account "${session.username}" (${session.role}) may not do ${channel}; it needs the role ${spec.users.join(' or ')}.`,
          params: { username: session.username, role: session.role, channel, roles: spec.users.join(',') },
        };
      }
      if (!spec.quiet) auth.sessions.touch(session);
      return null;
    },

    async audited(client, channel, payload, run) {
      const before = who(client);
      const result = await run();
      const quiet = isInvokeChannel(channel) && (invokeChannels[channel] as ChannelSpec).quiet === true;
      if (quiet && result.ok) return result;
      if (!result.ok) {
        // A console asks before anyone signs in (its first status reads): not an event worth a red row.
        if (result.error.code === 'auth/not-signed-in') return result;
        // Repeated refusals from one source are counted into one summary row a minute. A wrong password
        // is always written: the sign-in backoff already bounds how often it can happen.
        if (result.error.code !== 'auth/bad-credentials' && !refusals.admit(sourceOf(client), `${String(channel).slice(0, 40)}: ${result.error.code}`)) return result;
      }
      const after = who(client);
      const { actor, role } = after.actor !== '-' ? after : before;
      try {
        audit.append({
          actor,
          role,
          action: String(channel).slice(0, 80),
          target: commandTarget(payload),
          detail: commandDetail(payload),
          origin: originOf(client),
          ok: result.ok,
          result: resultText(result),
        });
      } catch (err) {
        log.error('could not write the audit log', { channel: String(channel).slice(0, 80), error: String(err) });
      }
      return result;
    },
  };
}

const ENDED: Record<SessionEnd, string> = {
  idle: 'ok: signed out after the idle timeout or the session\'s maximum lifetime',
  'account changed': 'ok: signed out because an administrator changed the account',
  'password changed': 'ok: signed out because the account\'s password was changed',
};

/** The audit entry for a session that ended by itself or because its account changed. */
export function recordSessionEnd(audit: AuditTable, session: { username: string; role: string }, why: SessionEnd): void {
  audit.append({
    actor: session.username,
    role: session.role,
    action: why === 'idle' ? 'auth:timeout' : 'auth:ended',
    target: session.username,
    detail: null,
    origin: 'core',
    ok: true,
    result: ENDED[why],
  });
}

/** The audit entry for refusals from one source that were counted instead of written one by one. */
export function recordRefusals(audit: AuditTable, w: RefusalWindow): void {
  audit.append({
    actor: '-',
    role: '-',
    action: 'refusals:summary',
    target: w.source.slice(0, 200),
    detail: JSON.stringify({ count: w.count, from: w.from, to: w.to, examples: w.examples }),
    origin: w.source.slice(0, 200),
    ok: false,
    result: summaryText(w),
  });
}
