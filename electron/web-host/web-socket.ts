import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { describeIssues, MAX_MESSAGE_BYTES, type ClientRole } from '../../common/contract.js';
import { fail, type Result } from '../../common/result.js';
import { ClientMessageSchema, CloseCodes, WS_PATH, type ServerMessage } from '../../common/web-protocol.js';
import type { CoreClient } from '../wall/client.js';
import type { Logger } from '../../node-common/log.js';
import { TokenBuckets, type RateLimit } from '../../node-common/rate-limit.js';
import type { WallCore } from '../wall/wall-core.js';

// The web host's WebSocket side: each connection becomes a CoreClient. Messages above
// MAX_MESSAGE_BYTES are answered with an error; only far larger ones (HARD_LIMIT) cost the connection.
const HARD_LIMIT = 2 * MAX_MESSAGE_BYTES;
// A page that stops reading must not make the host buffer without end.
const MAX_BUFFERED = 8 * MAX_MESSAGE_BYTES;
/** Messages per connection: bursts for a page's start (state, reports, calibration), then steady. */
export const MESSAGE_RATE_LIMIT: RateLimit = { burst: 200, perSecond: 50 };
const SCREEN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const PAIR_CODE = /^[A-Z2-9]{6}$/;

export interface SocketHostOptions {
  core: WallCore;
  log: Logger;
  heartbeatMs: number;
  /** Whether a browser's Origin header may open a connection (the host's own and the listed origins). */
  originAllowed: (origin: string | undefined) => boolean;
  /** Whether the query's token, or without one the page cookie, lets the connection take `role`. */
  allows: (token: string | null, cookieHeader: string | undefined, role: ClientRole) => boolean;
}

const MISSED_PINGS = 2;

/** Who an accepted upgrade request says it is, or why it is refused. */
type Admission =
  | { ok: true; role: ClientRole; screenId: string | undefined; pairCode: string | undefined }
  | { ok: false; status: number; text: string; warn?: [string, Record<string, unknown>] };

