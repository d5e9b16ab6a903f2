import { io, type Socket } from 'socket.io-client';
import { ClockSync } from '../../common/clock-sync.js';
import { ackSchema, protocolError, type Ack } from '../../common/protocol/errors.js';
import { nodeEvents, type HubEvent, type HubPayload, type NodeAckValue, type NodeEvent, type NodePayload } from '../../common/protocol/events.js';
import { HUB_NAMESPACE, HUB_SOCKET_PATH, PROTOCOL_VERSIONS, RefusalSchema, type HandshakeAuthInput } from '../../common/protocol/handshake.js';
import { parseHubEvent } from '../../common/protocol/validate.js';
import { IdSchema, RevisionSchema } from '../../common/protocol/primitives.js';
import { z } from 'zod';
import type { Logger } from '../../node-common/log.js';
import { failoverStep, healthMove, initialFailover, UNFIT_PROBES, type FailoverEvent, type FailoverPolicy, type FailoverState, type HubVerdict } from '../../common/hub-failover.js';
import { probeHubHealth } from './hub-health-probe.js';

// The wall node's link to the hub (socket.io-client, plain Node). It authenticates in the handshake,
// reconnects with backoff and jitter (to the next of several hubs: common/hub-failover.ts), notices a dead link within deadAfterMs (clock samples double as
// heartbeats), keeps an NTP-style clock offset, and checks every event before handing it on.
// After every (re)connect the hub sends its full state again; nothing relies on session recovery.

export type LinkState = 'connecting' | 'connected' | 'lost';

// Enough of a refused activation to tell the hub which one failed (e.g. a panel type this node lacks).
const EnvelopeSchema = z.looseObject({ wallId: IdSchema, revision: RevisionSchema });

/** One checked event from the hub, discriminated by name. */
export type HubMessage = { [E in HubEvent]: { event: E; payload: HubPayload<E> } }[HubEvent];

export interface LinkHandlers {
  state(state: LinkState, since: number, message?: string): void;
  message(message: HubMessage): void;
  /** An activation that failed the checks but names its wall and revision, so the failure can be reported. */
  badActivation(wallId: string, revision: number, reason: string): void;
}

export interface BackendLinkOptions {
  /** The hub's URL, or several: tried in order, the node moving to the next within 5 s (docs/protocol.md §6.1). */
  url: string | readonly string[];
  token: string;
  /** The centre's CA (PEM) the hub's certificate must chain to; without it, the system's CAs. Never unchecked. */
  ca?: Buffer;
  nodeId: string;
  wallId: string;
  screens: string[];
  log: Logger;
  handlers: Partial<LinkHandlers>;
  /** What the wall shows now, sent in every handshake. */
  current?: () => { revision: number; scenarioId: string } | null;
  now?: () => number;
  syncIntervalMs?: number;
  /** No packet from the hub for this long: the link is dead, reconnect. */
  deadAfterMs?: number;
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
  /** Wait after the hub refused the connection (bad token, screens taken) before trying again. */
  refusedRetryMs?: number;
  requestTimeoutMs?: number;
  /** With several hubs: how often the followed hub's GET /api/health is read (ms). */
  healthIntervalMs?: number;
}

export class BackendLink {
  readonly clock = new ClockSync();
  private socket: Socket | null = null;
  private linkState: LinkState = 'connecting';
  private since: number;
  private connectedOnce = false;
  private lastHeard = 0;
  private roughOffset: number | null = null;
  private timers: NodeJS.Timeout[] = [];
  private retry: NodeJS.Timeout | undefined;
  private failover: FailoverState;
  private readonly policy: FailoverPolicy;
  /** Health probes of the followed hub in a row that said it cannot serve. */
  private unfit = 0;
  private probing = false;
  private closed = false;
  /** When the hub last refused this node with hub:error (no event): its disconnect that follows is a refusal. */
  private refusedAt = -Infinity;
  /** Why clock:sync gives no samples, while it does not: shown, since screens then switch on a stale offset. */
  private clockProblem: string | null = null;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(private readonly o: BackendLinkOptions) {
    this.now = o.now ?? Date.now;
    this.log = o.log;
    this.since = this.now();
    this.failover = initialFailover(typeof o.url === 'string' ? [o.url] : o.url);
    this.policy = { retryDelayMs: o.reconnectDelayMs ?? 500, retryDelayMaxMs: o.reconnectDelayMaxMs ?? 5000, refusedRetryMs: o.refusedRetryMs ?? 10_000 };
  }

  get state(): { state: LinkState; since: number } {
    return { state: this.linkState, since: this.since };
  }

  /** The hub followed now, or being tried. */
  get url(): string {
    return this.failover.urls[this.failover.at] ?? '';
  }

