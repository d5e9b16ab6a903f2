import { createHash, createHmac } from 'node:crypto';

// Each audit row's link covers its own content and the previous row's link, so changing, inserting or
// removing a row anywhere breaks every later link. Canonical content: a JSON array in fixed column order.
// Older rows are linked with SHA-256, which anyone can recompute; keyed rows with HMAC-SHA-256 under a
// key kept outside the database (audit-key.ts), which a writer of the database file cannot.

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  at: number;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  detail: string | null;
  origin: string;
  ok: boolean;
  result: string;
}

/** A chain key: its id is stored on every row it signs, its secret never in the database. */
export interface AuditKey {
  id: string;
  secret: Buffer;
}

export function canonical(row: ChainedContent): string {
  return JSON.stringify([row.seq, row.at, row.actor, row.role, row.action, row.target, row.detail, row.origin, row.ok ? 1 : 0, row.result]);
}

/** The unkeyed (legacy) link: SHA-256 of the previous link and the content. */
export function rowHash(row: ChainedContent, prevHash: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(row)).digest('hex');
}

/** The keyed link: HMAC-SHA-256 over the key id, the previous link and the content. */
export function rowMac(key: AuditKey, row: ChainedContent, prevHash: string): string {
  return createHmac('sha256', key.secret).update(`${key.id}\n${prevHash}\n`).update(canonical(row)).digest('hex');
}
