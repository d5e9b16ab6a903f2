import type { AuditVerification } from '../../common/audit.js';
import type { Anchor, AnchorRead } from './anchor.js';
import { keyringFind, type AuditKeyring } from './audit-key.js';
import { GENESIS_HASH, rowHash, rowMac } from './chain.js';
import { keyAfter, ROTATED_ACTION, type AuditRow } from './next-rows.js';

// One verifier for every engine (verify-db.ts reads SQLite, verify-pg.ts PostgreSQL): rows are pushed
// in seq order and the first that does not hold is reported, with the kind of tamper and what to do.
// Checked: numbering without gaps, each link to the row before, each row's SHA-256 (older rows) or
// HMAC (keyed rows) and which key may sign it, and every anchor (anchor.ts): a row at an anchored seq
// must carry the anchored MAC, and the log must reach the last anchor (else its tail was cut).

export interface VerifyContext {
  /** null: no key file; keyed rows cannot be checked (reported as such). */
  keys: AuditKeyring | null;
  /** The anchor file's lines, or null when there is none. */
  anchors: AnchorRead | null;
  anchorFile?: string | null;
}

type Failure = Extract<AuditVerification, { ok: false }>;

const when = (at: number): string => new Date(at).toISOString();

export class ChainVerifier {
  private expectedSeq = 1;
  private prev = GENESIS_HASH;
  private count = 0;
  /** The key that signs the chain now, from the first keyed row on. */
  private chainKey: string | null = null;
  private keyedFrom: number | null = null;
  private readonly anchorAt = new Map<number, Anchor>();
  private readonly lastAnchor: Anchor | null;
  private readonly anchoredKeyedFrom: number | null;

  constructor(private readonly c: VerifyContext) {
    const anchors = c.anchors?.anchors ?? [];
    for (const a of anchors) this.anchorAt.set(a.seq, a);
    this.lastAnchor = anchors.reduce<Anchor | null>((best, a) => (best && best.seq >= a.seq ? best : a), null);
    this.anchoredKeyedFrom = anchors.length ? Math.min(...anchors.map((a) => a.keyedFrom)) : null;
  }

  /** The first problem this row shows, or null. */
  push(row: AuditRow): Failure | null {
    this.count++;
    const keyId = row.key_id ?? null;
    const broken = (kind: string, reason: string, seq = row.seq): Failure => ({ ok: false, rows: this.count, seq, kind, reason });
    if (row.seq !== this.expectedSeq) {
      return row.seq > this.expectedSeq
        ? broken('removed', `row(s) ${this.range(this.expectedSeq, row.seq - 1)} were removed (the next row is numbered ${row.seq})`, this.expectedSeq)
        : broken('inserted', `row ${row.seq} comes again after row ${this.expectedSeq - 1} (a row was inserted)`);
    }
    if (row.prev_hash !== this.prev) return broken('relinked', `row ${row.seq} does not link to row ${row.seq - 1} (a row before it was removed, inserted or replaced)`);
    const content = { ...row, ok: row.ok === 1 };
    if (keyId === null) {
      if (this.chainKey !== null) return broken('forged', `row ${row.seq} is plain SHA-256 after the chain was keyed at row ${this.keyedFrom}: it was rewritten by someone without the key (forged)`);
      if (this.anchoredKeyedFrom !== null && row.seq >= this.anchoredKeyedFrom) {
        return broken('forged', `row ${row.seq} is plain SHA-256 but the anchors say the chain is keyed from row ${this.anchoredKeyedFrom}: the keyed rows were rewritten without the key (forged)`);
      }
      if (rowHash(content, row.prev_hash) !== row.hash) return broken('changed', `row ${row.seq} was changed after it was written (its content does not match its hash)`);
    } else {
      if (this.chainKey !== null && keyId !== this.chainKey) {
        return broken('forged', `row ${row.seq} is signed with key "${keyId}" but the chain's key is "${this.chainKey}" and no ${ROTATED_ACTION} row hands it over (forged)`);
      }
      if (!this.c.keys) return broken('no-key', `row ${row.seq} is signed with key "${keyId}" and no audit key file was given: give it with --audit-key <file> to check the keyed rows`);
      const key = keyringFind(this.c.keys, keyId);
      if (!key) return broken('no-key', `row ${row.seq} is signed with key "${keyId}", which is not in "${this.c.keys.file}": give the key file that holds it (--audit-key)`);
      if (rowMac(key, content, row.prev_hash) !== row.hash) {
        return broken('changed', `row ${row.seq} was changed or forged: its MAC does not match (its content was edited, or its links recomputed without the key)`);
      }
      this.keyedFrom ??= row.seq;
      this.chainKey = keyAfter(row);
    }
    const anchor = this.anchorAt.get(row.seq);
    if (anchor && anchor.head !== row.hash) {
      return broken('rewritten', `row ${row.seq} differs from the anchor written ${when(anchor.at)}: the log was rewritten from row ${row.seq} or earlier (or cut and written again)`);
    }
    this.prev = row.hash;
    this.expectedSeq++;
    return null;
  }

  /** After the last row: the tail against the anchors, then the verdict. */
  finish(): AuditVerification {
    const last = this.expectedSeq - 1;
    const bad = this.c.anchors?.bad;
    if (bad) {
      return { ok: false, rows: this.count, seq: 0, kind: 'anchor', reason: `line ${bad.line} of the anchor file "${this.c.anchorFile ?? ''}" is not a signed anchor: ${bad.reason}` };
    }
    if (this.lastAnchor && this.lastAnchor.seq > last) {
      return {
        ok: false,
        rows: this.count,
        seq: last + 1,
        kind: 'truncated',
        reason: `row(s) ${this.range(last + 1, this.lastAnchor.seq)} were removed from the end: the anchor written ${when(this.lastAnchor.at)} names row ${this.lastAnchor.seq} but the log ends at row ${last} (unless this database was put back from an older backup on purpose)`,
      };
    }
    // The key file is made at the first start that keys the log, and that start seals the log at once.
    if (this.c.keys && this.count > 0 && this.keyedFrom === null) {
      return { ok: false, rows: this.count, seq: 1, kind: 'forged', reason: `no row is signed with a key although the key file "${this.c.keys.file}" exists: the log was rewritten as plain SHA-256 rows (forged), or the key file belongs to another database` };
    }
    const parts = [
      this.keyedFrom === null ? `${this.count} row(s), none keyed (plain SHA-256: a writer of the database could rewrite them)` : this.keyedFrom > 1 ? `rows 1–${this.keyedFrom - 1} plain SHA-256 (written before the key), ${this.keyedFrom}–${last} keyed` : `${this.count} row(s), all keyed`,
      this.lastAnchor ? `last anchor row ${this.lastAnchor.seq} (${when(this.lastAnchor.at)}) holds` : 'no anchor file: rows removed from the end cannot be detected',
    ];
    return { ok: true, rows: this.count, head: this.prev, note: parts.join('; ') };
  }

  private range(from: number, to: number): string {
    return from === to ? `${from}` : `${from}–${to}`;
  }
}

/** Verify rows read in order (any engine's reader). */
export function verifyRows(rows: Iterable<AuditRow>, context: VerifyContext = { keys: null, anchors: null }): AuditVerification {
  const v = new ChainVerifier(context);
  for (const row of rows) {
    const failure = v.push(row);
    if (failure) return failure;
  }
  return v.finish();
}
