import { keyringFind, type AuditKeyring } from './audit-key.js';
import { GENESIS_HASH, rowHash, rowMac, type AuditKey, type ChainedContent } from './chain.js';

// What the next row(s) of the chain are, the same for every engine (audit-table.ts for SQLite,
// hub/store/pg-store.ts for PostgreSQL): the caller reads the head and inserts the result in one
// transaction. When the chain's key changes a hand-over row comes first: "audit:keyed" (signed by the
// new key, its link sealing the older SHA-256 rows) or "audit:key-rotated" (signed by the old key,
// naming the new one), so the verifier knows from the chain itself which key signs what.

/** A row as stored: the chained content with ok as 0/1, the links, and the key id (NULL: SHA-256). */
export type AuditRow = Omit<ChainedContent, 'ok'> & { ok: number; prev_hash: string; hash: string; key_id: string | null };

export type AuditHead = Pick<AuditRow, 'seq' | 'hash' | 'key_id' | 'action' | 'target'>;

/** The key rows after this one must be signed with: a rotation row names it as its target. */
export const keyAfter = (row: Pick<AuditRow, 'key_id' | 'action' | 'target'>): string | null => (row.action === ROTATED_ACTION && row.key_id !== null ? row.target : row.key_id);

export type NewAuditEntry = Omit<ChainedContent, 'seq' | 'at'> & { at?: number };

export const KEYED_ACTION = 'audit:keyed';
export const ROTATED_ACTION = 'audit:key-rotated';

export function signedRow(content: ChainedContent, prev: string, key: AuditKey | null): AuditRow {
  const hash = key ? rowMac(key, content, prev) : rowHash(content, prev);
  return { ...content, ok: content.ok ? 1 : 0, prev_hash: prev, hash, key_id: key?.id ?? null };
}

/** The hand-over row the head needs before anything else is signed with the current key, or null. */
export function handOverRow(head: AuditHead | null, keys: AuditKeyring | null, at: number): AuditRow | null {
  const chainKey = head && keyAfter(head);
  if (!head || chainKey === (keys?.current.id ?? null)) return null;
  if (!keys) throw new Error(`the audit log is keyed (row ${head.seq} is signed with key "${chainKey}"): it cannot be written without its key file`);
  const base = { seq: head.seq + 1, at, actor: 'system', role: 'system', origin: 'audit', ok: true, result: 'ok' };
  if (chainKey === null) {
    // The older SHA-256 rows stay as they are, verifiable as before; this row's MAC seals them.
    const content = { ...base, action: KEYED_ACTION, target: keys.current.id, detail: JSON.stringify({ unkeyedRows: head.seq, key: keys.current.id }) };
    return signedRow(content, head.hash, keys.current);
  }
  const old = keyringFind(keys, chainKey);
  if (!old || keys.keys.indexOf(old) > keys.keys.indexOf(keys.current)) {
    throw new Error(
      `the audit log's last row (${head.seq}) hands on to key "${chainKey}", which is not an older key in "${keys.file}" (current "${keys.current.id}"): ` +
        'use the key file the other wall node or hub writes with (every hub on one database needs the same file)',
    );
  }
  const content = { ...base, action: ROTATED_ACTION, target: keys.current.id, detail: JSON.stringify({ from: old.id, to: keys.current.id }) };
  return signedRow(content, head.hash, old);
}

/** The rows to insert for one entry: a hand-over row when the key changes, then the entry signed with the current key. */
export function nextRows(head: AuditHead | null, entry: NewAuditEntry, keys: AuditKeyring | null, now: number): AuditRow[] {
  const handOver = handOverRow(head, keys, entry.at ?? now);
  const last = handOver ?? head;
  const content: ChainedContent = { ...entry, seq: (last?.seq ?? 0) + 1, at: entry.at ?? now };
  return [...(handOver ? [handOver] : []), signedRow(content, last?.hash ?? GENESIS_HASH, keys?.current ?? null)];
}
