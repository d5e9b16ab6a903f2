import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../node-common/log.js';
import { BackupSchedule, type BackupPlan } from '../node-common/db/backup.js';
import { createCameraSimulator, type CameraSimulator } from './cameras/simulator.js';
import type { RateLimit } from '../node-common/rate-limit.js';
import { HubCore } from './core.js';
import { attachRedis, type RedisFanout } from './cluster/redis-fanout.js';
import { StoreWatch } from './cluster/store-watch.js';
import { HealthProbe } from './health.js';
import type { HubStore } from './store/hub-store.js';
import { openStore } from './store/open-store.js';
import { AuditAnchor } from '../node-common/audit/anchor.js';
import { catalogueEntry } from './cameras/catalogue.js';
import { createRestHandler } from './rest.js';
import { seedScenarios } from './scenario-seeds.js';
import { loadRules } from './rules/load-rules.js';
import { startDemoFeeds, type DemoFeeds } from './sim/demo-feeds.js';
import { startSocSimulator } from './sim/soc.js';
import { startSimulator, type Simulator, type SimulatorOptions } from './sim/simulator.js';
import { HubSockets } from './sockets.js';
import { Sources, type SourcesOptions } from './sources/sources.js';
import { newToken } from '../node-common/tokens.js';
import { bindAllowed, createServer, HSTS, type TlsIdentity } from '../node-common/tls.js';
import { TokenBook, type TokenGrant } from './tokens.js';

// The reference hub: REST and socket.io on one port. Embedded in the app by default, or run
// alone (hub/main.ts) for walls driven by several PCs.

/** A busy broker's readings go out every 25 ms as one message rather than one message each. */
export const SOURCES_BATCH_MS = 25;

export interface StartHubOptions {
  /** 0 picks any free port. */
  port: number;
  host?: string;
  /** SQLite file; omitted: in memory (nothing survives a restart). */
  dbFile?: string;
  /** postgres://…: the store shared with other hubs, in place of the SQLite file. */
  store?: string;
  /** redis://…: events fan out to the nodes of every hub on this Redis. */
  redis?: string;
  /** The audit log's key file (default beside the data: node-common/audit/audit-key.ts); the same file on every hub of one store. */
  auditKeyFile?: string;
  /** How often a hub on a shared store looks for activations other hubs made (ms, default 1000). */
  storeWatchMs?: number;
  tokens: readonly TokenGrant[];
  log: Logger;
  /** Folder of scenario JSON files (config/scenarios) stored on start. */
  scenariosDir: string;
  hubId?: string;
  applyDelayMs?: number;
  ackTimeoutMs?: number;
  /** Folder of rule files (config/rules); none run when omitted. */
  rulesDir?: string;
  /** config/sources: the province's feeds (docs/sources.md); none when omitted. */
  sourcesDir?: string;
  /** Sources given directly (tests, benchmarks), beside those of sourcesDir. */
  sources?: SourcesOptions['configs'];
  /** MQTT readings gathered this long before they go out as one batch (default SOURCES_BATCH_MS; 0: each at once). */
  sourcesBatchMs?: number;
  /** Environment the sources read their secrets from (default process.env). */
  sourcesEnv?: NodeJS.ProcessEnv;
  /** Data feed simulator; off unless given. */
  simulate?: SimulatorOptions;
  /** Simulated live cameras at /cameras/<id>/live.m3u8 from these clips (assets/media/cameras); off unless given. */
  cameras?: { mediaDir: string; windowSegments?: number };
  /** Online backups of the database on a schedule (backupPlanFromEnv); none when omitted. */
  backups?: BackupPlan | null;
  /** HTTPS and WSS with this certificate; required beyond loopback unless insecureLan (docs/security.md). */
  tls?: TlsIdentity | null;
  /** Listen in cleartext on a non-loopback address anyway (--insecure-lan). */
  insecureLan?: boolean;
  now?: () => number;
  /** Token buckets per REST client address and per node connection (defaults: REST_RATE_LIMIT, EVENT_RATE_LIMIT). */
  rateLimits?: { rest?: RateLimit; events?: RateLimit };
}

