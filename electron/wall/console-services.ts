import { z } from 'zod';
import { authHandlers } from './auth/auth-handlers.js';
import { ConsoleAuth } from './auth/console-auth.js';
import { RefusalSummary } from '../../node-common/audit/refusal-summary.js';
import { createGate, recordRefusals, recordSessionEnd } from './auth/gate.js';
import type { ScryptParams } from './auth/password.js';
import { DEFAULT_IDLE_MS } from './auth/sessions.js';
import type { AppDatabase } from './db/open.js';
import { layoutHandlers } from './layouts/layout-handlers.js';
import { libraryHandlers } from './scenarios/library-handlers.js';
import { procedureHandlers } from './procedure/procedure-handlers.js';
import { keepProcedure } from './procedure/procedure-keeper.js';
import { installOverrides } from './overrides/override-handlers.js';
import type { Logger } from '../../node-common/log.js';
import type { WallCore } from './wall-core.js';

// Accounts, sessions, role checks and the audit log, installed on a core by startApp.

export interface ConsoleServiceOptions {
  /** Default: the "auth.idleTimeoutMinutes" setting, else 30 minutes. */
  idleTimeoutMs?: number;
  now?: () => number;
  scrypt?: ScryptParams;
}

export interface ConsoleServices {
  auth: ConsoleAuth;
  /** Refusals counted into summary rows; flush(true) writes the open windows now. */
  refusals: RefusalSummary;
  close(): void;
}

export const IDLE_SETTING = 'auth.idleTimeoutMinutes';

export function installConsoleServices(core: WallCore, db: AppDatabase, log: Logger, o: ConsoleServiceOptions = {}): ConsoleServices {
  const minutes = db.settings.get(IDLE_SETTING, z.number().int().min(1).max(24 * 60));
  const idleMs = o.idleTimeoutMs ?? (minutes === null ? DEFAULT_IDLE_MS : minutes * 60_000);
  const auth = new ConsoleAuth({
    users: db.users,
    idleMs,
    now: o.now ?? Date.now,
    ...(o.scrypt ? { params: o.scrypt } : {}),
    attempts: db.loginAttempts,
    onEnded: (session, why) => {
      log.info('session ended', { user: session.username, why });
      recordSessionEnd(db.audit, session, why);
    },
  });
  const refusals = new RefusalSummary({
    now: o.now ?? Date.now,
    write: (w) => {
      try {
        recordRefusals(db.audit, w);
      } catch (err) {
        log.error('could not write the audit log', { action: 'refusals:summary', error: String(err) });
      }
    },
  });
  core.setGate(createGate(auth, db.audit, log, refusals));
  core.addHandlers(authHandlers(auth, db.users, db.audit));
  core.addHandlers(layoutHandlers(core, db, db.drafts, auth));
  core.addHandlers(libraryHandlers(core, db.scenarioLibrary, db.scenarioDrafts, auth));
  core.addHandlers(procedureHandlers(core, db.procedures, o.now));
  const procedure = keepProcedure({ core, table: db.procedures, audit: db.audit, log: log.child('procedure'), ...(o.now ? { now: o.now } : {}) });
  const overrides = installOverrides(core, auth, db.audit, log.child('overrides'), o.now);
  core.addHandlers(overrides.handlers);
  // Scenarios reach the wall from the hub too (another console, the REST API, a confirmed proposal): each is logged here.
  const stopScenarioLog = core.onChange((state, change) => {
    const s = change.scenario;
    if (!s) return;
    db.audit.append({
      actor: s.activatedBy.name,
      role: s.activatedBy.role,
      action: 'scenario:applied',
      target: s.id,
      detail: JSON.stringify({ hubRevision: s.revision, source: s.source, layout: state.layout.id }),
      origin: s.local ? 'core (this wall only)' : 'hub',
      ok: true,
      result: `ok: revision ${state.revision}`,
    });
  });
  // Idle sessions are ended (and logged) within a minute even when nobody sends anything.
  const sweep = setInterval(() => auth.sweep(), Math.min(60_000, idleMs));
  sweep.unref();
  if (auth.needsSetup()) log.warn('no console account exists yet: the first person to open the console creates the administrator');
  return {
    auth,
    refusals,
    close: () => {
      clearInterval(sweep);
      refusals.close();
      stopScenarioLog();
      procedure.close();
      overrides.close();
    },
  };
}
