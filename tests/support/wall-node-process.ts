import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { applyPatch, type StatePatch, type WallState } from '../../common/state.js';
import type { DataEntry } from '../../common/protocol/data.js';
import { TOKENS } from './hub-fixture.js';
import { WallSocket } from './wall-socket.js';

// A wall node as a real process following a hub (the web host: `node --import tsx electron/web-main.ts`),
// so a test can kill it with SIGKILL the way a power cut would, and its console seen over the WebSocket.

export interface WallNodeProcess {
  origin: string;
  consoleToken: string;
  /** SIGKILL: nothing is flushed, nothing is closed. */
  kill9(): Promise<void>;
}

/** web-main serves the built pages and refuses to start without them; build them once when missing. */
export function ensureRendererBuilt(): void {
  if (fs.existsSync(path.resolve('dist/renderer/index.html'))) return;
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export async function startWallNodeProcess(options: { db: string; hubUrl: string; nodeId?: string }): Promise<WallNodeProcess> {
  const args = ['--import', 'tsx', 'electron/web-main.ts', '--wall', 'config/walls/demo-2x2.json', '--db', options.db, '--port', '0'];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TOAN_CANH_HUB: options.hubUrl, TOAN_CANH_HUB_TOKEN: TOKENS.node, TOAN_CANH_NODE_ID: options.nodeId ?? 'restart-node', FORCE_COLOR: '0' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + String(d)).slice(-8000)));
  const consoleUrl = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wall node printed no console URL within 60 s\n${out}\n${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const match = /^console (\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(new URL(match[1]));
      }
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`wall node exited with ${code}\n${out}\n${err}`))));
  });
  return {
    origin: consoleUrl.origin,
    consoleToken: consoleUrl.searchParams.get('token') ?? '',
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The node's console: the state as snapshot + patches, and the data it was sent. */
export interface ConsoleView {
  socket: WallSocket;
  state(): WallState | null;
  data(): Map<string, DataEntry>;
  /** The scenario revisions the node sent in patches, in order (a switch shown twice would appear twice). */
  scenarioPatches(): number[];
  close(): void;
}

export async function openConsole(node: WallNodeProcess): Promise<ConsoleView> {
  const socket = await WallSocket.open(`${node.origin.replace('http', 'ws')}/ws?token=${node.consoleToken}&role=console`);
  const view: ConsoleView = {
    socket,
    state() {
      let state: WallState | null = null;
      for (const m of socket.messages) {
        if (m.event === 'state:snapshot') state = m.payload as WallState;
        else if (m.event === 'state:patch' && state) state = applyPatch(state, m.payload as StatePatch) ?? state;
      }
      return state;
    },
    data() {
      const data = new Map<string, DataEntry>();
      for (const m of socket.messages) {
        if (m.event !== 'data:snapshot' && m.event !== 'data:update') continue;
        for (const e of (m.payload as { entries: DataEntry[] }).entries) data.set(e.key, e);
      }
      return data;
    },
    scenarioPatches() {
      return socket.messages.flatMap((m) => (m.event === 'state:patch' && (m.payload as StatePatch).set.scenario ? [(m.payload as StatePatch).set.scenario!.revision] : []));
    },
    close: () => socket.close(),
  };
  return view;
}
