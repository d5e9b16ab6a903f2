import path from 'node:path';
import { parseArgs } from 'node:util';
import { listBackups, restoreBackup } from './backup.js';
import type { Migration } from './migrate.js';

// `restore --db <file> --from <backup>` (or `--list`), for the wall node's and the hub's databases alike.

export async function restoreCli(argv: string[], o: { command: string; name: string; defaultDb: string; migrations: readonly Migration[] }): Promise<number> {
  const usage = `${o.command} -- [--db <file>] (--list | --from <backup file>)\n  --db    the database to restore (default ${o.defaultDb})\n  --list  the backups kept beside it, newest first\n  --from  the backup to put in its place; stop the app first`;
  let args;
  try {
    args = parseArgs({ args: argv, options: { db: { type: 'string' }, from: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean' } } }).values;
  } catch (error) {
    console.error(`${o.command}: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (args.help) return void console.log(usage), 0;
  const db = path.resolve(args.db ?? o.defaultDb);
  const place = { dir: path.join(path.dirname(db), 'backups'), name: o.name };
  if (args.list) {
    const found = listBackups(place);
    console.log(found.length ? found.join('\n') : `no backups in ${place.dir}`);
    return 0;
  }
  if (!args.from) {
    console.error(`${o.command}: say which backup with --from (--list shows them)\n${usage}`);
    return 2;
  }
  const result = await restoreBackup({ backup: path.resolve(args.from), target: db, migrations: o.migrations });
  if (!result.ok) {
    console.error(`${o.command}: ${result.error.message}`);
    return 1;
  }
  console.log(`restored ${args.from} into ${db}${result.value.keptAs ? `; the database it replaced is kept as ${result.value.keptAs}` : ''}`);
  return 0;
}
