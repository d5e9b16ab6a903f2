import path from 'node:path';
import { z } from 'zod';
import { newToken } from '../../node-common/tokens.js';
import { describeIssues } from '../../common/contract.js';
import { isLoopback, readCaFile } from '../../node-common/tls.js';
import { backupPlanFromEnv, type BackupPlan } from '../../node-common/db/backup.js';
import { startBackendSync, type BackendSync } from './backend-sync.js';
import { keepLastShown } from './last-shown-keeper.js';
import { localCameraRelay, noCameraRelay, remoteCameraRelay, type CameraRelay, type CameraSource } from './camera-relay.js';
import type { RunningApp } from '../startup/app.js';
import type { NodeConfig } from '../startup/node-config.js';
import type { Logger } from '../../node-common/log.js';
import type { LastShownTable } from '../wall/db/last-shown.js';
import type { WallCore } from '../wall/wall-core.js';

// Which hub a wall node talks to: the reference hub embedded in this process (the default, so
// `npm start` and `npm run web` need nothing else), a remote one (walls driven by several PCs), or none.
// The node never imports the hub: an entry point that embeds one passes its starter in (`embedHub`).

/** What the node asks of a hub it embeds; the reference hub's `startHub` (hub/server.ts) fits. */
export type EmbedHub = (options: EmbedHubOptions) => Promise<EmbeddedHub>;

export interface EmbedHubOptions {
  port: number;
  dbFile: string;
  tokens: readonly TokenGrant[];
  log: Logger;
  scenariosDir: string;
  /** The centre's rule files (config/rules). */
  rulesDir?: string;
  /** config/sources: the province's data sources (docs/sources.md). */
  sourcesDir?: string;
  simulate?: SimulatorChoice;
  applyDelayMs?: number;
  cameras?: { mediaDir: string };
  backups?: BackupPlan | null;
}

export interface EmbeddedHub {
  /** http://host:port */
  url: string;
  adminToken: string;
  /** The simulated cameras it serves at /cameras/…, or null. */
  cameras: CameraSource | null;
  close(): Promise<void>;
}

/** The embedded hub's data-feed simulation, as the environment sets it. */
export interface SimulatorChoice {
  seed: number;
  timeScale: number;
  startHour: number;
  /** config/sources/demo: the demo's feeds go through an embedded MQTT broker and a loopback HTTP endpoint. */
  feedsDir?: string;
}

export type BackendChoice =
  | {
      kind: 'embedded';
      port: number;
      dbFile: string;
      scenariosDir: string;
      rulesDir?: string;
      /** Data source files (TOAN_CANH_SOURCES_DIR; default config/sources beside config/scenarios). */
      sourcesDir?: string;
      simulate: SimulatorChoice | null;
      /** How far ahead of an activation the screens swap; undefined: the hub's default. */
      applyDelayMs?: number;
      /** Clip folder of the simulated cameras (assets/media/cameras); null: the hub serves none. */
      camerasDir: string | null;
      /** The embedded hub's database backups (TOAN_CANH_BACKUP_HOURS, TOAN_CANH_BACKUP_KEEP), beside it. */
      backups?: BackupPlan | null;
    }
  /** One hub, or several sharing one store: tried in order (docs/protocol.md §6.1). */
  | { kind: 'remote'; urls: string[]; token: string; ca?: Buffer }
  | { kind: 'off' };

export interface NodeChoice {
  nodeId: string;
  screens?: string[];
  allowLocalActivation: boolean;
}

/**
 * From the environment: TOAN_CANH_HUB (unset or "embedded", "off", or the hub's URL — several,
 * comma-separated, for hubs sharing one store — with TOAN_CANH_HUB_TOKEN), TOAN_CANH_HUB_PORT (unset or 0: the port the embedded hub had last time), TOAN_CANH_SIMULATE=0, TOAN_CANH_TIME_SCALE, TOAN_CANH_APPLY_DELAY_MS,
 * TOAN_CANH_SCENARIOS_DIR, TOAN_CANH_SOURCES_DIR. Which node this is and its screens: electron/startup/node-config.ts.
 * The embedded hub simulates cameras from `camerasDir` along with its data feeds (both off with TOAN_CANH_SIMULATE=0).
 */
