import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { DataKind } from '../../common/protocol/data.js';
import type { DataStore } from './data-store.js';
import { dataView, type DataView } from './data-view.js';

const DataContext = createContext<DataStore | null>(null);

export function DataProvider({ store, children }: { store: DataStore; children: ReactNode }) {
  return <DataContext.Provider value={store}>{children}</DataContext.Provider>;
}

export function useDataStore(): DataStore {
  const store = useContext(DataContext);
  if (!store) throw new Error('useDataKey outside DataProvider');
  return store;
}

/** One data key as a panel sees it; re-renders only when that key changes. */
export function useDataKey<K extends DataKind>(key: string, kind: K): DataView<K> {
  const store = useDataStore();
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const entry = useSyncExternalStore(subscribe, () => store.get(key));
  return useMemo(() => dataView(entry, kind), [entry, kind]);
}

/** Several keys at once (a map binds one per layer): the entries, in the order of `keys`. */
export function useDataEntries(keys: readonly string[]): ReadonlyArray<ReturnType<DataStore['get']>> {
  const store = useDataStore();
  const joined = keys.join('\u0000');
  const subscribe = useCallback(
    (listener: () => void) => {
      const stops = joined.split('\u0000').map((k) => store.subscribe(k, listener));
      return () => stops.forEach((stop) => stop());
    },
    [store, joined],
  );
  // useSyncExternalStore wants the same array back while nothing changed.
  const cache = useMemo(() => ({ keys: joined, last: [] as ReadonlyArray<ReturnType<DataStore['get']>> }), [joined]);
  const snapshot = () => {
    const next = joined ? joined.split('\u0000').map((k) => store.get(k)) : [];
    if (next.length === cache.last.length && next.every((e, i) => e === cache.last[i])) return cache.last;
    cache.last = next;
    return next;
  };
  return useSyncExternalStore(subscribe, snapshot);
}
