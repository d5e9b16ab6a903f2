import { MAX_DATA_ENTRIES, type DataEntry } from './data.js';
import { jsonBytes, MAX_EVENT_BYTES } from './validate.js';

/** Split entries so no message passes the entry count or half the byte limit (room for the envelope). */
export function chunkEntries(entries: readonly DataEntry[]): DataEntry[][] {
  const chunks: DataEntry[][] = [];
  let current: DataEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    const size = jsonBytes(e);
    if (current.length && (current.length >= MAX_DATA_ENTRIES || bytes + size > MAX_EVENT_BYTES / 2)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
