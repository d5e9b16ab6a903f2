import type { DataEntry, SourceHealth } from '../../common/protocol/data.js';
import type { Logger } from '../../node-common/log.js';

// What a running source may do with the hub: publish data points, mark them stale, and say its health
// changed. Sources never touch the hub's core directly, so a broken one cannot disturb the rest.

export interface SourceHost {
  now(): number;
  log: Logger;
  /** A key's current value (merging targets: gauges, series). */
  current(key: string): DataEntry | undefined;
  /** Stored, sent to every node, checked by the rules (like POST /api/data). */
  publish(entries: readonly DataEntry[]): void;
  /** The source of these keys is failing: their last values are re-sent marked stale. */
  markStale(keys: readonly string[]): void;
  /** The source's health changed (the hub republishes `hub.sources`). */
  healthChanged(): void;
}

export interface RunningSource {
  readonly id: string;
  health(): SourceHealth;
  close(): Promise<void>;
}

const MAX_ERROR = 500;

/** The health of one source and the keys it wrote; `down` marks them stale once, `accept` makes them live again. */
export class SourceTracker {
  private state: SourceHealth['state'] = 'starting';
  private lastSuccessAt: number | null = null;
  private lastValueAt: number | null = null;
  private errorCount = 0;
  private lastError: string | null = null;
  private lastErrorAt: number | null = null;
  private readonly keys = new Set<string>();

  constructor(
    readonly id: string,
    private readonly kind: SourceHealth['kind'],
    private readonly name: string | undefined,
    private readonly host: SourceHost,
  ) {}

  /** Good values: published, the source is ok. */
  accept(entries: readonly DataEntry[]): void {
    if (entries.length) {
      for (const e of entries) if (this.keys.size < 500 || this.keys.has(e.key)) this.keys.add(e.key);
      this.host.publish(entries);
      this.lastValueAt = Math.max(this.lastValueAt ?? 0, ...entries.map((e) => e.at));
    }
    this.succeeded();
  }

  /** The source answered (even with nothing new). */
  succeeded(): void {
    const was = this.state;
    this.state = 'ok';
    this.lastSuccessAt = this.host.now();
    if (was !== 'ok') this.host.healthChanged();
  }

  /** The source itself is failing (unreachable, timed out, broker gone, unreadable answer): its points go stale. */
  down(message: string): void {
    this.record(message);
    const was = this.state;
    this.state = 'failing';
    if (was !== 'failing') {
      this.host.log.warn('source failing', { source: this.id, error: this.lastError });
      this.host.markStale([...this.keys]);
    }
    this.host.healthChanged();
  }

  /** One input refused (a bad field, an unknown topic); the source goes on and its other points stay live. */
  refuse(message: string): void {
    this.record(message);
    this.host.log.warn('source input refused', { source: this.id, error: this.lastError });
    this.host.healthChanged();
  }

  get failing(): boolean {
    return this.state === 'failing';
  }

  health(): SourceHealth {
    const now = this.host.now();
    const freshest = this.lastValueAt ?? this.lastSuccessAt;
    return {
      id: this.id,
      kind: this.kind,
      ...(this.name ? { name: this.name } : {}),
      state: this.state,
      lastSuccessAt: this.lastSuccessAt,
      lagMs: freshest === null ? null : Math.max(0, Math.round(now - freshest)),
      errorCount: this.errorCount,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
      keys: [...this.keys].sort(),
    };
  }

  private record(message: string): void {
    this.errorCount++;
    this.lastError = message.length > MAX_ERROR ? `${message.slice(0, MAX_ERROR - 1)}…` : message;
    this.lastErrorAt = this.host.now();
  }
}
