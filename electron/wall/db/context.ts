import type Database from 'better-sqlite3';
import type { DbEmitter } from './events.js';
import type { Logger } from '../../../node-common/db/logger.js';
import type { Statements } from './statements.js';

/** What each table's functions share. */
export interface TableContext {
  db: Database.Database;
  statements: Statements;
  emitter: DbEmitter;
  logger: Logger;
  now: () => number;
}