export interface RunningHub {
  /** http://host:port */
  url: string;
  port: number;
  /** A token allowed to activate scenarios: the first admin grant, or one made for this run. */
  adminToken: string;
  core: HubCore;
  store: HubStore;
  health: HealthProbe;
  simulator: Simulator | null;
  /** The data sources and their health. */
  sources: Sources;
  /** The simulated cameras served at /cameras/…, or null when the hub serves none. */
  cameras: CameraSimulator | null;
  close(): Promise<void>;
}

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { log } = options;
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const allowed = bindAllowed({ host, tls: options.tls ?? null, insecureLan: options.insecureLan ?? false, what: 'the hub' });
  if (!allowed.ok) throw new Error(allowed.error.message);
  if (allowed.value.insecure) log.warn('the hub listens in cleartext on the network (--insecure-lan): node tokens and REST tokens can be read on the LAN', { host });
  const admin = options.tokens.find((t) => t.role === 'admin') ?? { token: newToken(), role: 'admin' as const, name: 'hub admin' };
  const tokens = new TokenBook(options.tokens.includes(admin) ? options.tokens : [...options.tokens, admin]);

  const store = await openStore({ store: options.store, dbFile: options.dbFile ?? ':memory:', auditKeyFile: options.auditKeyFile }, log.child('db'), now);
  let redis: RedisFanout | null = null;

  // Loads the clips before anything listens: a missing or broken clip folder stops the start with its name.
  // The catalogue (with each camera's online/offline) goes to the walls at start and on every switch.
  let publishCatalogue = () => {};
  let cameras: CameraSimulator | null;
  try {
    await seedScenarios(store, options.scenariosDir, log.child('scenarios'));
    cameras = options.cameras ? createCameraSimulator({ ...options.cameras, now, onStateChange: () => publishCatalogue() }) : null;
  } catch (err) {
    await store.close();
    throw err;
  }
  const hubId = options.hubId ?? `hub-${randomBytes(4).toString('hex')}`;
  const server = createServer(options.tls ?? null);
  const sockets = new HubSockets(server, tokens, log.child('sockets'), now, options.rateLimits?.events);
  const core = new HubCore(
    {
      store,
      log: log.child('core'),
      hubId,
      now,
      ...(options.applyDelayMs === undefined ? {} : { applyDelayMs: options.applyDelayMs }),
      ...(options.ackTimeoutMs === undefined ? {} : { ackTimeoutMs: options.ackTimeoutMs }),
      rules: await loadRules(options.rulesDir, store, log.child('rules')),
    },
    sockets.sender,
  );
  const watch = store.kind === 'postgres'
    ? new StoreWatch({
        periodMs: options.storeWatchMs ?? 1000,
        log: log.child('watch'),
        now,
        revisions: () => store.revisions(),
        latest: (wallId) => store.latestActivation(wallId),
        localWalls: () => [...new Set(core.registry.all().map((n) => n.wallId))],
        send: (a) => sockets.sender.toWall(a.wallId, 'wall:activation', a, { local: true }),
      })
    : null;
  const health = new HealthProbe({ hubId, store, redis: null, nodes: () => core.registry.all().length, storeWatchAt: () => watch?.lastLookAt ?? null, now });
  const stopEarly = async () => {
    core.close();
    health.close();
    await redis?.close();
    await sockets.close();
    await store.close();
  };
  try {
    await core.start();
    if (options.redis) {
      redis = await attachRedis(sockets.server, options.redis, log.child('redis'));
      health.setRedis(redis);
    }
  } catch (err) {
    await stopEarly();
    throw err;
  }
  sockets.bind(core);
  let demo: DemoFeeds | null = null;
  try {
    if (options.simulate?.feedsDir) demo = await startDemoFeeds(options.simulate.feedsDir, log.child('demo'), options.sourcesEnv);
  } catch (err) {
    await stopEarly();
    throw err;
  }
  // Before the sources start, so the demo's broker and endpoint hold a first value when they first read.
  const feeds = demo;
  const simulator = options.simulate ? startSimulator(options.simulate, (entries) => void core.publish(feeds ? feeds.route(entries) : entries), now) : null;
  const sourcesEnv = demo?.env ?? options.sourcesEnv;
  const sources = new Sources({
    ...(options.sourcesDir ? { dir: options.sourcesDir } : {}),
    ...(options.sources || demo ? { configs: [...(options.sources ?? []), ...(demo?.sources ?? [])] } : {}),
    ...(sourcesEnv ? { env: sourcesEnv } : {}),
    sink: core,
    log: log.child('sources'),
    now,
    batchMs: options.sourcesBatchMs ?? SOURCES_BATCH_MS,
  });
  if (cameras) {
    const simulated = cameras;
    publishCatalogue = () => core.publish([catalogueEntry(simulated, now())]);
    publishCatalogue();
  }
  const rest = createRestHandler(core, tokens, log.child('rest'), now, sources, options.rateLimits?.rest, () => health.report());
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (options.tls) res.setHeader('Strict-Transport-Security', HSTS);
    if (req.url?.startsWith('/socket.io/')) return; // socket.io answers these itself
    if (cameras?.handle(req, res)) return;
    rest(req, res).catch((err: unknown) => {
      log.error('rest request failed', { error: String(err) });
      if (res.headersSent) return void res.end();
      const body = { ok: false, error: { code: 'internal', message: 'the hub failed to answer this request; its log says why' } };
      res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    simulator?.stop();
    await sources.close();
    await demo?.close();
    await stopEarly();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // The demo's SOC posts Wazuh alerts through the same ingest as a centre's SIEM (POST /api/soc/wazuh).
  const soc = options.simulate ? startSocSimulator({ ...(options.simulate.seed === undefined ? {} : { seed: options.simulate.seed }) }, (alerts) => void core.ingestWazuh(alerts), now) : null;
  const backups = options.backups && options.dbFile && store.backupSource ? new BackupSchedule(store.backupSource, { ...options.backups, log: log.child('backup') }) : null;
  watch?.start();
  const anchor = store.auditKeys ? new AuditAnchor({ file: store.auditAnchorFile, keys: store.auditKeys, head: () => store.auditHead(), log: log.child('audit') }) : null;
  log.info('hub listening', { url, hubId, store: store.where, redis: redis?.where ?? null, scenarios: (await store.scenarios()).length, cameras: cameras?.cameras().length ?? 0 });

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    adminToken: admin.token,
    core,
    store,
    health,
    simulator,
    sources,
    cameras,
    close: () => {
      closing ??= (async () => {
        simulator?.stop();
        soc?.stop();
        await sources.close();
        await demo?.close();
        watch?.close();
        core.close();
        health.close();
        const closed = sockets.close();
        server.closeAllConnections();
        await closed;
        await redis?.close();
        await backups?.close();
        await anchor?.close();
        await store.close();
        log.info('hub stopped', { url });
      })();
      return closing;
    },
  };
}
