import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { keyringFind, type AuditKeyring } from './audit-key.js';
import { makePrivateFile } from '../private-file.js';
import type { Logger } from '../log.js';

// Removing rows from the end of a chain leaves no broken link. So the head (last seq and its MAC) is
// written now and then where the database's writer cannot rewrite it consistently: a line appended to
// an anchor file beside the log (0600, each line signed with the audit key, so none can be forged) and
// a line in the application log (shipped off the machine where the centre collects logs). A database
// whose rows fall short of, or differ from, an anchor was cut or rewritten.

export interface AnchorHead {
  seq: number;
  hash: string;
  /** The first keyed row: a chain rewritten as unkeyed SHA-256 rows shows against it. */
  keyedFrom: number | null;
}

const AnchorSchema = z.strictObject({
  at: z.number(),
  seq: z.number().int().positive(),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  keyedFrom: z.number().int().positive(),
  key: z.string(),
  mac: z.string(),
});
export type Anchor = z.infer<typeof AnchorSchema>;

/** The anchor file beside a database file: hub.db → hub.audit-anchor. */
export function anchorFileFor(dbFile: string): string {
  return path.join(path.dirname(dbFile), `${path.basename(dbFile, path.extname(dbFile))}.audit-anchor`);
}

/** Where a PostgreSQL hub keeps its key and anchor: in its data folder (where its SQLite file would be). */
export const pgAuditFiles = (dbFile: string): { key: string; anchor: string } => ({
  key: path.join(path.dirname(dbFile), 'hub-postgres.audit-key'),
  anchor: anchorFileFor(path.join(path.dirname(dbFile), 'hub-postgres.db')),
});

const anchorMac = (secret: Buffer, a: Omit<Anchor, 'mac'>): string =>
  createHmac('sha256', secret).update(`anchor\n${a.key}\n${a.seq}\n${a.head}\n${a.at}\n${a.keyedFrom}`).digest('hex');

export type AnchorRead = { anchors: Anchor[]; bad: null } | { anchors: Anchor[]; bad: { line: number; reason: string } };

/** Every anchor of the file, checked against the keys; the first line that is not a signed anchor stops the read. */
export function readAnchors(file: string, keys: AuditKeyring): AnchorRead | null {
  if (!fs.existsSync(file)) return null;
  const anchors: Anchor[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const bad = (reason: string): AnchorRead => ({ anchors, bad: { line: i + 1, reason } });
    let parsed: z.ZodSafeParseResult<Anchor>;
    try {
      parsed = AnchorSchema.safeParse(JSON.parse(line));
    } catch {
      return bad('it is not JSON');
    }
    if (!parsed.success) return bad('it is not an anchor line');
    const key = keyringFind(keys, parsed.data.key);
    if (!key) return bad(`it names key "${parsed.data.key}", which is not in the key file`);
    const { mac, ...rest } = parsed.data;
    if (anchorMac(key.secret, rest) !== mac) return bad('its signature does not match (the anchor file was edited)');
    anchors.push(parsed.data);
  }
  return { anchors, bad: null };
}

export interface AnchorOptions {
  /** null: no file (a database that keeps nothing); the log line is still written. */
  file: string | null;
  keys: AuditKeyring;
  head: () => AnchorHead | null | Promise<AnchorHead | null>;
  log: Logger;
  /** How often the head is anchored when it moved (default a minute): rows cut after the last anchor go unnoticed. */
  intervalMs?: number;
  now?: () => number;
}

/** Writes the head now, every interval while it moves, and at close. */
export class AuditAnchor {
  private readonly timer: NodeJS.Timeout;
  private lastSeq = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly o: AnchorOptions) {
    if (o.file) makePrivateFile(o.file);
    this.timer = setInterval(() => void this.tick(), o.intervalMs ?? 60_000);
    this.timer.unref();
    void this.tick();
  }

  /** Anchor the head if it moved since the last anchor; one at a time. */
  tick(): Promise<void> {
    this.running = this.running.then(() => this.write()).catch((error: unknown) => this.o.log.warn('could not anchor the audit head', { error: String(error) }));
    return this.running;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.tick();
  }

  private async write(): Promise<void> {
    const head = await this.o.head();
    if (!head || head.keyedFrom === null || head.seq === this.lastSeq) return;
    const key = this.o.keys.current;
    const body = { at: (this.o.now ?? Date.now)(), seq: head.seq, head: head.hash, keyedFrom: head.keyedFrom, key: key.id };
    const anchor: Anchor = { ...body, mac: anchorMac(key.secret, body) };
    if (this.o.file) fs.appendFileSync(this.o.file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
    this.o.log.info('audit head anchored', { seq: head.seq, head: head.hash, keyedFrom: head.keyedFrom, key: key.id });
    this.lastSeq = head.seq;
  }
}

/** Anchors a SQLite audit table (audit-table.ts) while its owner runs; null when the table has no key. */
export function anchorTable(
  table: { keys: AuditKeyring | null; anchorFile: string | null; head(): { seq: number; hash: string } | null; keyedFrom(): number | null },
  log: Logger,
  intervalMs?: number,
): AuditAnchor | null {
  if (!table.keys) return null;
  const head = (): AnchorHead | null => {
    const h = table.head();
    return h && { seq: h.seq, hash: h.hash, keyedFrom: table.keyedFrom() };
  };
  return new AuditAnchor({ file: table.anchorFile, keys: table.keys, head, log, ...(intervalMs === undefined ? {} : { intervalMs }) });
}
