import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WallHealth } from '../../../common/protocol/health.js';
import { prepareWallFiles } from './web-host-process.js';

// One wall driven by two PCs, on this one: the standalone hub (`hub/main.ts`) and two wall nodes
// (`electron/web-main.ts --node config/nodes/demo-2x2-row-{a,b}.json`), each with its own database and
// port, as `npm run demo:multi` starts them. Each runs as `node --import tsx …`, so its pid is the
// process itself (tsx's own CLI would put a child under it): kill -9 kills the node, not a wrapper.
// Used by tests/e2e/multi-node.spec.ts and `bench:switch --nodes 2`.

export const NODE_FILES = { 'demo-row-a': 'config/nodes/demo-2x2-row-a.json', 'demo-row-b': 'config/nodes/demo-2x2-row-b.json' } as const;
export type NodeId = keyof typeof NODE_FILES;

export interface NodeProcess {
  nodeId: NodeId;
  screens: string[];
  consoleUrl: string;
  screenUrls: Map<string, string>;
  /** Whether the process runs now. */
  running(): boolean;
  /** SIGKILL, as a PC losing power: nothing is closed or said to the hub. */
  kill9(): Promise<void>;
  /** Starts it again on the same port and database: its pages reconnect by themselves. */
  restart(): Promise<void>;
}

export interface MultiNodeWall {
  dir: string;
  /** The hub's origin (socket.io and REST). */
  hubOrigin: string;
  nodes: Record<NodeId, NodeProcess>;
  /** POST /api/scenarios/<id>/activate with the hub's admin token. */
  activate(scenarioId: string): Promise<{ revision: number; applyAt: number }>;
  /** GET /api/walls/demo-2x2/health: every node and its screens as the hub knows them. */
  health(): Promise<WallHealth>;
  stop(): Promise<void>;
}

export interface MultiNodeOptions {
  /** Panel types left out of the nodes' layout and every scenario (see web-host-process.ts). */
  withoutTypes?: readonly string[];
  /** Changes to the scenario files (by id) before the hub reads them: a test's own panels. */
  editScenario?: (id: string, scenario: { layout: { panels: unknown[] } }) => void;
  /** How far ahead of an activation every screen swaps (the hub's --apply-delay). */
  applyDelayMs?: number;
  /** More environment for the hub and the nodes. */
  env?: Record<string, string>;
}

const STARTUP_MS = 120_000;

export async function startMultiNodeWall(options: MultiNodeOptions = {}): Promise<MultiNodeWall> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-multi-e2e-'));
  const { wallFile, scenariosDir } = prepareWallFiles(dir, { withoutTypes: options.withoutTypes ?? [] });
  if (options.editScenario) {
    for (const file of fs.readdirSync(scenariosDir)) {
      const full = path.join(scenariosDir, file);
      const scenario = JSON.parse(fs.readFileSync(full, 'utf8')) as { id: string; layout: { panels: unknown[] } };
      options.editScenario(scenario.id, scenario);
      fs.writeFileSync(full, JSON.stringify(scenario, null, 2));
    }
  }
  const children: ChildProcess[] = [];
  const env = { ...options.env, FORCE_COLOR: '0' };
  try {
    const hubArgs = ['hub/main.ts', '--port', '0', '--db', path.join(dir, 'hub.db'), '--scenarios', scenariosDir, '--apply-delay', String(options.applyDelayMs ?? 600)];
    const hub = await startPrinting('hub', hubArgs, env, (lines) => lines.some((l) => l.startsWith('wall nodes: ')));
    children.push(hub.child);
    const nodeLine = hub.lines.find((l) => l.startsWith('wall nodes: '))!;
    const hubOrigin = /TOAN_CANH_HUB=(\S+)/.exec(nodeLine)?.[1];
    const nodeToken = /TOAN_CANH_HUB_TOKEN=(\S+)/.exec(nodeLine)?.[1];
    const rest = hub.lines.map((l) => /(http\S+\/api\?token=\S+)/.exec(l)?.[1]).find(Boolean);
    if (!hubOrigin || !nodeToken || !rest) throw new Error(`the hub printed no node settings or REST URL:\n${hub.lines.join('\n')}`);
    const adminToken = new URL(rest).searchParams.get('token')!;
    const nodeEnv = { ...env, TOAN_CANH_HUB: hubOrigin, TOAN_CANH_HUB_TOKEN: nodeToken };

    // Both nodes start at once, as two PCs switched on together.
    const ids = Object.keys(NODE_FILES) as NodeId[];
    const started = await Promise.all(ids.map((id) => startNode(id, wallFile, path.join(dir, id), nodeEnv, children)));
    const nodes = Object.fromEntries(ids.map((id, i) => [id, started[i]!])) as Record<NodeId, NodeProcess>;

    const api = async <T>(method: string, route: string): Promise<T> => {
      const res = await fetch(`${hubOrigin}${route}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
      const answer = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
      if (!answer.ok) throw new Error(`${method} ${route}: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    };
    return {
      dir,
      hubOrigin,
      nodes,
      activate: (scenarioId) => api('POST', `/api/scenarios/${scenarioId}/activate`),
      health: () => api('GET', '/api/walls/demo-2x2/health'),
      async stop() {
        await Promise.all(children.map(stopChild));
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await Promise.all(children.map(stopChild));
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function startNode(nodeId: NodeId, wallFile: string, dir: string, env: Record<string, string>, children: ChildProcess[]): Promise<NodeProcess> {
  fs.mkdirSync(dir);
  let port = 0;
  const launch = async () => {
    const args = ['electron/web-main.ts', '--wall', wallFile, '--node', NODE_FILES[nodeId], '--port', String(port), '--db', path.join(dir, 'wall.db')];
    const started = await startPrinting(nodeId, args, env, (lines) => {
      const screens = /máy \/ node \S+: (.+)$/.exec(lines[0] ?? '')?.[1]?.split(', ') ?? [];
      return screens.length > 0 && lines.some((l) => l.startsWith('console ')) && lines.filter((l) => l.startsWith('screen ')).length === screens.length;
    });
    children.push(started.child);
    return started;
  };
  let current = await launch();
  const consoleUrl = current.lines.find((l) => l.startsWith('console '))!.split(' ')[1]!;
  port = Number(new URL(consoleUrl).port);
  const screenUrls = new Map(current.lines.filter((l) => l.startsWith('screen ')).map((l) => l.split(' ').slice(1, 3) as [string, string]));
  return {
    nodeId,
    screens: [...screenUrls.keys()],
    consoleUrl,
    screenUrls,
    running: () => current.child.exitCode === null && current.child.signalCode === null,
    async kill9() {
      const exited = new Promise((resolve) => current.child.once('exit', resolve));
      current.child.kill('SIGKILL');
      await exited;
    },
    async restart() {
      current = await launch();
    },
  };
}

interface Printing {
  child: ChildProcess;
  lines: string[];
}

/** Starts `node --import tsx <args>` and resolves once `done` finds what it needs in the printed lines. */
function startPrinting(name: string, args: string[], env: Record<string, string>, done: (lines: string[]) => boolean): Promise<Printing> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + String(d)).slice(-20_000)));
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start: ${why}\nstdout:\n${out}\nstderr:\n${err}`));
    };
    const timer = setTimeout(() => fail(`nothing usable printed within ${STARTUP_MS / 1000} s`), STARTUP_MS);
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal})`));
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const lines = out.split('\n').slice(0, -1).filter(Boolean); // complete lines only
      if (!done(lines)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, lines });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
