import { useMemo } from 'react';

/**
 * The same object for as long as its JSON stays the same, so memos and effects that depend on it run
 * again only when a value really changed (a new rect object with the same numbers is no change).
 * For plain data only: what JSON drops (undefined, functions) is not in the copy.
 */
export function useStableJson<T>(value: T): T {
  const key = JSON.stringify(value);
  return useMemo(() => JSON.parse(key) as T, [key]);
}
