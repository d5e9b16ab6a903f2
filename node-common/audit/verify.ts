import type { AuditVerification } from '../../common/audit.js';
import type { AuditRow } from './audit-table.js';
import { GENESIS_HASH, rowHash } from './chain.js';

/**
 * Walk the chain from the first row and report the first row that does not hold: a gap in the
 * numbering (a row removed or inserted), a previous-hash link that does not match, or a hash that does
 * not match the row's content (a row altered). Rows after the first break are not trusted either.
 * Removing rows from the very end leaves no trace in the chain itself: compare `head` with a noted one.
 */
export function verifyRows(rows: Iterable<AuditRow>): AuditVerification {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    count++;
    const broken = (reason: string): AuditVerification => ({ ok: false, rows: count, seq: row.seq, reason });
    if (row.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing: the next row is numbered ${row.seq}`);
    if (row.prev_hash !== prev) return broken(`row ${row.seq} does not link to row ${row.seq - 1} (its previous hash differs)`);
    const content = { ...row, ok: row.ok === 1 };
    if (rowHash(content, row.prev_hash) !== row.hash) return broken(`row ${row.seq} was changed after it was written (its content does not match its hash)`);
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows: count, head: prev };
}
