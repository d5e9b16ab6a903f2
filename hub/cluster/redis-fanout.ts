import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../../node-common/log.js';

// Event fan-out between hub processes: socket.io's Redis adapter, so an activation one hub commits
// reaches the nodes connected to every other hub. Redis carries no state: while it is away each hub
// still serves its own nodes, and the store watch (store-watch.ts) brings them up to date.

export interface RedisFanout {
  /** host:port, for logs and health. */
  readonly where: string;
  /** Round trip in ms; rejects when Redis cannot be reached within `timeoutMs`. */
  ping(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

export async function attachRedis(io: Server, url: string, log: Logger): Promise<RedisFanout> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`--redis takes redis://host:port, not "${url}"`);
  const where = `${parsed.hostname}:${parsed.port || '6379'}`;
  let reported = 0;
  const onError = (role: string) => (error: unknown) => {
    // node-redis reports every failed reconnect; one line per 10 s is enough to say it is away.
    if (Date.now() - reported < 10_000) return;
    reported = Date.now();
    log.warn('redis unreachable; events reach only this hub\'s nodes until it is back', { where, role, error: String(error) });
  };
  const pub = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 1000) } });
  const sub = pub.duplicate();
  pub.on('error', onError('publish'));
  sub.on('error', onError('subscribe'));
  pub.on('ready', () => log.info('redis connected', { where }));
  try {
    await withTimeout(Promise.all([pub.connect(), sub.connect()]), 5000, `redis at ${where} did not answer within 5 s; is redis-server running there?`);
  } catch (error) {
    pub.destroy();
    sub.destroy();
    throw error;
  }
  // Set before any node connects: socket.io gives every namespace a fresh adapter (rooms are empty then).
  io.adapter(createAdapter(pub, sub, { key: 'toan-canh', requestsTimeout: 2000 }));
  return {
    where,
    ping: async (timeoutMs) => {
      if (!pub.isReady) throw new Error(`redis at ${where} is not connected`);
      const started = performance.now();
      await withTimeout(pub.ping(), timeoutMs, `redis at ${where} did not answer within ${timeoutMs} ms`);
      return performance.now() - started;
    },
    close: async () => {
      pub.destroy();
      sub.destroy();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
