import type { DataEntry } from '../common/protocol/data.js';

// The wall's data cache: the latest value of every data key, kept while the hub is unreachable so
// the wall goes on showing the last data. A value older than the cached one is ignored.

export class DataCache {
  private readonly entries = new Map<string, DataEntry>();

  constructor(private readonly maxKeys = 5000) {}

  /** Merge values; returns the ones that were newer than what the cache held. */
  merge(entries: readonly DataEntry[]): DataEntry[] {
    const accepted: DataEntry[] = [];
    for (const e of entries) {
      const known = this.entries.get(e.key);
      if (known && known.at > e.at) continue;
      this.entries.delete(e.key); // re-insert so the map stays in update order
      this.entries.set(e.key, e);
      accepted.push(e);
    }
    // Keys the hub stopped sending are the first to go when a misbehaving feed invents keys.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break;
      this.entries.delete(key);
    }
    return accepted;
  }

  get(key: string): DataEntry | undefined {
    return this.entries.get(key);
  }

  list(): DataEntry[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }
}