export function backendFromEnv(
  env: NodeJS.ProcessEnv,
  defaults: { dataDir: string; scenariosDir: string; camerasDir?: string; hubCa?: string },
): { backend: BackendChoice } {
  const hub = env.TOAN_CANH_HUB ?? 'embedded';
  const number = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, not "${env[name]}"`);
    return value;
  };
  let backend: BackendChoice;
  if (hub === 'off') backend = { kind: 'off' };
  else if (hub === 'embedded') {
    backend = {
      kind: 'embedded',
      port: number('TOAN_CANH_HUB_PORT', 0),
      dbFile: path.join(defaults.dataDir, 'hub.db'),
      // A province's own scenario files, seeded into the embedded hub in place of config/scenarios.
      scenariosDir: env.TOAN_CANH_SCENARIOS_DIR || defaults.scenariosDir,
      // The rules beside the scenarios (config/rules), or a province's own folder.
      rulesDir: env.TOAN_CANH_RULES_DIR || path.join(path.dirname(defaults.scenariosDir), 'rules'),
      sourcesDir: env.TOAN_CANH_SOURCES_DIR || path.join(path.dirname(defaults.scenariosDir), 'sources'),
      simulate: env.TOAN_CANH_SIMULATE === '0' ? null : {
        seed: number('TOAN_CANH_SEED', 20251104),
        timeScale: number('TOAN_CANH_TIME_SCALE', 120),
        startHour: number('TOAN_CANH_SIM_START_HOUR', 0),
        // The demo's own sources, beside the scenarios the app ships (not a province's folder).
        feedsDir: path.join(path.dirname(defaults.scenariosDir), 'sources', 'demo'),
      },
      camerasDir: env.TOAN_CANH_SIMULATE === '0' ? null : (defaults.camerasDir ?? null),
      backups: backupPlanFromEnv(env, path.join(defaults.dataDir, 'hub.db'), 'hub'),
      ...(env.TOAN_CANH_APPLY_DELAY_MS ? { applyDelayMs: number('TOAN_CANH_APPLY_DELAY_MS', 0) } : {}),
    };
  } else {
    const urls = hubUrlsFromEnv(hub, env);
    if (!env.TOAN_CANH_HUB_TOKEN) throw new Error('TOAN_CANH_HUB_TOKEN is needed with a remote hub: the wall-node token the hub printed');
    const caFile = defaults.hubCa ?? env.TOAN_CANH_HUB_CA;
    let ca: Buffer | undefined;
    if (caFile) {
      const read = readCaFile(caFile);
      if (!read.ok) throw new Error(read.error.message);
      ca = read.value;
    }
    backend = { kind: 'remote', urls, token: env.TOAN_CANH_HUB_TOKEN, ...(ca ? { ca } : {}) };
  }
  return { backend };
}

// One URL, or several separated by commas (hubs sharing one PostgreSQL store), each http(s) with no path.
const HubUrlsSchema = z
  .array(z.url({ protocol: /^https?$/, error: 'must be the hub\'s http(s) URL, e.g. https://hub-a.ioc.local:4290' }))
  .min(1)
  .max(8, 'at most 8 hubs')
  .refine((urls) => new Set(urls.map((u) => new URL(u).origin)).size === urls.length, 'a hub is listed twice; list each once');

/** TOAN_CANH_HUB as hub URLs, in the order the node tries them; an error names the variable and the fix. */
export function hubUrlsFromEnv(hub: string, env: NodeJS.ProcessEnv): string[] {
  const parsed = HubUrlsSchema.safeParse(hub.split(',').map((u) => u.trim()).filter(Boolean));
  if (!parsed.success) {
    throw new Error(`TOAN_CANH_HUB must be "embedded", "off" or the hub's http(s) URL (several, comma-separated, for hubs sharing one store), not "${hub.slice(0, 200)}": ${describeIssues(parsed.error)}`);
  }
  const urls = parsed.data.map((u) => new URL(u).origin);
  for (const url of urls) {
    // Beyond loopback the node's token and its people's commands go to the hub over TLS only.
    if (url.startsWith('http://') && !isLoopback(new URL(url).hostname) && env.TOAN_CANH_HUB_INSECURE !== '1') {
      throw new Error(`TOAN_CANH_HUB=${url} is cleartext on the network: run the hub with --tls-cert/--tls-key and use https://, with --hub-ca (or TOAN_CANH_HUB_CA) naming the centre's CA; TOAN_CANH_HUB_INSECURE=1 accepts cleartext`);
    }
  }
  return urls;
}

