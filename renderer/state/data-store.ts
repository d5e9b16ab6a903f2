import type { WallBridge } from '../../common/contract.js';
import type { DataEntry } from '../../common/protocol/data.js';

// The page's copy of the wall's data cache: the latest entry of each key, fed by the bridge's data
// events (a snapshot merges like an update). Listeners are per key, so a value for one tile does not
// re-render every panel on the screen.

/** When the latest batch reached the page (for feed-to-screen timings); only the latest is kept. */
function markReceived(count: number): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.clearMarks('tc:data-received');
  performance.mark('tc:data-received', { detail: { count } });
}

export class DataStore {
  private readonly entries = new Map<string, DataEntry>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(private readonly maxKeys = 5000) {}

  /** Listen to the bridge's data events; returns the stop function. */
  start(bridge: Pick<WallBridge, 'onData'>): () => void {
    return bridge.onData?.((batch) => this.receive(batch.entries)) ?? (() => undefined);
  }

  /** Merge entries: an older value than the one held is ignored (the host may resend on reconnect). */
  receive(entries: readonly DataEntry[]): void {
    markReceived(entries.length);
    const changed = new Set<string>();
    for (const e of entries) {
      const known = this.entries.get(e.key);
      if (known && known.at > e.at) continue;
      this.entries.delete(e.key);
      this.entries.set(e.key, e);
      changed.add(e.key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(key);
      changed.add(key);
    }
    for (const key of changed) for (const l of this.listeners.get(key) ?? []) l();
  }

  get(key: string): DataEntry | undefined {
    return this.entries.get(key);
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** Keys someone listens to: a leak check for panels that mount and unmount. */
  get listenedKeys(): number {
    return this.listeners.size;
  }
}
