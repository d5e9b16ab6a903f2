import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createLogger, stderrSink, teeSink } from '../node-common/log.js';
import { logDirFor, openLogFile } from '../node-common/log-file.js';
import { exitOnFatal } from '../node-common/fatal-exit.js';
import { accessLines } from '../node-common/access-file.js';
import { loadTls } from '../node-common/tls.js';
import { serveUntilStopped } from '../node-common/watchdog.js';
import { openStore } from './store/open-store.js';
import { startHub } from './server.js';
import { describeIssues } from '../common/contract.js';
import { IdSchema } from '../common/protocol/primitives.js';
import { readJsonFile } from '../node-common/json-file.js';
import { backupPlanFromEnv } from '../node-common/db/backup.js';
import { newToken } from '../node-common/tokens.js';
import type { TokenGrant } from './tokens.js';

// `npm run hub -- --port <n>`: the reference hub on its own, for walls driven by several PCs.
// Prints the REST base URL with a token allowed to activate scenarios, on a line of its own.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = `npm run hub -- [options]
  --port <n>          port (default 4290; 0 picks a free one)
  --host <address>    address to bind (default 127.0.0.1); beyond loopback it needs --tls-cert and --tls-key
  --tls-cert <file>   PEM certificate from the centre's CA: HTTPS and WSS (docs/security.md)
  --tls-key <file>    its PEM private key
  --insecure-lan      listen in cleartext on a non-loopback --host anyway
  --db <file>         SQLite file (default ~/.local/share/toan-canh/hub.db); ":memory:" keeps nothing
  --store <url>       postgres://user@host:port/database: share the walls with other hubs (the password in
                      PGPASSWORD or ~/.pgpass, not on the command line); replaces --db
  --redis <url>       redis://host:port: events reach the nodes of every hub (with --store)
  --audit-key <file>  the audit log's key (default beside --db: hub.audit-key, hub-postgres.audit-key with
                      --store; made 0600 on first start). Every hub on one --store needs the same file
  --hub-id <id>       this hub's name in health answers and logs (default hub-<random>)
  --scenarios <dir>   scenario files (default config/scenarios)
  --rules <dir>       rule files (default config/rules; docs/rules.md)
  --tokens <file>     JSON list of { token, role, name } (roles: node, viewer, operator, leader, admin)
  --seed <n>          seed of the simulated data feeds (default 20251104)
  --time-scale <n>    sim seconds per real second (default 120: the 48-hour flood in 24 minutes)
  --start-hour <h>    sim hour the flood timeline starts at (default 0; level III comes about hour 18)
  --cameras <dir>     clips of the simulated cameras at /cameras/<id>/live.m3u8 (default assets/media/cameras)
  --apply-delay <ms>  how far ahead of an activation every screen swaps (default 150)
  --no-sim            no simulated data feeds and no simulated cameras
  --help              this text`;

const GrantsSchema = z.array(z.strictObject({ token: z.string().min(16), role: z.enum(['node', 'viewer', 'operator', 'leader', 'admin']), name: z.string().min(1) }));

function defaultDb(): string {
  const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'toan-canh', 'hub.db');
}

/** Tokens given in a file, else the ones this store was given before, else new ones (kept). */
async function grants(dbFile: string, store: string | undefined, file: string | undefined, auditKeyFile: string | undefined): Promise<TokenGrant[]> {
  if (file) {
    const json = readJsonFile(file, 'check --tokens');
    if (!json.ok) throw new Error(json.error.message);
    const parsed = GrantsSchema.safeParse(json.value);
    if (!parsed.success) throw new Error(`${file}: ${describeIssues(parsed.error)}; each entry is { "token": "<16+ characters>", "role": "node|viewer|operator|leader|admin", "name": "…" }`);
    return parsed.data;
  }
  const fresh = [
    { token: newToken(), role: 'admin' as const, name: 'hub admin' },
    { token: newToken(), role: 'node' as const, name: 'wall nodes' },
  ];
  if (dbFile === ':memory:' && store === undefined) return fresh;
  const opened = await openStore({ store, dbFile, auditKeyFile }, createLogger('hub'));
  try {
    const stored = await opened.setting('hub.tokens', GrantsSchema);
    if (stored) return stored;
    await opened.setSetting('hub.tokens', fresh);
    return fresh;
  } finally {
    await opened.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, scenarios: { type: 'string' }, rules: { type: 'string' }, tokens: { type: 'string' },
      seed: { type: 'string' }, 'time-scale': { type: 'string' }, 'start-hour': { type: 'string' }, cameras: { type: 'string' }, 'no-sim': { type: 'boolean' }, 'apply-delay': { type: 'string' }, help: { type: 'boolean' },
      'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'insecure-lan': { type: 'boolean' },
      store: { type: 'string' }, redis: { type: 'string' }, 'hub-id': { type: 'string' }, 'audit-key': { type: 'string' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const number = (name: string, text: string | undefined, fallback: number) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} takes a number, not "${text}"`);
    return n;
  };
  const dbFile = values.db ?? defaultDb();
  const tls = loadTls({ cert: values['tls-cert'], key: values['tls-key'] });
  if (!tls.ok) throw new Error(tls.error.message);
  if (values['hub-id'] !== undefined && !IdSchema.safeParse(values['hub-id']).success) throw new Error(`--hub-id takes 1–64 letters, digits, "-" or "_", not "${values['hub-id'].slice(0, 80)}"`);
  if (values.redis && !values.store) throw new Error('--redis joins hubs that share a PostgreSQL store: give --store postgres://… too');
  const tokens = await grants(dbFile, values.store, values.tokens, values['audit-key']);
  const logDir = logDirFor(dbFile);
  const logFile = logDir ? openLogFile({ dir: logDir, name: 'toan-canh-hub', onFailure: (m) => console.error(`toan-canh hub: ${m}`) }) : null;
  const log = createLogger('hub', logFile ? teeSink(stderrSink, logFile.sink) : stderrSink, process.env.TOAN_CANH_LOG === 'debug' ? 'debug' : 'info');
  exitOnFatal({ log, exit: (code) => process.exit(code) });
  const hub = await startHub({
    port: number('port', values.port, 4290),
    host: values.host ?? '127.0.0.1',
    tls: tls.value,
    insecureLan: values['insecure-lan'] ?? false,
    dbFile,
    ...(values.store ? { store: values.store } : {}),
    ...(values.redis ? { redis: values.redis } : {}),
    ...(values['audit-key'] ? { auditKeyFile: values['audit-key'] } : {}),
    ...(values['hub-id'] ? { hubId: values['hub-id'] } : {}),
    tokens,
    log,
    backups: backupPlanFromEnv(process.env, dbFile, 'hub'),
    scenariosDir: values.scenarios ?? path.join(root, 'config', 'scenarios'),
    rulesDir: values.rules ?? path.join(root, 'config', 'rules'),
    ...(values['apply-delay'] === undefined ? {} : { applyDelayMs: number('apply-delay', values['apply-delay'], 0) }),
    ...(values['no-sim'] ? {} : { simulate: { seed: number('seed', values.seed, 20251104), timeScale: number('time-scale', values['time-scale'], 120), startHour: number('start-hour', values['start-hour'], 0), feedsDir: path.join(root, 'config', 'sources', 'demo') } }),
    ...(values['no-sim'] ? {} : { cameras: { mediaDir: path.resolve(values.cameras ?? path.join(root, 'assets', 'media', 'cameras')) } }),
  });
  const node = tokens.find((t) => t.role === 'node');
  console.log(`Toàn Cảnh hub ${hub.url} (${(await hub.store.scenarios()).length} kịch bản / scenarios; ${hub.store.kind} ${hub.store.where})`);
  const access = [`${hub.url}/api?token=${encodeURIComponent(hub.adminToken)}`, ...(node ? [`wall nodes: TOAN_CANH_HUB=${hub.url} TOAN_CANH_HUB_TOKEN=${node.token}`] : [])];
  for (const line of accessLines(access, dbFile === ':memory:' ? null : path.join(path.dirname(dbFile), 'hub-access.txt'))) console.log(line);
  if (hub.cameras) console.log(`simulated cameras: ${hub.url}/cameras (${hub.cameras.cameras().length})`);
  if (logFile) console.log(`log ${logFile.file}`);

  // Under systemd (packaging/linux/toan-canh-hub.service): fed while the event loop runs and the hub answers HTTP.
  await serveUntilStopped({ url: hub.url, log });
  await hub.close();
  logFile?.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`toan-canh hub: cannot start: ${err instanceof Error ? err.message : String(err)}\n${usage}`);
    process.exit(2);
  },
);
