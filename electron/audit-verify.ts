import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { anchorFileFor, pgAuditFiles } from '../node-common/audit/anchor.js';
import { auditKeyFileFor } from '../node-common/audit/audit-key.js';
import { describeVerification, verifyDatabaseFile } from '../node-common/audit/verify-db.js';
import { verifyPostgres } from '../node-common/audit/verify-pg.js';
import { redactPgUrl } from '../node-common/pg-url.js';

// `npm run audit:verify -- --db <file>` (or --store postgres://…): checks the audit chain of a wall
// node's or a hub's database: numbering, links, each row's SHA-256 (older rows) or HMAC (keyed rows,
// with the key file), and the anchors of its head. Exit code 0 when it holds, 1 when rows were altered,
// removed, forged or cut from the end (the first bad row and the kind are named), 2 when it cannot check.

const USAGE = [
  'usage: npm run audit:verify -- --db <database file> | --store postgres://user@host:port/database',
  '         [--audit-key <file>] [--anchor <file>]',
  '  --db: the file a wall node or hub was started with. Without --db, the Electron app\'s is toan-canh.db in its',
  "  user-data folder (Linux: ~/.config/<app name>/), the web host's ~/.local/share/toan-canh/web-host.db and the",
  "  hub's ~/.local/share/toan-canh/hub.db. --store: the hubs' shared PostgreSQL (the password in PGPASSWORD).",
  '  --audit-key / --anchor: default beside the database (<name>.audit-key, <name>.audit-anchor; with --store',
  '  hub-postgres.audit-key and hub-postgres.audit-anchor in ~/.local/share/toan-canh).',
].join('\n');

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { db: { type: 'string' }, store: { type: 'string' }, 'audit-key': { type: 'string' }, anchor: { type: 'string' }, help: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    console.error(`toan-canh audit:verify: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if ((values.db === undefined) === (values.store === undefined)) {
    console.error(`toan-canh audit:verify: give --db or --store\n${USAGE}`);
    return 2;
  }
  const dataDir = path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'toan-canh');
  const defaults = values.db !== undefined ? { key: auditKeyFileFor(values.db), anchor: anchorFileFor(values.db) } : pgAuditFiles(path.join(dataDir, 'hub.db'));
  const files = { keyFile: values['audit-key'] ?? defaults.key, anchorFile: values.anchor ?? defaults.anchor };
  const where = values.db ?? redactPgUrl(values.store!);
  const result = values.db !== undefined ? verifyDatabaseFile(values.db, files) : await verifyPostgres(values.store!, files);
  if (!result.ok) {
    console.error(`toan-canh audit:verify: ${result.error.message}`);
    return 2;
  }
  const line = describeVerification(where, result.value);
  if (result.value.ok) console.log(line);
  else console.error(line);
  return result.value.ok ? 0 : result.value.kind === 'no-key' ? 2 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`toan-canh audit:verify: ${String(error)}`);
    process.exitCode = 2;
  },
);
