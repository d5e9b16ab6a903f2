import type Database from 'better-sqlite3';
import type { AuditEntry, AuditPage, AuditQuery } from '../../common/audit.js';
import { AuditQuerySchema } from '../../common/audit.js';
import { GENESIS_HASH, rowHash, type ChainedContent } from './chain.js';

// The audit_log table, the same in the wall node's database and the hub's. Append-only: this module
// has no UPDATE or DELETE, and triggers in each migration refuse them from anywhere else. Appends read
// the last hash and insert in one write transaction, so two writers cannot fork the chain.

/** A row as stored: the chained content with ok as 0/1, and the links. */
export type AuditRow = Omit<ChainedContent, 'ok'> & { ok: number; prev_hash: string; hash: string };

/** The table's columns (every key of AuditRow, checked), to recognise a database written by another version. */
export const AUDIT_COLUMNS: readonly string[] = Object.keys({
  seq: 1, at: 1, actor: 1, role: 1, action: 1, target: 1, detail: 1, origin: 1, ok: 1, result: 1, prev_hash: 1, hash: 1,
} satisfies Record<keyof AuditRow, 1>);

export type NewAuditEntry = Omit<ChainedContent, 'seq' | 'at'> & { at?: number };

export interface AuditTable {
  append(entry: NewAuditEntry): AuditEntry;
  query(filter: AuditQuery): AuditPage;
  /** Every row in order, for verification; rows are read lazily. */
  rows(): IterableIterator<AuditRow>;
}

export function toEntry(row: AuditRow): AuditEntry {
  const { prev_hash: _prev, ok, ...rest } = row;
  return { ...rest, ok: ok === 1 };
}

export function auditTable(db: Database.Database, now: () => number): AuditTable {
  const s = {
    last: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
    insert: db.prepare<AuditRow>(
      `INSERT INTO audit_log (seq, at, actor, role, action, target, detail, origin, ok, result, prev_hash, hash)
       VALUES (@seq, @at, @actor, @role, @action, @target, @detail, @origin, @ok, @result, @prev_hash, @hash)`,
    ),
    all: db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq'),
  };

  const appendTx = db.transaction((entry: NewAuditEntry): AuditEntry => {
    const last = s.last.get();
    const content: ChainedContent = { ...entry, seq: (last?.seq ?? 0) + 1, at: entry.at ?? now() };
    const prev = last?.hash ?? GENESIS_HASH;
    const row: AuditRow = { ...content, ok: content.ok ? 1 : 0, prev_hash: prev, hash: rowHash(content, prev) };
    s.insert.run(row);
    return toEntry(row);
  });

  return {
    append: (entry) => appendTx.immediate(entry),
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
