import { createHash } from 'node:crypto';

// Each audit row's hash covers its own content and the previous row's hash, so changing, inserting or
// removing a row anywhere breaks every later link. Canonical content: a JSON array in fixed column order.

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

export function canonical(row: ChainedContent): string {
  return JSON.stringify([row.seq, row.at, row.actor, row.role, row.action, row.target, row.detail, row.origin, row.ok ? 1 : 0, row.result]);
}

export function rowHash(row: ChainedContent, prevHash: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(row)).digest('hex');
}
