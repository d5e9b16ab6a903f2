import { bridgeInvokes, type BridgeEvent, type InvokeChannel, type WallBridgeTransport } from '../../common/contract.js';
import { fail, type Result } from '../../common/result.js';
import { CloseCodes } from '../../common/web-protocol.js';
import { reconnectDelay } from './backoff.js';
import { checkAnswer, encodeRequest, parseServerMessage } from './messages.js';

// The web host's WebSocket as a bridge transport. Requests wait for the socket to open; answers are
// matched by id; a lost link is retried with backoff, and every (re)connect fetches a fresh snapshot.

/** The part of the browser WebSocket the link uses, so tests can drive it without a browser. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: (() => void) | null;
}

export interface SocketLinkOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  random?: () => number;
  requestTimeoutMs?: number;
  warn?: (message: string) => void;
  /** A monotonic clock in ms; performance.now unless a test drives it. */
  now?: () => number;
}

const OPEN = 1;
// A timeout that fires this late means the page itself was frozen (a long WebGL compile on a loaded PC):
// the answer may be waiting in the queue behind it, so the page gets GRACE_MS of its own time to read it.
const LATE_MS = 1000;
const GRACE_MS = 1000;
interface Pending { channel: InvokeChannel; text: string; sent: boolean; resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }

export class SocketLink implements WallBridgeTransport {
  private readonly random: () => number;
  private readonly warn: (message: string) => void;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly listeners = new Map<BridgeEvent, Set<(payload: unknown) => void>>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();
  private readonly pending = new Map<number, Pending>();
  private socket: SocketLike | null = null;
  private nextId = 1;
  private attempt = 0;
  private connected = false;
  private closed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SocketLinkOptions) {
    this.random = options.random ?? Math.random;
    this.warn = options.warn ?? ((m: string) => console.warn(`[toan-canh bridge] ${m}`));
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.now = options.now ?? (() => performance.now());
    this.connect();
  }

  invoke(channel: InvokeChannel, payload: unknown): Promise<Result<unknown>> {
    if (this.closed) return Promise.resolve(fail('closed', `${channel}: the page's link to the host was closed`));
    return new Promise((resolve) => {
      const id = this.nextId++;
      const expire = (due: number) => () => {
        const p = this.pending.get(id);
        if (!p) return;
        const at = this.now();
        if (at - due > LATE_MS) p.timer = setTimeout(expire(at + GRACE_MS), GRACE_MS);
        else this.settle(id, fail('timeout', `no answer to ${channel} within ${this.timeoutMs / 1000} s`));
      };
      const timer = setTimeout(expire(this.now() + this.timeoutMs), this.timeoutMs);
      this.pending.set(id, { channel, text: encodeRequest(id, channel, payload), sent: false, resolve, timer });
      this.flush();
    });
  }

  subscribe(event: BridgeEvent, listener: (payload: unknown) => void): () => void {
    if (this.closed) return () => undefined;
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener);
    return () => void set.delete(listener);
  }

  /** Called with true/false as the link comes and goes; returns the unsubscribe. */
  onConnection(listener: (connected: boolean) => void): () => void {
    if (this.closed) return () => undefined;
    this.connectionListeners.add(listener);
    return () => void this.connectionListeners.delete(listener);
  }

  /** Stop for good: no reconnect, every request still waiting answered 'closed', timers and listeners released. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retry);
    for (const id of [...this.pending.keys()]) this.settle(id, fail('closed', "the page's link to the host was closed"));
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close(1000, 'page closing');
    }
    this.setConnected(false);
    this.listeners.clear();
    this.connectionListeners.clear();
  }

  private connect(): void {
    const ws = this.options.createSocket(this.options.url);
    this.socket = ws;
    ws.onopen = () => {
      if (this.socket !== ws) return;
      this.setConnected(true);
      this.flush();
      // Patches may have been missed while away; one snapshot request is enough.
      if (![...this.pending.values()].some((p) => p.channel === 'state:snapshot')) void this.refetchSnapshot();
    };
    ws.onmessage = (ev) => {
      if (this.socket !== ws) return;
      this.receive(ev.data);
    };
    ws.onerror = () => undefined; // onclose follows and handles it
    ws.onclose = (ev) => {
      if (this.socket !== ws) return;
      this.socket = null;
      const refused = ev.code === CloseCodes.unknownScreen;
      for (const [id, p] of this.pending) {
        if (refused) this.settle(id, fail('unknown-screen', ev.reason || 'the host does not know this screen'));
        else if (p.sent) this.settle(id, fail('disconnected', 'the connection to the host was lost'));
      }
      this.setConnected(false);
      if (!this.closed) this.retry = setTimeout(() => this.connect(), reconnectDelay(this.attempt++, this.random()));
    };
  }

  private receive(data: unknown): void {
    const message = parseServerMessage(data);
    if (message.kind === 'invalid') return this.warn(`dropped a message from the host: ${message.reason}`);
    this.attempt = 0; // the host is really talking to us: the next loss starts the backoff afresh
    if (message.kind === 'event' || message.kind === 'feed') return this.emit(message.event, message.payload);
    if (message.id === null) return this.warn(`the host refused a message: ${message.result.ok ? '' : message.result.error.message}`);
    this.settle(message.id, message.result);
  }

  private async refetchSnapshot(): Promise<void> {
    const result = await this.invoke(...bridgeInvokes.getSnapshot());
    if (result.ok) this.emit('state:snapshot', result.value);
    else if (!this.closed) this.warn(`could not fetch a snapshot after reconnecting: ${result.error.message}`);
  }

  private emit(event: BridgeEvent, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  private setConnected(connected: boolean): void {
    if (connected === this.connected) return;
    this.connected = connected;
    for (const listener of this.connectionListeners) listener(connected);
  }

  private settle(id: number, result: Result<unknown>): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(checkAnswer(p.channel, result));
  }

  private flush(): void {
    for (const p of this.pending.values()) {
      if (p.sent || this.socket?.readyState !== OPEN) continue;
      this.socket.send(p.text);
      p.sent = true;
    }
  }
}