  start(): void {
    this.connectTo(this.url);
    const several = this.failover.urls.length > 1;
    this.timers.push(setInterval(() => this.heartbeat(), this.o.syncIntervalMs ?? (several ? 1000 : 2000)));
    if (several) this.timers.push(setInterval(() => void this.checkHealth(), this.o.healthIntervalMs ?? 2000));
    for (const t of this.timers) t.unref();
  }

  /** One socket per attempt, socket.io's own reconnection off: which hub comes next is failoverStep's call. */
  private connectTo(url: string): void {
    this.dropSocket();
    const auth = (cb: (data: object) => void) =>
      cb({ token: this.o.token, protocol: { ...PROTOCOL_VERSIONS }, nodeId: this.o.nodeId, wallId: this.o.wallId, screens: this.o.screens, current: this.o.current?.() ?? null } satisfies HandshakeAuthInput);
    const socket = io(new URL(HUB_NAMESPACE, url).href, {
      path: HUB_SOCKET_PATH,
      transports: ['websocket'],
      auth,
      ...(this.o.ca ? { ca: this.o.ca.toString('utf8') } : {}),
      rejectUnauthorized: true,
      forceNew: true,
      autoConnect: false,
      reconnection: false,
      // An unreachable hub (its machine off, packets dropped) must not hold the node longer than this,
      // so with two hubs the node is on the other one within 5 s of losing the first (docs/protocol.md §6.1).
      timeout: this.failover.urls.length > 1 ? 2000 : 4000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      if (this.socket !== socket || !socket.connected || this.linkState === 'connected') return;
      this.connectedOnce = true;
      this.unfit = 0;
      this.lastHeard = this.now();
      this.step({ kind: 'connected' });
      this.setState('connected');
      void this.syncBurst();
    });
    socket.on('disconnect', (reason) => {
      if (this.socket !== socket || socket.connected) return; // an old socket, or a forged "disconnect" event
      if (reason === 'io client disconnect') return; // closed here, on purpose
      this.setState(this.connectedOnce ? 'lost' : 'connecting', `disconnected: ${reason}`);
      // The hub ended the session itself right after refusing this node (hub:error): a refusal, retried at
      // the refusal's pace; anything else (a crash, a restart, silence) is a loss: on to the next hub at once.
      const refused = reason === 'io server disconnect' && this.now() - this.refusedAt < 2000;
      this.step(refused ? { kind: 'failed', refused: true } : { kind: 'lost' });
    });
    socket.on('connect_error', (err: Error & { data?: unknown }) => {
      if (this.socket !== socket || socket.connected) return;
      const refusal = RefusalSchema.safeParse(err.data);
      const message = refusal.success ? `${refusal.data.code}: ${refusal.data.message}` : err.message;
      this.log.warn('hub connection failed', { url, message: message.slice(0, 300) });
      this.setState(this.linkState, message.slice(0, 500));
      this.step({ kind: 'failed', refused: refusal.success });
    });
    socket.io.on('ping', () => {
      if (this.socket === socket) this.lastHeard = this.now();
    });
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (this.socket === socket) this.receive(event, args);
    });
    socket.connect();
  }

  private step(event: FailoverEvent): void {
    if (this.closed) return;
    const { state, connect } = failoverStep(this.failover, event, this.policy, Math.random());
    this.failover = state;
    if (!connect) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connectTo(connect.url), connect.afterMs);
    this.retry.unref();
  }

  /** With several hubs: leave the followed one when it says it cannot serve (its store away) and another can. */
  private async checkHealth(): Promise<void> {
    if (this.probing || !this.socket?.connected) return;
    this.probing = true;
    try {
      const at = this.failover.at;
      const timeoutMs = 1500;
      const verdict = await probeHubHealth(this.url, { ...(this.o.ca ? { ca: this.o.ca } : {}), timeoutMs });
      if (this.closed || at !== this.failover.at) return;
      this.unfit = verdict === 'cannot-serve' ? this.unfit + 1 : 0;
      if (this.unfit < UNFIT_PROBES) return;
      const others = new Map<number, HubVerdict>();
      await Promise.all(this.failover.urls.map(async (u, i) => {
        if (i !== at) others.set(i, await probeHubHealth(u, { ...(this.o.ca ? { ca: this.o.ca } : {}), timeoutMs }));
      }));
      const to = healthMove(this.failover, this.unfit, others);
      if (this.closed || to === null || at !== this.failover.at) return;
      const from = this.url;
      this.log.warn('hub cannot serve (its store is away); moving to another', { from, to: this.failover.urls[to] });
      this.dropSocket();
      this.unfit = 0;
      this.setState('lost', `${from} cannot serve (its store is unreachable); moving to ${this.failover.urls[to] ?? ''}`);
      this.step({ kind: 'move', to });
    } finally {
      this.probing = false;
    }
  }

  private dropSocket(): void {
    const old = this.socket;
    this.socket = null;
    old?.removeAllListeners();
    old?.io.removeAllListeners();
    old?.disconnect();
  }

  /** Send an event and wait for the hub's answer; refused at once while the link is down. */
  async request<E extends NodeEvent>(event: E, payload: NodePayload<E>): Promise<Ack<NodeAckValue<E>>> {
    const socket = this.socket;
    if (!socket?.connected) return protocolError('backend-offline', `the hub is not connected (${this.linkState} since ${new Date(this.since).toISOString()})`);
    const ms = this.o.requestTimeoutMs ?? 5000;
    try {
      const answer: unknown = await socket.timeout(ms).emitWithAck(event, payload);
      this.lastHeard = this.now();
      const parsed = ackSchema(nodeEvents[event].ack).safeParse(answer);
      if (parsed.success) return parsed.data as Ack<NodeAckValue<E>>;
      this.log.warn('hub answered something unexpected', { event });
      return protocolError('internal', `the hub's answer to ${event} does not match the protocol`);
    } catch {
      return protocolError('backend-offline', `the hub did not answer ${event} within ${ms} ms`);
    }
  }

  /** A hub time on this node's clock: the filtered NTP estimate, else the hello's rough one. */
  toLocal(hubMs: number): number {
    return hubMs - (this.clock.offset ?? this.roughOffset ?? 0);
  }

  toHub(localMs: number): number {
    return localMs + (this.clock.offset ?? this.roughOffset ?? 0);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.retry);
    this.timers = [];
    this.dropSocket();
  }

  private receive(event: unknown, args: unknown[]): void {
    this.lastHeard = this.now();
    const parsed = args.length === 1 ? parseHubEvent(event, args[0]) : protocolError('invalid-payload', 'hub events carry exactly one payload');
    if (!parsed.ok) {
      this.log.warn('hub event refused', { event: String(event).slice(0, 80), code: parsed.error.code, message: parsed.error.message.slice(0, 300) });
      const envelope = event === 'wall:activation' ? EnvelopeSchema.safeParse(args[0]) : null;
      if (envelope?.success) this.o.handlers.badActivation?.(envelope.data.wallId, envelope.data.revision, parsed.error.message);
      return;
    }
    const message = parsed.value as HubMessage;
    if (message.event === 'hub:hello') this.roughOffset = message.payload.hubTime - this.now();
    if (message.event === 'hub:error') {
      this.log.warn('hub reported an error', { ...message.payload });
      if (message.payload.event === undefined) this.refusedAt = this.now();
    }
    try {
      this.o.handlers.message?.(message);
    } catch (err) {
      this.log.error('hub event handler failed', { event: message.event, error: String(err) });
    }
  }

  private heartbeat(): void {
    if (!this.socket?.connected) return;
    const silent = this.now() - this.lastHeard;
    // With another hub to go to, a silent hub (its machine off: no TCP reset) is given up sooner: 4 s is
    // four unanswered clock:syncs and the hub's 4 s ping missed, so a busy hub is not left by mistake.
    if (silent > (this.o.deadAfterMs ?? (this.failover.urls.length > 1 ? 4000 : 8000))) {
      this.log.warn('hub silent; reconnecting', { silentMs: silent, url: this.url });
      this.socket.io.engine?.close(); // a transport close: "disconnect" follows, and failoverStep picks the next hub
      return;
    }
    void this.sync();
  }

  private async sync(): Promise<void> {
    const t0 = this.now();
    const answer = await this.request('clock:sync', { t0 });
    const t3 = this.now();
    if (answer.ok && answer.value.t0 === t0) {
      this.clock.add({ t0, t1: answer.value.t1, t2: answer.value.t2, t3 });
      return this.clockTrouble(null);
    }
    // Not answered in time or the link went: the heartbeat deals with that. A wrong answer is the hub's fault.
    if (!answer.ok && answer.error.code === 'backend-offline') return;
    this.clockTrouble(answer.ok
      ? `clock:sync answered t0 ${answer.value.t0} for ${t0}: the hub must echo t0 (protocol §7)`
      : `clock:sync refused or misanswered (${answer.error.code}: ${answer.error.message}); the answer must be { ok: true, value: { t0, t1, t2 } } (protocol §7), so screens switch on a stale clock estimate`);
  }

  private clockTrouble(problem: string | null): void {
    if (problem === this.clockProblem) return;
    this.clockProblem = problem;
    if (problem) this.log.warn('hub clock sync failing', { message: problem.slice(0, 300) });
    else this.log.info('hub clock sync working again');
    this.setState(this.linkState, problem ?? undefined);
  }

  private async syncBurst(): Promise<void> {
    for (let i = 0; i < 4 && this.socket?.connected; i++) await this.sync();
  }

  private setState(state: LinkState, message?: string): void {
    const changed = state !== this.linkState;
    if (changed) {
      this.linkState = state;
      this.since = this.now();
      this.log.info('hub link', { state, url: this.url, message });
    }
    this.o.handlers.state?.(state, this.since, message);
  }
}
