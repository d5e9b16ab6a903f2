import type { AuditEntry } from './audit.js';

// The audit log as CSV for Excel: UTF-8 with a byte-order mark (Excel otherwise reads Vietnamese as
// ANSI), CRLF lines, RFC 4180 quoting, and formula-like cells neutralised so a crafted username or
// channel name cannot run as a formula when the file is opened.

export const CSV_BOM = '\uFEFF';
const COLUMNS = ['seq', 'time', 'actor', 'role', 'action', 'target', 'result', 'origin', 'detail', 'hash'] as const;
export type AuditCsvColumn = (typeof COLUMNS)[number];

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "2026-10-20 08:00:00" on the given clock (Vietnam by default), a form Excel reads as a date. */
export function csvTime(at: number, timeZone = 'Asia/Ho_Chi_Minh'): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(at));
}

export function auditCsv(entries: readonly AuditEntry[], headings: Record<AuditCsvColumn, string>, timeZone?: string): string {
  const rows = [COLUMNS.map((c) => csvCell(headings[c]))];
  for (const e of entries) {
    const values: Record<AuditCsvColumn, string | number | null> = {
      seq: e.seq,
      time: csvTime(e.at, timeZone),
      actor: e.actor,
      role: e.role,
      action: e.action,
      target: e.target,
      result: e.result,
      origin: e.origin,
      detail: e.detail,
      hash: e.hash,
    };
    rows.push(COLUMNS.map((c) => csvCell(values[c])));
  }
  return CSV_BOM + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
