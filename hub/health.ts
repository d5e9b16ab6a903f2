import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RedisFanout } from './cluster/redis-fanout.js';
import type { HubStore } from './store/hub-store.js';

// What GET /api/health says about this hub: its role (one hub on SQLite; one of several on PostgreSQL,
// active or degraded when its database is away), whether its store and Redis answer and how fast, and
// how late its event loop runs. A degraded hub answers 503 so a load balancer or a person moves on.

export interface HubHealth {
  hubId: string;
  /** single: SQLite, the only hub; active: shares PostgreSQL with others; degraded: cannot reach its store, refuses commands. */
  role: 'single' | 'active' | 'degraded';
  store: { kind: HubStore['kind']; reachable: boolean; rttMs: number | null; error?: string };
  /** null when the hub runs without Redis (one hub). */
  redis: { reachable: boolean; rttMs: number | null; error?: string } | null;
  /** Event-loop delay (99th percentile since the last report, ms) and how old the store watch's last look is. */
  lag: { eventLoopMs: number; storeWatchMs: number | null };
  nodes: number;
}

const PROBE_MS = 1500;

export class HealthProbe {
  private readonly loop = monitorEventLoopDelay({ resolution: 20 });

  constructor(private readonly o: { hubId: string; store: HubStore; redis: RedisFanout | null; nodes: () => number; storeWatchAt: () => number | null; now: () => number }) {
    this.loop.enable();
  }

  setRedis(redis: RedisFanout): void {
    this.o.redis = redis;
  }

  async report(): Promise<HubHealth> {
    const [store, redis] = await Promise.all([this.probeStore(), this.o.redis ? probe(() => this.o.redis!.ping(PROBE_MS)) : Promise.resolve(null)]);
    const eventLoopMs = Math.round(this.loop.percentile(99) / 1e4) / 100;
    this.loop.reset();
    const watched = this.o.storeWatchAt();
    const role = this.o.store.kind === 'sqlite' ? 'single' : store.reachable ? 'active' : 'degraded';
    return {
      hubId: this.o.hubId,
      role,
      store: { kind: this.o.store.kind, ...store },
      redis,
      lag: { eventLoopMs, storeWatchMs: watched === null ? null : this.o.now() - watched },
      nodes: this.o.nodes(),
    };
  }

  close(): void {
    this.loop.disable();
  }

  private probeStore() {
    return probe(async () => {
      const started = performance.now();
      await this.o.store.ping();
      return performance.now() - started;
    });
  }
}

async function probe(run: () => Promise<number>): Promise<{ reachable: boolean; rttMs: number | null; error?: string }> {
  try {
    return { reachable: true, rttMs: Math.round((await run()) * 100) / 100 };
  } catch (error) {
    return { reachable: false, rttMs: null, error: (error instanceof Error ? error.message : String(error)).slice(0, 300) };
  }
}
