import { describeVerification, verifyDatabaseFile } from '../node-common/audit/verify-db.js';

// `npm run audit:verify -- --db <file>`: checks the audit log's hash chain of a wall node's or a hub's
// database (both keep the same chained audit_log). Exit code 0 when it holds, 1 when a row was
// altered, removed or inserted (the first broken row is named), 2 when it cannot check.

const USAGE = [
  'usage: npm run audit:verify -- --db <database file>',
  '  a wall node\'s or a hub\'s database: the file given to --db when it started. Without --db, the Electron',
  "  app's is toan-canh.db in its user-data folder (Linux: ~/.config/<app name>/), the web host's is",
  '  ~/.local/share/toan-canh/web-host.db and the hub\'s (npm run hub) ~/.local/share/toan-canh/hub.db',
].join('\n');

function main(argv: string[]): number {
  const at = argv.indexOf('--db');
  const file = at >= 0 ? argv[at + 1] : undefined;
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (!file || argv.length !== 2) {
    console.error(`toan-canh audit:verify: ${USAGE}`);
    return 2;
  }
  const result = verifyDatabaseFile(file);
  if (!result.ok) {
    console.error(`toan-canh audit:verify: ${result.error.message}`);
    return 2;
  }
  const line = describeVerification(file, result.value);
  if (result.value.ok) console.log(line);
  else console.error(line);
  return result.value.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
