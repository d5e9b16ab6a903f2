import type { DataEntry } from '../../common/protocol/data.js';
import { memoryLogger } from '../../node-common/log.js';
import { Sources, type SourcesOptions } from '../../hub/sources/sources.js';

// The hub's side of the sources without a hub: what they published and marked stale, in a map.

export function memorySink() {
  const data = new Map<string, DataEntry>();
  const published: DataEntry[] = [];
  return {
    data,
    published,
    publish(entries: readonly DataEntry[]) {
      for (const e of entries) {
        data.set(e.key, e);
        published.push(e);
      }
    },
    markStale(keys: readonly string[]) {
      for (const k of keys) {
        const e = data.get(k);
        if (e) data.set(k, { ...e, stale: true });
      }
    },
    dataValue: (key: string) => data.get(key),
  };
}

export function testSources(options: Omit<SourcesOptions, 'sink' | 'log'>) {
  const sink = memorySink();
  const log = memoryLogger();
  const sources = new Sources({ sink, log, healthEveryMs: 10, ...options });
  const health = (id: string) => sources.list().find((s) => s.id === id);
  return { sink, log, sources, health };
}
