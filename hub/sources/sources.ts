import type { DataEntry, SourceHealth } from '../../common/protocol/data.js';
import type { Logger } from '../../node-common/log.js';
import type { SourceConfig } from './config.js';
import { readSourceFiles, type SourceFileProblem } from './load.js';
import type { ActiveAlert } from './cap/cap-alerts.js';
import { startCapSource, type CapSource } from './cap/cap-source.js';
import { startHttpSource } from './http-source.js';
import { startMqttSource, type MqttSourceOptions } from './mqtt-source.js';
import { SourceTracker, type RunningSource, type SourceHost } from './source-host.js';

// The hub's data sources (config/sources): started with the hub, each with its health, all published as
// the data key `hub.sources` for the console and answered on GET /api/sources.

export const SOURCES_KEY = 'hub.sources';

/** What the sources need of the hub's core. */
export interface SourceSink {
  publish(entries: readonly DataEntry[]): void;
  markStale(keys: readonly string[]): void;
  dataValue(key: string): DataEntry | undefined;
}

export interface SourcesOptions {
  /** config/sources; files are read once at start. */
  dir?: string;
  /** Configs given directly (tests, the demo), after those of `dir`. */
  configs?: readonly SourceConfig[];
  sink: SourceSink;
  log: Logger;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
  mqtt?: MqttSourceOptions;
  /** Most one `hub.sources` update per this many ms (default 500). */
  healthEveryMs?: number;
  /**
   * MQTT readings gathered for this many ms and published as one batch (default 0: each at once). A busy
   * broker's readings then reach every node and screen as one message, not one each; the other sources
   * (a poll's answer, a pushed alert) publish at once, after what was gathered.
   */
  batchMs?: number;
}

export class Sources {
  readonly problems: SourceFileProblem[] = [];
  /** POST /api/data: the webhook every province's own system may push to. */
  readonly webhook: SourceTracker;
  private readonly running = new Map<string, RunningSource>();
  private readonly caps = new Map<string, CapSource>();
  private readonly alertListeners = new Set<(alerts: ActiveAlert[]) => void>();
  private readonly host: SourceHost;
  private healthTimer: NodeJS.Timeout | null = null;
  private pending: DataEntry[] = [];
  /** The latest pending entry of each key, for sources that merge into a key's current value. */
  private readonly pendingByKey = new Map<string, DataEntry>();
  private batchTimer: NodeJS.Timeout | null = null;
  private readonly refresh: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: SourcesOptions) {
    const now = options.now ?? Date.now;
    this.host = {
      now,
      log: options.log,
      current: (key) => this.pendingByKey.get(key) ?? options.sink.dataValue(key),
      publish: (entries) => {
        this.flush(); // in order: gathered readings first
        options.sink.publish(entries);
      },
      markStale: (keys) => {
        this.flush(); // in order: the values before their stale mark
        options.sink.markStale(keys);
      },
      healthChanged: () => this.scheduleHealth(),
    };
    this.webhook = new SourceTracker('webhook', 'webhook', 'POST /api/data', this.host);
    const configs: SourceConfig[] = [];
    if (options.dir) {
      const read = readSourceFiles(options.dir);
      this.problems.push(...read.problems);
      configs.push(...read.sources.map((s) => s.config));
    }
    configs.push(...(options.configs ?? []));
    for (const p of this.problems) options.log.error('source file refused', { file: p.file, problem: p.message });
    for (const config of configs) {
      if (!config.enabled) continue;
      if (this.running.has(config.id) || config.id === 'webhook') {
        this.problems.push({ file: '(given)', message: `source id "${config.id}" is used twice` });
        continue;
      }
      this.running.set(config.id, this.start(config));
    }
    // Lag grows while nothing happens: the console's figures stay current.
    this.refresh = setInterval(() => this.publishHealth(), 15_000);
    this.refresh.unref();
    this.publishHealth();
  }

  list(): SourceHealth[] {
    return [...[...this.running.values()].map((s) => s.health()), this.webhook.health()];
  }

  get(id: string): RunningSource | undefined {
    return this.running.get(id);
  }

  /** A CAP source by id (POST /api/sources/<id>/cap). */
  cap(id: string): CapSource | undefined {
    return this.caps.get(id);
  }

  /** Every CAP alert in force, from every CAP source (for rules on severity, event or area). */
  capAlerts(): ActiveAlert[] {
    return [...this.caps.values()].flatMap((c) => c.active());
  }

  /** Called with capAlerts() after each change; returns the stop function. */
  onCapAlerts(listener: (alerts: ActiveAlert[]) => void): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.refresh);
    if (this.healthTimer) clearTimeout(this.healthTimer);
    await Promise.all([...this.running.values()].map((s) => s.close().catch(() => undefined)));
    this.flush();
  }

  private gather(entries: readonly DataEntry[]): void {
    const batchMs = this.options.batchMs ?? 0;
    if (batchMs <= 0) return this.options.sink.publish(entries);
    for (const e of entries) {
      this.pending.push(e);
      this.pendingByKey.set(e.key, e);
    }
    if (this.batchTimer) return;
    this.batchTimer = setTimeout(() => this.flush(), batchMs);
    this.batchTimer.unref();
  }

  private flush(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
    if (!this.pending.length) return;
    const entries = this.pending;
    this.pending = [];
    this.pendingByKey.clear();
    this.options.sink.publish(entries);
  }

  private start(config: SourceConfig): RunningSource {
    const log = this.options.log.child(config.id);
    const host = { ...this.host, log };
    switch (config.type) {
      case 'mqtt':
        return startMqttSource(config, { ...host, publish: (entries) => this.gather(entries) }, { ...this.options.mqtt, ...(this.options.env ? { env: this.options.env } : {}) });
      case 'http':
        return startHttpSource(config, host, this.options.env);
      case 'cap': {
        const source = startCapSource(config, host, () => this.alertsChanged(), this.options.env);
        this.caps.set(config.id, source);
        return source;
      }
    }
  }

  private alertsChanged(): void {
    const alerts = this.capAlerts();
    for (const l of this.alertListeners) {
      try {
        l(alerts);
      } catch (err) {
        this.options.log.error('cap alert listener failed', { error: String(err) });
      }
    }
  }

  private scheduleHealth(): void {
    if (this.healthTimer || this.closed) return;
    this.healthTimer = setTimeout(() => {
      this.healthTimer = null;
      this.publishHealth();
    }, this.options.healthEveryMs ?? 500);
    this.healthTimer.unref();
  }

  private publishHealth(): void {
    if (this.closed) return;
    const now = this.host.now();
    this.options.sink.publish([{ key: SOURCES_KEY, value: { type: 'sources', items: this.list().slice(0, 200) }, at: now }]);
  }
}