export interface RunningBackend {
  /** The embedded hub's REST base URL with a token allowed to activate scenarios. */
  restUrl: string | null;
  hub: EmbeddedHub | null;
  sync: BackendSync | null;
  /** Answers /cameras/… on the wall's own origin from this hub (web host; see camera-relay.ts). */
  cameras: CameraRelay;
  /** Where the Electron protocol fetches /cameras/… from: the hub's base URL (the one followed now), or null with no hub. */
  readonly camerasUrl: string | null;
  close(): Promise<void>;
}

const GrantsSchema = z.array(z.strictObject({ token: z.string().min(16), role: z.enum(['node', 'viewer', 'operator', 'leader', 'admin']), name: z.string() }));
type TokenGrant = z.infer<typeof GrantsSchema>[number];

export interface StartBackendOptions {
  log: Logger;
  /** Starts the hub when the choice is "embedded"; without it that choice is refused. */
  embedHub?: EmbedHub;
  /** Keeps the embedded hub's tokens and port across restarts (so a printed REST URL keeps working). */
  settings?: { get(key: string): unknown; set(key: string, value: unknown): void };
  /** Where the node keeps what it shows, to show it again after a restart while the hub is unreachable. */
  lastShown?: LastShownTable;
  /** How long to wait for the first connection before returning (default 3 s). */
  connectWithinMs?: number;
}

