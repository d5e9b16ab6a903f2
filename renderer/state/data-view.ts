import type { DataEntry, DataKind, DataValue } from '../../common/protocol/data.js';

// What a panel sees of one data key: nothing yet, a value of the kind it expects, or a value of the
// wrong kind (shown as invalid, logged once, never thrown).

export type DataView<K extends DataKind> =
  | { status: 'no-data'; value: null; at: null }
  /** stale: the hub says the value's source is failing; this is its last good value. */
  | { status: 'ok'; value: Extract<DataValue, { type: K }>; at: number; stale: boolean }
  | { status: 'invalid'; value: null; at: number; got: string };

const NO_DATA = { status: 'no-data', value: null, at: null } as const;
const warned = new Set<string>();

export function dataView<K extends DataKind>(entry: DataEntry | undefined, kind: K, warn: (message: string) => void = console.warn): DataView<K> {
  if (!entry) return NO_DATA;
  if (entry.value.type === kind) return { status: 'ok', value: entry.value as Extract<DataValue, { type: K }>, at: entry.at, stale: entry.stale === true };
  const got = String((entry.value as { type?: unknown }).type);
  const once = `${entry.key}\u0000${kind}\u0000${got}`;
  if (!warned.has(once)) {
    warned.add(once);
    warn(`data key "${entry.key}" holds a "${got}" value where a panel expects "${kind}"`);
  }
  return { status: 'invalid', value: null, at: entry.at, got };
}
