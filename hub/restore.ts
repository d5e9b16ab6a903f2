import os from 'node:os';
import path from 'node:path';
import { restoreCli } from '../node-common/db/restore-cli.js';
import { hubMigrations } from './db/migrations.js';

// `npm run hub:restore -- --db <file> --from <backup>`: the hub's database back from one of its
// backups (kept in backups/ beside it). Stop the hub first.

const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
restoreCli(process.argv.slice(2), { command: 'npm run hub:restore', name: 'hub', defaultDb: path.join(base, 'toan-canh', 'hub.db'), migrations: hubMigrations }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run hub:restore: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
