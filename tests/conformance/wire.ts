import { io, type Socket } from 'socket.io-client';
import { HUB_NAMESPACE, HUB_SOCKET_PATH } from '../../common/protocol/handshake.js';

// The suite's own view of the wire: a raw socket.io client and fetch, no code of the reference node, so
// what it checks is the hub's behaviour as protocol.md states it.

export interface Target {
  /** The hub's base URL, e.g. http://127.0.0.1:4290 */
  url: string;
  nodeToken: string;
  /** A token allowed to activate (role leader or admin). */
  commandToken: string;
  wallId: string;
  /** Screens of that wall the suite's node may claim (no other node must drive them meanwhile). */
  screens: string[];
  /** A scenario of that wall to activate. */
  scenarioId: string;
}

export interface Received {
  event: string;
  payload: unknown;
}

export interface NodeClient {
  socket: Socket;
  received: Received[];
  close(): void;
}

export interface Refused {
  message: string;
  data: unknown;
}

const WAIT_MS = 5000;

export function handshake(target: Target, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { token: target.nodeToken, protocol: { min: 1, max: 1 }, nodeId: 'conformance-node', wallId: target.wallId, screens: target.screens, current: null, ...overrides };
}

/** Connects and resolves once connected (or rejects with the refusal). */
export function connectNode(target: Target, auth: Record<string, unknown> = handshake(target), namespace = HUB_NAMESPACE): Promise<NodeClient> {
  const socket = io(`${target.url}${namespace}`, { path: HUB_SOCKET_PATH, transports: ['websocket'], auth, forceNew: true, reconnection: false, timeout: WAIT_MS });
  const received: Received[] = [];
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve({ socket, received, close: () => void socket.disconnect() }));
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.disconnect();
      reject(Object.assign(new Error(err.message), { refusal: { message: err.message, data: err.data } satisfies Refused }));
    });
  });
}

/** The refusal a handshake gets; fails if it is accepted. */
export async function refusal(target: Target, auth: Record<string, unknown>, namespace?: string): Promise<Refused> {
  try {
    const client = await connectNode(target, auth, namespace);
    client.close();
  } catch (err) {
    const refused = (err as { refusal?: Refused }).refusal;
    if (refused) return refused;
    throw err;
  }
  throw new Error('the handshake was accepted');
}

export async function ask(client: NodeClient, event: string, ...payloads: unknown[]): Promise<unknown> {
  return client.socket.timeout(WAIT_MS).emitWithAck(event, ...payloads);
}

/** Waits for an event matching `match` among what the client received (from `from` on). */
export async function waitFor(client: NodeClient, what: string, match: (r: Received) => boolean, from = 0, ms = WAIT_MS): Promise<Received> {
  const end = Date.now() + ms;
  for (;;) {
    const found = client.received.slice(from).find(match);
    if (found) return found;
    if (Date.now() > end) throw new Error(`no ${what} within ${ms} ms (received: ${client.received.slice(from).map((r) => r.event).join(', ') || 'nothing'})`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function http(target: Target, method: string, route: string, token: string | null, headers: Record<string, string> = {}, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${target.url}${route}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(WAIT_MS),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}
