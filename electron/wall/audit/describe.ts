import type { Result } from '../../../common/result.js';
import type { CoreClient } from '../client.js';

// What the audit log keeps of a command: a target (the thing acted on), a short detail without
// secrets, where it came from, and how it ended.

const SECRET_KEYS = new Set(['password', 'current', 'next', 'token']);
const TARGET_KEYS = ['scenarioId', 'proposalId', 'layoutId', 'username', 'screenId', 'stepId', 'cameraId', 'panelId', 'overrideId'] as const;
const MAX_DETAIL = 1000;
const REFUSALS = new Set(['forbidden', 'auth/not-signed-in', 'auth/session-expired', 'invalid-payload', 'unknown-channel', 'too-large']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function commandTarget(payload: unknown): string | null {
  if (!isRecord(payload)) return null;
  for (const key of TARGET_KEYS) if (typeof payload[key] === 'string') return String(payload[key]).slice(0, 120);
  const layout = payload.layout;
  if (isRecord(layout) && typeof layout.id === 'string') return layout.id.slice(0, 120);
  return null;
}

/** The payload as short JSON: secrets replaced, a layout reduced to its id, name and panel count. */
export function commandDetail(payload: unknown): string | null {
  if (!isRecord(payload) || Object.keys(payload).length === 0) return null;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (SECRET_KEYS.has(key)) shown[key] = '***';
    else if (key === 'layout' && isRecord(value)) shown[key] = { id: value.id, name: value.name, panels: Array.isArray(value.panels) ? value.panels.length : undefined };
    else shown[key] = value;
  }
  const json = shortJson(shown, MAX_DETAIL + 1);
  return json.length > MAX_DETAIL ? `${json.slice(0, MAX_DETAIL - 1)}…` : json;
}

const MAX_DETAIL_DEPTH = 6;

/**
 * JSON of `value` cut at about `budget` characters, with anything nested deeper than MAX_DETAIL_DEPTH
 * written "…": the audit writer never walks a hostile payload without bound (JSON.stringify of a
 * 100 000-level array overflows the stack) nor copies a megabyte to keep a thousand characters.
 */
export function shortJson(value: unknown, budget: number): string {
  const parts: string[] = [];
  let used = 0;
  const put = (s: string): boolean => {
    parts.push(s);
    used += s.length;
    return used < budget;
  };
  const write = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== 'object') return put(JSON.stringify(typeof v === 'bigint' ? String(v) : v) ?? 'null');
    if (depth >= MAX_DETAIL_DEPTH) return put('"…"');
    const array = Array.isArray(v);
    if (!put(array ? '[' : '{')) return false;
    let first = true;
    for (const [k, child] of array ? v.entries() : Object.entries(v)) {
      if (!first && !put(',')) return false;
      first = false;
      if (!array && !put(`${JSON.stringify(k)}:`)) return false;
      if (!write(child, depth + 1)) return false;
    }
    return put(array ? ']' : '}');
  };
  write(value, 0);
  return parts.join('');
}

export function originOf(client: CoreClient): string {
  return [client.transport, client.id, client.address].filter(Boolean).join(' ');
}

/** "ok", "ok: revision 7", "refused: forbidden — …" or "failed: layout/conflict — …". */
export function resultText(result: Result<unknown>): string {
  if (result.ok) {
    const v = result.value;
    if (typeof v === 'number') return `ok: revision ${v}`;
    if (isRecord(v) && typeof v.revision === 'number') return `ok: revision ${v.revision}`;
    return 'ok';
  }
  const kind = REFUSALS.has(result.error.code) ? 'refused' : 'failed';
  return `${kind}: ${result.error.code} — ${result.error.message}`.slice(0, 600);
}
