import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../common/audit.js';
import type { AuditTable, NewAuditEntry } from '../../node-common/audit/audit-table.js';

// The hub writes the shared, hash-chained audit_log (node-common/audit). Here its own ways of saying
// things are mapped onto that row: a role that may be unknown, detail as an object, success read from
// the result; and back for GET /api/audit, whose shape docs/protocol.md §11 fixes.

/** What hub code writes: an unknown role (a refused token) is null, detail is an object. */
export type HubAuditInput = Omit<NewAuditEntry, 'role' | 'detail' | 'ok'> & {
  at: number;
  role: string | null;
  detail?: Record<string, unknown>;
};

/** An entry as GET /api/audit shows it. */
export interface HubAuditView {
  seq: number;
  at: number;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  origin: string;
  result: string;
  detail?: Record<string, unknown>;
}

/** The wall node's "nobody signed in" role, for a token the hub did not recognise. */
const NO_ROLE = '-';
/** The hub's results start with what happened: "refused: …", "failed: …" and "partial: …" are problems. */
const PROBLEM = /^(refused|failed|partial)\b/;

function chained(e: Omit<HubAuditInput, 'detail'>, detail: string | null): NewAuditEntry {
  return { at: e.at, actor: e.actor, role: e.role ?? NO_ROLE, action: e.action, target: e.target, detail, origin: e.origin, ok: !PROBLEM.test(e.result), result: e.result };
}

export function hubAuditEntry(e: HubAuditInput): NewAuditEntry {
  return chained(e, e.detail ? JSON.stringify(e.detail) : null);
}

export function hubAuditView(e: AuditEntry): HubAuditView {
  let detail: Record<string, unknown> | undefined;
  try {
    detail = e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : undefined;
  } catch {
    detail = { unreadable: e.detail };
  }
  const role = e.role === NO_ROLE ? null : e.role;
  return { seq: e.seq, at: e.at, actor: e.actor, role, action: e.action, target: e.target, origin: e.origin, result: e.result, ...(detail ? { detail } : {}) };
}

/** A row of the audit_log an older hub wrote (its migration 1), kept aside by migration 2. */
type UnchainedRow = Omit<HubAuditView, 'seq' | 'detail'> & { detail_json: string | null };

/**
 * Append the rows an older hub wrote to the chain, oldest first, and drop the table that held them,
 * in one transaction: interrupted, nothing is lost and the next open does it again. Returns how many.
 */
export function chainOlderAuditRows(db: Database.Database, audit: AuditTable): number {
  const pending = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log_unchained'").get();
  if (!pending) return 0;
  return db
    .transaction(() => {
      // Older rows must come first in the chain; newer ones cannot exist yet, as this runs before any write.
      if (db.prepare('SELECT 1 FROM audit_log LIMIT 1').get()) {
        throw new Error('audit_log already has rows while audit_log_unchained still holds older ones; move this file aside and report it');
      }
      const rows = db.prepare<[], UnchainedRow>('SELECT at, actor, role, action, target, origin, result, detail_json FROM audit_log_unchained ORDER BY seq').all();
      for (const row of rows) audit.append(chained(row, row.detail_json));
      db.exec('DROP TABLE audit_log_unchained');
      return rows.length;
    })
    .immediate();
}
