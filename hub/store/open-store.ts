import type { Logger } from '../../node-common/log.js';
import { pgAuditFiles } from '../../node-common/audit/anchor.js';
import { loadAuditKeys } from '../../node-common/audit/audit-key.js';
import { openHubDatabase } from '../db/open.js';
import type { HubStore } from './hub-store.js';
import { openPgStore } from './pg-store.js';
import { sqliteStore } from './sqlite-store.js';

// --store postgres://… shares the hub's state with other hubs; otherwise the SQLite file (the default).

export const isPgUrl = (spec: string): boolean => /^postgres(ql)?:\/\//.test(spec);

export interface StoreSpec {
  store?: string | undefined;
  dbFile: string;
  /** The audit key file (default beside --db: hub.audit-key, or hub-postgres.audit-key with --store). */
  auditKeyFile?: string | undefined;
}

export async function openStore(spec: StoreSpec, log: Logger, now: () => number = Date.now): Promise<HubStore> {
  if (spec.store !== undefined) {
    if (!isPgUrl(spec.store)) throw new Error(`--store takes postgres://user[:password]@host:port/database, not "${spec.store.slice(0, 100)}"; leave it out for the SQLite file (--db)`);
    // Without a data folder (tests: --db :memory:) and no --audit-key the shared chain stays plain SHA-256.
    const files = spec.dbFile === ':memory:' ? null : pgAuditFiles(spec.dbFile);
    const keyFile = spec.auditKeyFile ?? files?.key;
    if (!keyFile) {
      log.warn('the audit log on PostgreSQL is not keyed: give every hub the same --audit-key file (docs/security.md)');
      return openPgStore(spec.store, log, now);
    }
    const keys = loadAuditKeys(keyFile, true);
    if (!keys.ok) throw new Error(keys.error.message);
    return openPgStore(spec.store, log, now, { keys: keys.value, anchorFile: files?.anchor ?? null });
  }
  const opened = openHubDatabase(spec.dbFile, log, now, spec.auditKeyFile);
  if (!opened.ok) throw new Error(opened.error.message);
  return sqliteStore(opened.value);
}
