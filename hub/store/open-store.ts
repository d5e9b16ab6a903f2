import type { Logger } from '../../node-common/log.js';
import { openHubDatabase } from '../db/open.js';
import type { HubStore } from './hub-store.js';
import { openPgStore } from './pg-store.js';
import { sqliteStore } from './sqlite-store.js';

// --store postgres://… shares the hub's state with other hubs; otherwise the SQLite file (the default).

export const isPgUrl = (spec: string): boolean => /^postgres(ql)?:\/\//.test(spec);

export async function openStore(spec: { store?: string | undefined; dbFile: string }, log: Logger, now: () => number = Date.now): Promise<HubStore> {
  if (spec.store !== undefined) {
    if (!isPgUrl(spec.store)) throw new Error(`--store takes postgres://user[:password]@host:port/database, not "${spec.store.slice(0, 100)}"; leave it out for the SQLite file (--db)`);
    return openPgStore(spec.store, log, now);
  }
  const opened = openHubDatabase(spec.dbFile, log, now);
  if (!opened.ok) throw new Error(opened.error.message);
  return sqliteStore(opened.value);
}
