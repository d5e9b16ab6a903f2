import type { Activation } from '../../common/protocol/scenario.js';
import type { Logger } from '../../node-common/log.js';

// The backstop for fan-out between hubs: every period this hub reads each wall's revision from the
// shared store and, when a wall it has nodes for moved on, sends them the latest activation itself.
// Redis normally gets there first (a node treats the same revision again as a no-op); while Redis
// is away or restarting, this keeps every screen on the last revision within a period or two.

export interface StoreWatchOptions {
  periodMs: number;
  log: Logger;
  now: () => number;
  revisions(): Promise<Map<string, number>>;
  latest(wallId: string): Promise<Activation | null>;
  /** Walls with nodes connected to this hub. */
  localWalls(): string[];
  send(activation: Activation): void;
}

export class StoreWatch {
  private readonly seen = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private lastLook: number | null = null;
  private failing = false;
  private primed = false;

  constructor(private readonly o: StoreWatchOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.look(), this.o.periodMs);
    this.timer.unref();
  }

  /** When the store last answered (hub clock), or null before the first look. */
  get lastLookAt(): number | null {
    return this.lastLook;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async look(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const revisions = await this.o.revisions();
      this.lastLook = this.o.now();
      if (this.failing) this.o.log.info('store answers again');
      this.failing = false;
      const local = new Set(this.o.localWalls());
      const primed = this.primed;
      this.primed = true;
      for (const [wallId, revision] of revisions) {
        const seen = this.seen.get(wallId) ?? 0;
        this.seen.set(wallId, revision);
        // The first look only notes where things are: nodes got the latest activation when they connected.
        if (!primed || revision <= seen || !local.has(wallId)) continue;
        const latest = await this.o.latest(wallId);
        if (latest) this.o.send(latest);
      }
    } catch (error) {
      if (!this.failing) this.o.log.warn('store watch cannot read revisions', { error: String(error) });
      this.failing = true;
    } finally {
      this.running = false;
    }
  }
}