/** Start the choice and link the core to it. */
export async function startBackend(core: WallCore, choice: { backend: BackendChoice; node: NodeChoice }, options: StartBackendOptions): Promise<RunningBackend> {
  const { backend, node } = choice;
  const { log, settings, connectWithinMs = 3000 } = options;
  if (backend.kind === 'off') return { restUrl: null, hub: null, sync: null, cameras: noCameraRelay(), camerasUrl: null, close: async () => {} };
  let hub: EmbeddedHub | null = null;
  let urls: string[];
  let token: string;
  let ca: Buffer | undefined;
  if (backend.kind === 'embedded') {
    const embedHub = options.embedHub;
    if (!embedHub) throw new Error('this process cannot embed a hub: set TOAN_CANH_HUB to the hub\'s URL (with TOAN_CANH_HUB_TOKEN) or to "off"');
    const stored = GrantsSchema.safeParse(settings?.get('hub.embedded.tokens'));
    const grants: TokenGrant[] = stored.success ? stored.data : [
      { token: newToken(), role: 'admin', name: 'hub admin' },
      { token: newToken(), role: 'node', name: 'embedded wall node' },
    ];
    if (!stored.success) settings?.set('hub.embedded.tokens', grants);
    const embed = (port: number) => embedHub({
      port,
      dbFile: backend.dbFile,
      tokens: grants,
      log: log.child('hub'),
      scenariosDir: backend.scenariosDir,
      ...(backend.rulesDir === undefined ? {} : { rulesDir: backend.rulesDir }),
      ...(backend.sourcesDir ? { sourcesDir: backend.sourcesDir } : {}),
      ...(backend.simulate ? { simulate: backend.simulate } : {}),
      ...(backend.applyDelayMs === undefined ? {} : { applyDelayMs: backend.applyDelayMs }),
      ...(backend.camerasDir ? { cameras: { mediaDir: backend.camerasDir } } : {}),
      backups: backend.backups ?? null,
    });
    hub = await embedOnKeptPort(embed, backend.port, settings, log);
    urls = [hub.url];
    token = grants.find((g) => g.role === 'node')?.token ?? '';
  } else {
    urls = backend.urls;
    token = backend.token;
    ca = backend.ca;
  }
  // Before the link starts, so the hub is told the revision this node shows and replays nothing already shown.
  const keeper = options.lastShown ? keepLastShown({ core, table: options.lastShown, log: log.child('shown') }) : null;
  const sync = startBackendSync({ core, log: log.child('node'), url: urls, token, ...(ca ? { ca } : {}), nodeId: node.nodeId, allowLocalActivation: node.allowLocalActivation, ...(node.screens ? { screens: node.screens } : {}) });
  // Wait briefly so the first printed state is settled; a hub that is down is not an error: the link keeps trying.
  const end = Date.now() + connectWithinMs;
  while (core.state.backend?.state !== 'connected' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return {
    restUrl: hub ? `${hub.url}/api?token=${encodeURIComponent(hub.adminToken)}` : null,
    hub,
    sync,
    cameras: hub ? (hub.cameras ? localCameraRelay(hub.cameras) : noCameraRelay()) : remoteCameraRelay(() => sync.link.url, log.child('cameras'), ca),
    get camerasUrl() {
      return hub && !hub.cameras ? null : sync.link.url;
    },
    close: async () => {
      sync.close();
      keeper?.close();
      await hub?.close();
    },
  };
}

const PORT_KEY = 'hub.embedded.port';
const PortSchema = z.number().int().min(1).max(65535);

/**
 * Without a port chosen (TOAN_CANH_HUB_PORT unset or 0) the embedded hub asks for the one it had last
 * time, so URLs given out (REST, other nodes) keep working; taken by another program, any free one.
 */
async function embedOnKeptPort(embed: (port: number) => Promise<EmbeddedHub>, chosen: number, settings: StartBackendOptions['settings'], log: Logger): Promise<EmbeddedHub> {
  if (chosen !== 0) return embed(chosen);
  const kept = PortSchema.safeParse(settings?.get(PORT_KEY));
  let hub: EmbeddedHub;
  try {
    hub = await embed(kept.success ? kept.data : 0);
  } catch (err) {
    if (!kept.success || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    log.warn(`the embedded hub's port ${kept.data} (kept from the last start) is taken by another program; using a free port: URLs given out before change`, { port: kept.data });
    hub = await embed(0);
  }
  const port = Number(new URL(hub.url).port);
  if (!kept.success || kept.data !== port) settings?.set(PORT_KEY, port);
  return hub;
}

/**
 * The backend for a started app, as both the Electron app and the web host run it: the choice from
 * the environment, the embedded hub's data beside the app's database, its tokens kept in settings.
 */
export function startAppBackend(
  app: RunningApp,
  options: { dbFile: string; scenariosDir: string; camerasDir?: string; log: Logger; env?: NodeJS.ProcessEnv; embedHub?: EmbedHub; node: NodeConfig; hubCa?: string },
): Promise<RunningBackend> {
  const { backend } = backendFromEnv(options.env ?? process.env, {
    dataDir: path.dirname(options.dbFile),
    scenariosDir: options.scenariosDir,
    ...(options.camerasDir ? { camerasDir: options.camerasDir } : {}),
    ...(options.hubCa ? { hubCa: options.hubCa } : {}),
  });
  const { node } = options;
  const choice = { backend, node: { nodeId: node.nodeId, allowLocalActivation: node.allowLocalActivation, ...(node.partial ? { screens: node.screens } : {}) } };
  return startBackend(app.core, choice, {
    log: options.log,
    ...(options.embedHub ? { embedHub: options.embedHub } : {}),
    settings: { get: (k) => app.db.settings.get(k, z.unknown()), set: (k, v) => void app.db.settings.set(k, v) },
    lastShown: app.db.lastShown,
  });
}
