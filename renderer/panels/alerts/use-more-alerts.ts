import { useMemo } from 'react';
import { useDataEntries } from '../../state/data-context.js';
import type { Alert } from './alert-items.js';

/** The alerts of a panel's further keys (moreKeys), merged; keys holding something else are left out. */
export function useMoreAlerts(keys: readonly string[]): Alert[] {
  const entries = useDataEntries(keys);
  return useMemo(() => entries.flatMap((e) => (e?.value.type === 'alerts' ? e.value.items : [])), [entries]);
}
