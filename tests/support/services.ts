import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// PostgreSQL, Redis and mosquitto for tests and fault runs: started on 127.0.0.1 with a free port and their data in a
// temporary folder, stopped by their process ids. PostgreSQL refuses to run as root, so as root its
// binaries run as the "postgres" system user (runuser) in a folder that user owns (MACHINE-NOTES.md).

const run = promisify(execFile);
const PG_BIN = process.env.TOAN_CANH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REDIS = process.env.TOAN_CANH_REDIS_SERVER ?? '/usr/bin/redis-server';

/** Why a service test cannot run here, or null when the binaries are installed. */
export function missingServices(): string | null {
  const missing = [path.join(PG_BIN, 'initdb'), path.join(PG_BIN, 'pg_ctl'), REDIS].filter((f) => !fs.existsSync(f));
  if (missing.length) return `not installed: ${missing.join(', ')} (apt-get install -y --no-install-recommends postgresql redis-server, as .ci/run does)`;
  if (process.getuid?.() === 0 && !fs.existsSync('/usr/sbin/runuser')) return 'running as root without runuser: PostgreSQL refuses to run as root';
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Postgres {
  url: string;
  port: number;
  start(): Promise<void>;
  /** fast: a clean shutdown; immediate: like a crash (recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  pid(): number | null;
}

export async function startPostgres(): Promise<Postgres> {
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-pg-'));
  if (root) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const as = (bin: string, args: string[]) => (root ? run('/usr/sbin/runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]) : run(path.join(PG_BIN, bin), args));
  const data = path.join(dir, 'data');
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'toan', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let started = false;
  const pg: Postgres = {
    url: `postgres://toan@127.0.0.1:${port}/postgres`,
    port,
    start: async () => {
      await as('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'pg.log'), '-w', '-t', '30', 'start']);
      started = true;
    },
    stop: async (mode = 'fast') => {
      if (!started) return;
      started = false;
      await as('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']).catch((err: unknown) => {
        const pid = pg.pid();
        if (pid) process.kill(pid, 'SIGKILL');
        if (!pid) throw err;
      });
    },
    pid: () => {
      try {
        return Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
      } catch {
        return null;
      }
    },
  };
  await pg.start();
  removeOnExit(dir, () => {
    if (!started) return;
    const args = [path.join(PG_BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
    execFileSync(root ? '/usr/sbin/runuser' : args[0]!, root ? ['-u', 'postgres', '--', ...args] : args.slice(1), { stdio: 'ignore' });
  });
  return pg;
}

export interface Redis {
  url: string;
  port: number;
  start(): Promise<void>;
  /** SIGKILL: Redis keeps nothing here, so a restart is a clean slate. */
  stop(): Promise<void>;
}

export async function startRedis(): Promise<Redis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-redis-'));
  const port = await freePort();
  const server = spawned('redis-server', REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], port, 'SIGKILL');
  await server.start();
  removeOnExit(dir, server.kill);
  return { url: `redis://127.0.0.1:${port}`, port, start: server.start, stop: server.stop };
}

export const MOSQUITTO = process.env.TOAN_CANH_MOSQUITTO ?? '/usr/sbin/mosquitto';
export const hasMosquitto = fs.existsSync(MOSQUITTO);

export interface Broker {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Debian's mosquitto; `stop` then `start` keeps the port (a broker that goes away and comes back). */
export async function startMosquitto(extraConfig = ''): Promise<Broker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-mqtt-'));
  const port = await freePort();
  const conf = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n${extraConfig}`);
  const server = spawned('mosquitto', MOSQUITTO, ['-c', conf], port, 'SIGTERM');
  await server.start();
  removeOnExit(dir, server.kill);
  return { url: `mqtt://127.0.0.1:${port}`, port, start: server.start, stop: server.stop };
}

/** A server run as a child process, ready when its port accepts; the same port on every start. */
function spawned(name: string, bin: string, args: string[], port: number, signal: NodeJS.Signals) {
  let child: ChildProcess | null = null;
  return {
    async start(): Promise<void> {
      const c = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child = c;
      let err = '';
      c.stderr?.on('data', (d: Buffer) => (err = (err + String(d)).slice(-2000)));
      const started = Date.now();
      while (!(await accepts(port))) {
        if (c.exitCode !== null) throw new Error(`${name} exited with ${c.exitCode}: ${err}`);
        if (Date.now() - started > 10_000) throw new Error(`${name} did not listen on 127.0.0.1:${port} within 10 s: ${err}`);
        await new Promise((r) => setTimeout(r, 30));
      }
    },
    async stop(): Promise<void> {
      const c = child;
      child = null;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill(signal);
      await exited;
    },
    kill(): void {
      if (child?.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A run that ends without stopping them still stops what it started (by its id) and removes its folder. */
function removeOnExit(dir: string, stop: () => void): void {
  process.once('exit', () => {
    try {
      stop();
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
