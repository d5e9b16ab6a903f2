import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { StartupError, startApp } from './startup/app.js';
import { startDemoPage } from './startup/demo-page.js';
import { startHub } from '../hub/server.js';
import { backupPlanFromEnv } from '../node-common/db/backup.js';
import { startAppBackend } from './hub-link/backend-setup.js';
import { cliUsage, parseCliArgs } from './startup/cli-args.js';
import { loadNodeConfig } from './startup/node-config.js';
import { createLogger, stderrSink, teeSink } from '../node-common/log.js';
import { logDirFor, openLogFile } from '../node-common/log-file.js';
import { exitOnFatal } from '../node-common/fatal-exit.js';
import { accessLines } from '../node-common/access-file.js';
import { bindAllowed, loadTls } from '../node-common/tls.js';
import { serveUntilStopped } from '../node-common/watchdog.js';
import { startWebHost } from './web-host/web-host.js';
import { createWebTokens } from './web-host/web-tokens.js';

// `npm run web -- --wall <file> --port <n>`: the wall served to browsers. Prints one URL a line.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TokensSchema = z.strictObject({ console: z.string().min(16), screen: z.string().min(16) });

function defaultDbFile(): string {
  const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'toan-canh', 'web-host.db');
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`toan-canh web: ${parsed.error.message}\n${cliUsage}`);
    return 2;
  }
  const args = parsed.value;
  if (args.help) {
    console.log(`npm run web -- [options]\n${cliUsage}`);
    return 0;
  }
  // TLS first: a host that would refuse to bind should say so before it opens anything.
  const tls = loadTls({ cert: args['tls-cert'], key: args['tls-key'] });
  if (!tls.ok) {
    console.error(`toan-canh web: ${tls.error.message}`);
    return 2;
  }
  const bind = bindAllowed({ host: args.host ?? '127.0.0.1', tls: tls.value, insecureLan: args['insecure-lan'], what: 'the web host' });
  if (!bind.ok) {
    console.error(`toan-canh web: ${bind.error.message}`);
    return 2;
  }
  const staticDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error(`toan-canh web: ${staticDir} has no build; run "npm run build:renderer" (npm run web does it for you)`);
    return 2;
  }
  const dbFile = args.db ?? defaultDbFile();
  const logDir = logDirFor(dbFile);
  const logFile = logDir ? openLogFile({ dir: logDir, name: 'toan-canh-web', onFailure: (m) => console.error(`toan-canh web: ${m}`) }) : null;
  const log = createLogger('web', logFile ? teeSink(stderrSink, logFile.sink) : stderrSink, process.env.TOAN_CANH_LOG === 'debug' ? 'debug' : 'info');
  exitOnFatal({ log, exit: (code) => process.exit(code) });
  const app = await startApp({
    wallFile: args.wall ?? path.join(root, 'config', 'walls', 'demo-2x2.json'),
    ...(args.layout ? { layoutFile: args.layout } : {}),
    dbFile,
    log,
    backups: backupPlanFromEnv(process.env, dbFile, 'wall'),
  });
  // Which PC this is and which screens it drives (--node, TOAN_CANH_NODE_*): it serves only those.
  const node = loadNodeConfig({ file: args.node, env: process.env, wall: app.core.state.wall });
  if (!node.ok) {
    await app.close();
    throw new StartupError(node.error.message);
  }
  app.core.setNodeScreens(node.value.partial ? node.value.screens : null);
  log.info('node', { nodeId: node.value.nodeId, screens: node.value.screens, from: node.value.source });
  // Tokens survive restarts so browser screens reconnect by themselves after the host comes back.
  let tokens = app.db.settings.get('web.tokens', TokensSchema);
  if (!tokens) {
    tokens = createWebTokens();
    app.db.settings.set('web.tokens', tokens);
  }
  // The hub: embedded by default; TOAN_CANH_HUB=<url> (with TOAN_CANH_HUB_TOKEN) or =off (see docs/protocol.md).
  // The embedded hub also simulates the demo's cameras; the host serves them on its own origin (/cameras/…).
  const backend = await startAppBackend(app, {
    dbFile,
    scenariosDir: path.join(root, 'config', 'scenarios'),
    camerasDir: path.join(root, 'assets', 'media', 'cameras'),
    log: log.child('backend'),
    embedHub: startHub,
    node: node.value,
    ...(args['hub-ca'] ? { hubCa: args['hub-ca'] } : {}),
  });
  const host = await startWebHost({
    core: app.core,
    host: args.host ?? '127.0.0.1',
    port: args.port ?? 4280,
    staticDir,
    tokens,
    log: log.child('host'),
    cameras: backend.cameras,
    tls: tls.value,
    insecureLan: args['insecure-lan'],
    ...(args['allowed-origin'] ? { allowedOrigins: args['allowed-origin'] } : {}),
  });

  const wall = app.core.state.wall;
  const demoPage = await startDemoPage(wall, root, log.child('demo-page'));
  console.log(`Toàn Cảnh — ${wall.name} (${wall.screens.length} màn hình / screens)${node.value.partial ? ` — máy / node ${node.value.nodeId}: ${node.value.screens.join(', ')}` : ''}`);
  const access = [`console ${host.urls.console}`, ...host.urls.screens.map((s) => `screen ${s.screenId} ${s.url}`), ...(backend.restUrl ? [`hub ${backend.restUrl}`] : [])];
  for (const line of accessLines(access, path.join(path.dirname(dbFile), 'access-urls.txt'))) console.log(line);
  if (logFile) console.log(`log ${logFile.file}`);

  // Under systemd (packaging/linux/toan-canh-web.service): the watchdog is fed while the event loop
  // runs and the host answers HTTP. Browser screens are other PCs: one switched off is shown on the
  // console, and restarting the host would not bring it back, so they are not part of this check.
  await serveUntilStopped({ url: host.origin, log });
  await host.close();
  await demoPage?.close();
  await backend.close();
  await app.close();
  logFile?.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof StartupError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`toan-canh web: cannot start: ${message}`);
    process.exit(2);
  },
);