export class SocketHost {
  private readonly core: WallCore;
  private readonly log: Logger;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_LIMIT, clientTracking: true });
  private readonly missed = new WeakMap<WebSocket, number>();
  private readonly heartbeat: NodeJS.Timeout;
  private seq = 0;

  private readonly originAllowed: (origin: string | undefined) => boolean;
  private readonly allows: SocketHostOptions['allows'];

  constructor({ core, log, heartbeatMs, originAllowed, allows }: SocketHostOptions) {
    this.originAllowed = originAllowed;
    this.allows = allows;
    this.core = core;
    this.log = log;
    this.heartbeat = setInterval(() => this.pingAll(), heartbeatMs);
    this.heartbeat.unref();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const admitted = this.admit(req);
    if (!admitted.ok) {
      if (admitted.warn) this.log.warn(...admitted.warn);
      return reject(socket, admitted.status, admitted.text);
    }
    const { role, screenId, pairCode } = admitted;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.attach(ws, role, screenId, req.socket.remoteAddress, pairCode));
  }

  /** Says every page goodbye (1001), stops the heartbeat, and closes the server; a page that does not answer is cut after 1 s. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    const closing = [...this.wss.clients].map((ws) => new Promise<void>((resolve) => {
      const cut = setTimeout(() => ws.terminate(), 1000);
      cut.unref();
      ws.once('close', () => {
        clearTimeout(cut);
        resolve();
      });
      ws.close(CloseCodes.goingAway, 'host stopping');
    }));
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  // Ping every client; one that answered none of the last two pings is gone (cable pulled, PC asleep).
  // Two, not one: a screen busy compiling map shaders on a loaded PC may answer one ping late.
  private pingAll(): void {
    for (const ws of this.wss.clients) {
      const unanswered = this.missed.get(ws) ?? 0;
      if (unanswered >= MISSED_PINGS) {
        this.log.warn('no heartbeat answer, closing connection');
        ws.terminate();
        continue;
      }
      this.missed.set(ws, unanswered + 1);
      ws.ping();
    }
  }

  private admit(req: IncomingMessage): Admission {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (url.pathname !== WS_PATH) return { ok: false, status: 404, text: 'Not Found' };
    if (!this.originAllowed(req.headers.origin)) return { ok: false, status: 403, text: 'Forbidden', warn: ['websocket refused: foreign origin', { origin: req.headers.origin }] };
    const role = url.searchParams.get('role');
    const screenId = url.searchParams.get('screen') ?? undefined;
    if (role !== 'screen' && role !== 'console') return { ok: false, status: 400, text: 'Bad Request' };
    // A screen names its screen, or (a page waiting for a position) the code it shows.
    const pairCode = role === 'screen' && screenId === undefined ? (url.searchParams.get('pair') ?? undefined) : undefined;
    if (role === 'screen' && (screenId === undefined ? pairCode === undefined || !PAIR_CODE.test(pairCode) : !SCREEN_ID.test(screenId))) return { ok: false, status: 400, text: 'Bad Request' };
    if (!this.allows(url.searchParams.get('token'), req.headers.cookie, role)) return { ok: false, status: 401, text: 'Unauthorized', warn: ['websocket refused: bad token', { role }] };
    return { ok: true, role, screenId: role === 'screen' ? screenId : undefined, pairCode };
  }

  private attach(ws: WebSocket, role: ClientRole, screenId: string | undefined, address: string | undefined, pairCode?: string): void {
    const id = `web-${++this.seq}`;
    const send = (message: ServerMessage): void => this.send(ws, id, message);
    const client: CoreClient = {
      id,
      transport: 'browser',
      role,
      ...(screenId === undefined ? {} : { screenId }),
      ...(pairCode === undefined ? {} : { pairCode }),
      ...(address === undefined ? {} : { address }),
      send: (event, payload) => send({ event, payload }),
      sendFeed: (event, payload) => send({ event, payload }),
    };
    this.missed.set(ws, 0);
    ws.on('pong', () => this.missed.set(ws, 0));
    ws.on('error', (err) => this.log.warn('connection error', { client: id, error: err.message }));

    let disconnect: () => void;
    try {
      disconnect = this.core.connect(client);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn('connection refused', { client: id, role, screenId, error: message });
      ws.close(CloseCodes.unknownScreen, truncateUtf8(message, 120));
      return;
    }
    ws.on('close', () => disconnect());
    // Per connection: a screen reports a few times a second, a console clicks; a flood is answered, not run.
    const bucket = new TokenBuckets(MESSAGE_RATE_LIMIT, Date.now, 1);
    let limitedSince = 0;
    ws.on('message', (data, isBinary) => {
      if (!bucket.take(id)) {
        if (Date.now() - limitedSince > 60_000) {
          limitedSince = Date.now();
          this.log.warn('too many messages, refusing some', { client: id, address });
        }
        return send({ id: null, result: fail('rate-limited', 'too many messages on this connection; slow down') });
      }
      void this.answer(client, data, isBinary).then(send, (err: unknown) => {
        this.log.error('request failed', { client: id, error: String(err) });
        send({ id: null, result: fail('internal', 'the request failed inside the host') });
      });
    });
  }

  private send(ws: WebSocket, client: string, message: ServerMessage): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED) {
      this.log.warn('client not reading, closing connection', { client, buffered: ws.bufferedAmount });
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(message));
  }

  private async answer(client: CoreClient, data: RawData, isBinary: boolean): Promise<ServerMessage> {
    const refuse = (id: number | null, code: string, message: string): ServerMessage => {
      this.log.warn('bad message', { client: client.id, code, message: message.slice(0, 200) });
      return { id, result: fail(code, message) };
    };
    if (isBinary) return refuse(null, 'bad-message', 'send text frames carrying JSON');
    const text = rawText(data);
    if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES) return refuse(null, 'too-large', `messages are limited to ${MAX_MESSAGE_BYTES} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return refuse(null, 'bad-json', 'the message is not valid JSON');
    }
    const parsed = ClientMessageSchema.safeParse(json);
    if (!parsed.success) return refuse(salvageId(json), 'bad-message', `expected { id, channel, payload }: ${describeIssues(parsed.error)}`);
    const result: Result<unknown> = await this.core.handle(client, parsed.data.channel, parsed.data.payload);
    return { id: parsed.data.id, result };
  }
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function salvageId(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const { id } = json;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

function truncateUtf8(s: string, bytes: number): string {
  let out = s;
  while (Buffer.byteLength(out) > bytes) out = out.slice(0, -1);
  return out;
}
