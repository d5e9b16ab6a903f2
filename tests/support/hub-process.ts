import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { TOKENS } from './hub-fixture.js';

// The hub as a real process, so a test can kill it (SIGKILL) the way a crash or a pulled plug would.
// Bundled once with esbuild (packages stay external) so each start takes a fraction of a second.

const bundle = path.resolve('node_modules/.cache/toan-canh-tests/hub-main.mjs');
let built: Promise<void> | null = null;

export interface HubProcess {
  url: string;
  port: number;
  kill(): Promise<void>;
}

export interface HubProcessOptions {
  port?: number;
  db: string;
  /** postgres://…: one of several hubs sharing the store (with redis for the fan-out). */
  store?: string;
  redis?: string;
  hubId?: string;
}

export async function startHubProcess(dir: string, options: HubProcessOptions): Promise<HubProcess> {
  built ??= build({ entryPoints: ['hub/main.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'silent' }).then(() => undefined);
  await built;
  const tokensFile = path.join(dir, 'tokens.json');
  fs.writeFileSync(tokensFile, JSON.stringify([
    { token: TOKENS.node, role: 'node', name: 'wall nodes' },
    { token: TOKENS.leader, role: 'leader', name: 'Lãnh đạo Nguyễn Văn A' },
    { token: TOKENS.admin, role: 'admin', name: 'admin' },
  ]));
  const child = spawn(process.execPath, [bundle, '--port', String(options.port ?? 0), '--db', options.db, '--tokens', tokensFile, '--scenarios', path.resolve('config/scenarios'), '--no-sim',
    ...(options.store ? ['--store', options.store] : []), ...(options.redis ? ['--redis', options.redis] : []), ...(options.hubId ? ['--hub-id', options.hubId] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await firstUrl(child);
  return {
    url,
    port: Number(new URL(url).port),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function firstUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += String(d)).slice(-4000));
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d);
      const match = /^Toàn Cảnh hub (http:\/\/\S+)/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out}\n${err.slice(-2000)}`)));
  });
}
