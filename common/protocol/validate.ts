import type { z } from 'zod';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-depth.js';
import { protocolError, type Ack } from './errors.js';
import { hubEvents, isHubEvent, isNodeEvent, nodeEvents, type HubEvent, type HubPayload, type NodeEvent, type NodePayload } from './events.js';

// One gate for everything that arrives: the event name first, then the size, then the schema (protocol §3,
// "Which error comes first").

/** Largest event payload either end accepts, as UTF-8 JSON. */
export const MAX_EVENT_BYTES = 1024 * 1024;
/** The transport closes the connection above this (socket.io's maxHttpBufferSize). */
export const HARD_LIMIT_BYTES = 2 * MAX_EVENT_BYTES;

export type Checked<T> = Ack<T>;

export function parseNodeEvent(name: unknown, payload: unknown): Checked<{ [E in NodeEvent]: { event: E; payload: NodePayload<E> } }[NodeEvent]> {
  if (!isNodeEvent(name)) return protocolError('unknown-event', `unknown event "${describeName(name)}"`);
  const checked = check(nodeEvents[name].payload, name, payload);
  return checked.ok ? { ok: true, value: { event: name, payload: checked.value } as never } : checked;
}

export function parseHubEvent(name: unknown, payload: unknown): Checked<{ [E in HubEvent]: { event: E; payload: HubPayload<E> } }[HubEvent]> {
  if (!isHubEvent(name)) return protocolError('unknown-event', `unknown event "${describeName(name)}"`);
  const checked = check(hubEvents[name], name, payload);
  return checked.ok ? { ok: true, value: { event: name, payload: checked.value } as never } : checked;
}

/** Check a value against a schema with the size limit; the message names the failing fields. */
export function check<S extends z.ZodType>(schema: S, what: string, payload: unknown): Checked<z.output<S>> {
  if (nestsDeeperThan(payload)) return protocolError('invalid-payload', `${what}: payload nests deeper than ${MAX_JSON_DEPTH} levels`);
  const bytes = jsonBytes(payload);
  if (bytes > MAX_EVENT_BYTES) return protocolError('too-large', `${what}: payload is larger than ${MAX_EVENT_BYTES} bytes`);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return protocolError('invalid-payload', `${what}: ${issues(parsed.error)}`);
  return { ok: true, value: parsed.data };
}

/** UTF-8 size of the value as JSON; Infinity for values JSON cannot hold. */
export function jsonBytes(value: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  if (json === undefined) return 0;
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    // A surrogate pair is two UTF-16 units and four UTF-8 bytes: count 2 + 2.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return bytes;
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 1500);
}

function describeName(name: unknown): string {
  return typeof name === 'string' ? name.slice(0, 80) : typeof name;
}
