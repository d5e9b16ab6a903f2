import { GENESIS_HASH, rowHash } from '../../node-common/audit/chain.js';
import type { AuditRow } from '../../node-common/audit/next-rows.js';

// The forgery of issue 14, as someone with write access to the database but not the key would do it:
// change one row, remove another, renumber the rows after it and recompute every link with SHA-256
// (the only hash they can compute), from the first row they touched on. The rows go back with the
// triggers dropped and recreated around the write (the engine-specific part, in each test).

export interface Forgery {
  /** Row whose result is changed. */
  edit: number;
  /** Row removed. */
  remove: number;
  /** Rewrite the rows as plain SHA-256 rows (key_id NULL) instead of keeping their key ids. */
  asUnkeyed?: boolean;
  /** Recompute from this row on (default: the first row touched); 1 recomputes the whole chain. */
  from?: number;
}

export function forgeRows(rows: readonly AuditRow[], f: Forgery): AuditRow[] {
  const from = f.from ?? Math.min(f.edit, f.remove);
  const kept = rows.filter((r) => r.seq !== f.remove).map((r) => (r.seq === f.edit ? { ...r, result: 'refused: nothing happened here' } : { ...r }));
  let prev = GENESIS_HASH;
  return kept.map((row, i) => {
    const seq = i + 1;
    if (seq < from) {
      prev = row.hash;
      return row;
    }
    const content = { ...row, seq, ok: row.ok === 1 };
    const forged: AuditRow = { ...row, seq, prev_hash: prev, hash: rowHash(content, prev), key_id: f.asUnkeyed ? null : row.key_id };
    prev = forged.hash;
    return forged;
  });
}
