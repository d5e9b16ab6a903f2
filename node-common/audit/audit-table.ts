import type Database from 'better-sqlite3';
import type { AuditEntry, AuditPage, AuditQuery } from '../../common/audit.js';
import { AuditQuerySchema } from '../../common/audit.js';
import type { AuditVerification } from '../../common/audit.js';
import { readAnchors } from './anchor.js';
import type { AuditKeyring } from './audit-key.js';
import { verifyRows } from './verify.js';
import { handOverRow, nextRows, type AuditHead, type AuditRow, type NewAuditEntry } from './next-rows.js';
import { AUDIT_COLUMN_NAMES, auditInsertSql } from './schema.js';

export type { AuditRow, NewAuditEntry } from './next-rows.js';

// The audit_log table, the same in the wall node's database and the hub's. Append-only: this module
// has no UPDATE or DELETE, and triggers in each migration refuse them from anywhere else. Appends read
// the last hash and insert in one write transaction, so two writers cannot fork the chain. With a
// keyring every new row is signed (HMAC) with its current key; without one (tests, read-only use) rows
// are SHA-256 linked as before, and a keyed chain refuses to be extended.

/** The table's columns (every key of AuditRow, checked), to recognise a database written by another version. */
export const AUDIT_COLUMNS: readonly string[] = Object.keys({
  seq: 1, at: 1, actor: 1, role: 1, action: 1, target: 1, detail: 1, origin: 1, ok: 1, result: 1, prev_hash: 1, hash: 1, key_id: 1,
} satisfies Record<keyof AuditRow, 1>);
if (AUDIT_COLUMNS.join() !== AUDIT_COLUMN_NAMES.join()) throw new Error('audit-table.ts and schema.ts disagree on the audit_log columns');

export interface AuditTable {
  append(entry: NewAuditEntry): AuditEntry;
  query(filter: AuditQuery): AuditPage;
  /** Every row in order, for verification; rows are read lazily. */
  rows(): IterableIterator<AuditRow>;
  /** The last row's link, or null for an empty log. */
  head(): AuditHead | null;
  /** The first row signed with a key, or null while none is. */
  keyedFrom(): number | null;
  /** Write the hand-over row a start with a (new) key needs: "audit:keyed" after older SHA-256 rows, "audit:key-rotated" after an older key's. */
  seal(): AuditRow | null;
  /** The whole chain checked with this table's keys and anchors (verify.ts). */
  verify(): AuditVerification;
  readonly keys: AuditKeyring | null;
  readonly anchorFile: string | null;
}

export interface AuditTableOptions {
  /** Sign new rows with its current key; without, rows are plain SHA-256 (and a keyed chain cannot be extended). */
  keys?: AuditKeyring | null;
  /** Where anchor.ts writes the head, for verify(). */
  anchorFile?: string | null;
}

export function toEntry(row: AuditRow): AuditEntry {
  const { prev_hash: _prev, key_id: _key, ok, ...rest } = row;
  return { ...rest, ok: ok === 1 };
}

export function auditTable(db: Database.Database, now: () => number, options: AuditTableOptions = {}): AuditTable {
  const keys = options.keys ?? null;
  const s = {
    last: db.prepare<[], AuditHead>('SELECT seq, hash, key_id, action, target FROM audit_log ORDER BY seq DESC LIMIT 1'),
    keyedFrom: db.prepare<[], { seq: number | null }>('SELECT MIN(seq) AS seq FROM audit_log WHERE key_id IS NOT NULL'),
    insert: db.prepare<AuditRow>(auditInsertSql('sqlite')),
    all: db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq'),
  };

  const appendTx = db.transaction((entry: NewAuditEntry): AuditEntry => {
    const rows = nextRows(s.last.get() ?? null, entry, keys, now());
    for (const row of rows) s.insert.run(row);
    return toEntry(rows.at(-1)!);
  });
  const sealTx = db.transaction((): AuditRow | null => {
    const row = handOverRow(s.last.get() ?? null, keys, now());
    if (row) s.insert.run(row);
    return row;
  });
  let keyedFrom: number | null = null;

  return {
    keys,
    anchorFile: options.anchorFile ?? null,
    append: (entry) => appendTx.immediate(entry),
    head: () => s.last.get() ?? null,
    keyedFrom: () => (keyedFrom ??= s.keyedFrom.get()?.seq ?? null),
    seal: () => sealTx.immediate(),
    verify: () => {
      const file = options.anchorFile ?? null;
      return verifyRows(s.all.iterate(), { keys, anchors: file && keys ? readAnchors(file, keys) : null, anchorFile: file });
    },
    query(input) {
      const f = AuditQuerySchema.parse(input);
      const where: string[] = [];
      const params: Record<string, string | number> = {};
      const add = (sql: string, name?: string, value?: string | number) => {
        where.push(sql);
        if (name !== undefined && value !== undefined) params[name] = value;
      };
      if (f.actor) add('actor = @actor', 'actor', f.actor);
      // LIKE with "%" and "_" escaped: the filter is a prefix, never a pattern.
      if (f.action) add("action LIKE @action ESCAPE '\\'", 'action', `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      if (f.from !== undefined) add('at >= @from', 'from', f.from);
      if (f.to !== undefined) add('at <= @to', 'to', f.to);
      if (f.problemsOnly) add('ok = 0');
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = db.prepare<Record<string, string | number>, { n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${clause}`).get(params)!.n;
      const paged = f.before === undefined ? clause : `${clause ? `${clause} AND` : 'WHERE'} seq < @before`;
      if (f.before !== undefined) params.before = f.before;
      const rows = db.prepare<Record<string, string | number>, AuditRow>(`SELECT * FROM audit_log ${paged} ORDER BY seq DESC LIMIT ${f.limit}`).all(params);
      return { entries: rows.map(toEntry), total };
    },
    rows: () => s.all.iterate(),
  };
}
