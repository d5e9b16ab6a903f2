import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fail, ok, type Result } from '../../common/result.js';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../private-file.js';
import type { AuditKey } from './chain.js';

// The audit chain's keys live in a file of their own beside the database (never in it), readable by
// the account that runs the wall node or the hub only. One key a line, "<id> <64 hex digits>"; the
// last line is the key new rows are signed with, the earlier ones verify older rows (rotation: add a
// line; the next start writes a row, signed by the old key, that hands the chain to the new one).

export interface AuditKeyring {
  readonly file: string;
  /** The key that signs new rows (the last line). */
  readonly current: AuditKey;
  /** Every key, oldest first. */
  readonly keys: readonly AuditKey[];
}

const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;
const SECRET = /^[0-9a-f]{64}$/;

/** The key file beside a database file: hub.db → hub.audit-key. */
export function auditKeyFileFor(dbFile: string): string {
  return path.join(path.dirname(dbFile), `${path.basename(dbFile, path.extname(dbFile))}.audit-key`);
}

export function newKeyLine(at: Date = new Date()): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `k${day}-${randomBytes(3).toString('hex')} ${randomBytes(32).toString('hex')}`;
}

/** A key for a database that keeps nothing (":memory:"): its chain is keyed but dies with the process. */
export function ephemeralKeyring(): AuditKeyring {
  const parsed = parseKeys('(in memory)', newKeyLine());
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

export const keyringFind = (ring: AuditKeyring, id: string): AuditKey | undefined => ring.keys.find((k) => k.id === id);

/** Load the key file; with `create`, make it (0600) when it does not exist yet. */
export function loadAuditKeys(file: string, create: boolean): Result<AuditKeyring> {
  if (!fs.existsSync(file)) {
    if (!create) return fail('audit/no-key', `the audit key file "${file}" does not exist: give the key file the wall node or hub writes with (--audit-key <file>)`, file);
    try {
      makePrivateDir(path.dirname(file));
      const header = '# Toàn Cảnh audit key: keep it secret, readable by this account only (0600), backed up apart from the database.\n';
      // "wx": two processes starting together do not both make a key; the second reads the first's.
      fs.writeFileSync(file, `${header}${newKeyLine()}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        return fail('audit/key-unreadable', `cannot create the audit key file "${file}" (${(error as Error).message}): make its folder writable by this account, or give another path with --audit-key`, file);
      }
    }
  }
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      return fail(
        'audit/key-exposed',
        `the audit key file "${file}" can be read by other accounts (mode ${(stat.mode & 0o777).toString(8)}): run "chmod 600 ${file}", then add a new key (docs/security.md, rotating the audit key), as this one may have been read`,
        file,
      );
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return fail('audit/key-unreadable', `cannot read the audit key file "${file}" (${(error as Error).message}): it must belong to the account that runs Toàn Cảnh (chown that account, chmod 600)`, file);
  }
  return parseKeys(file, text);
}

function parseKeys(file: string, text: string): Result<AuditKeyring> {
  const keys: AuditKey[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [id = '', secret = '', ...rest] = line.split(/\s+/);
    if (!KEY_ID.test(id) || !SECRET.test(secret) || rest.length > 0 || keys.some((k) => k.id === id)) {
      return fail('audit/key-bad', `line ${i + 1} of the audit key file "${file}" is not "<id> <64 hex digits>" with a new id (make one with: echo "k2 $(openssl rand -hex 32)" >> ${file})`, file);
    }
    keys.push({ id, secret: Buffer.from(secret, 'hex') });
  }
  const current = keys.at(-1);
  if (!current) return fail('audit/key-bad', `the audit key file "${file}" holds no key; put back its backup (rows it signed cannot be verified without it)`, file);
  return ok({ file, current, keys });
}
