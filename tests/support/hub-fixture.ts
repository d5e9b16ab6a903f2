import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventChannel, EventPayload, FeedEventChannel, FeedEventPayload } from '../../common/contract.js';
import type { DataEntry } from '../../common/protocol/data.js';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import { WallSchema } from '../../common/wall/schema.js';
import { startBackendSync, type BackendSync, type BackendSyncOptions } from '../../electron/hub-link/backend-sync.js';
import type { CoreClient } from '../../electron/wall/client.js';
import { memoryLogger } from '../../node-common/log.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { startHub, type RunningHub, type StartHubOptions } from '../../hub/server.js';
import type { TokenGrant } from '../../hub/tokens.js';

// A real hub on loopback and wall nodes with stand-in screens that report each revision they receive,
// as the renderer does once a revision is on screen.

export const TOKENS = {
  node: 'node-token-0123456789abcdef',
  leader: 'leader-token-0123456789abcdef',
  operator: 'operator-token-0123456789abcdef',
  admin: 'admin-token-0123456789abcdef',
};
const grants: TokenGrant[] = [
  { token: TOKENS.node, role: 'node', name: 'wall nodes' },
  { token: TOKENS.leader, role: 'leader', name: 'Lãnh đạo Nguyễn Văn A' },
  { token: TOKENS.operator, role: 'operator', name: 'Cán bộ vận hành B' },
  { token: TOKENS.admin, role: 'admin', name: 'admin' },
];

export const demoWall = () => WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
export const demoLayout = () => LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tc-hub-'));
}

export async function testHub(options: Partial<StartHubOptions> = {}): Promise<RunningHub & { log: ReturnType<typeof memoryLogger> }> {
  const log = memoryLogger();
  const hub = await startHub({ port: 0, tokens: grants, log, scenariosDir: 'config/scenarios', rulesDir: 'config/rules', ackTimeoutMs: 3000, applyDelayMs: 50, ...options });
  return Object.assign(hub, { log });
}

export interface ScreenStub extends CoreClient {
  /** Stop confirming new revisions; report this error instead. */
  failWith(message: string | null): void;
  data: Map<string, DataEntry>;
}

function screenStub(core: WallCore, screenId: string): ScreenStub {
  let failure: string | null = null;
  const data = new Map<string, DataEntry>();
  const stub: ScreenStub = {
    id: `screen-${screenId}`,
    transport: 'browser',
    role: 'screen',
    screenId,
    data,
    failWith: (m) => {
      failure = m;
    },
    send<E extends EventChannel>(event: E, payload: EventPayload<E>) {
      if (event !== 'state:snapshot' && event !== 'state:patch') return;
      const revision = (payload as { revision: number }).revision;
      setImmediate(() => {
        const report = failure === null ? { screenId, appliedRevision: revision, state: 'ready' as const } : { screenId, appliedRevision: revision - 1, state: 'error' as const, message: failure };
        void core.handle(stub, 'screen:report', report);
      });
    },
    sendFeed<E extends FeedEventChannel>(event: E, payload: FeedEventPayload<E>) {
      if (event === 'data:snapshot' || event === 'data:update') for (const e of (payload as { entries: DataEntry[] }).entries) data.set(e.key, e);
    },
  };
  return stub;
}

export interface TestNode {
  core: WallCore;
  sync: BackendSync;
  screens: Record<string, ScreenStub>;
  log: ReturnType<typeof memoryLogger>;
  console: CoreClient & { events: Array<{ event: string; payload: unknown }> };
  close(): void;
}

export function testNode(hubUrl: string, options: Partial<BackendSyncOptions> & { screens?: string[] } = {}): TestNode {
  const log = memoryLogger();
  const core = new WallCore({ wall: demoWall(), layout: demoLayout(), log: log.child('core') });
  const screens: Record<string, ScreenStub> = {};
  const ids = options.screens ?? core.state.wall.screens.map((s) => s.id);
  for (const id of ids) {
    screens[id] = screenStub(core, id);
    core.connect(screens[id]);
  }
  const events: Array<{ event: string; payload: unknown }> = [];
  const consoleClient = {
    id: 'console-1',
    transport: 'browser' as const,
    role: 'console' as const,
    events,
    send: (event: string, payload: unknown) => void events.push({ event, payload }),
    sendFeed: (event: string, payload: unknown) => void events.push({ event, payload }),
  };
  core.connect(consoleClient);
  const sync = startBackendSync({
    core,
    log: log.child('sync'),
    url: hubUrl,
    token: TOKENS.node,
    nodeId: options.nodeId ?? 'node-1',
    ackTimeoutMs: 3000,
    link: { reconnectDelayMs: 50, reconnectDelayMaxMs: 200, refusedRetryMs: 200, syncIntervalMs: 500, ...options.link },
    ...options,
    screens: ids,
  });
  return { core, sync, screens, log, console: consoleClient, close: () => sync.close() };
}

/** Poll until `check` holds; the error names what was awaited. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function rest(hub: { url: string }, method: string, route: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${hub.url}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}
