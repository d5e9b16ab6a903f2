import os from 'node:os';
import path from 'node:path';
import { restoreCli } from '../node-common/db/restore-cli.js';
import { migrations } from './wall/db/migrations.js';

// `npm run restore -- --db <file> --from <backup>`: a wall node's database back from one of its
// backups (kept in backups/ beside it). The Electron app's database is toan-canh.db in its user-data
// folder (Linux: ~/.config/<app name>/); without --db, the web host's.

const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
restoreCli(process.argv.slice(2), { command: 'npm run restore', name: 'wall', defaultDb: path.join(base, 'toan-canh', 'web-host.db'), migrations }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run restore: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
