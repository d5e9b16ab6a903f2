import { bridgeInvokes, type EventChannel, type EventPayload, type FeedEventPayload, type InvokeChannel, type WallBridge } from '../../common/contract.js';
import { bindConsoleBridge } from '../../common/console-contract.js';
import { bindTechnicianBridge } from '../../common/technician-contract.js';
import { fail, type Result } from '../../common/result.js';
import { CloseCodes } from '../../common/web-protocol.js';
import { reconnectDelay } from './backoff.js';
import { checkAnswer, encodeRequest, parseServerMessage } from './messages.js';

// WallBridge over the web host's WebSocket. Requests wait for the socket to open; answers are matched
// by id; on every (re)connect the bridge makes sure a fresh snapshot is fetched.

/** The part of the browser WebSocket the bridge uses, so tests can drive it without a browser. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: (() => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: (() => void) | null;
}

export interface SocketBridgeOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  random?: () => number;
  requestTimeoutMs?: number;
  warn?: (message: string) => void;
  /** A monotonic clock in ms; performance.now unless a test drives it. */
  now?: () => number;
}

export interface SocketBridge extends WallBridge {
  onConnection(listener: (connected: boolean) => void): () => void;
  close(): void;
}

const OPEN = 1;
// A timeout that fires this late means the page itself was frozen (a long WebGL compile on a loaded PC):
// the answer may be waiting in the queue behind it, so the page gets GRACE_MS of its own time to read it.
const LATE_MS = 1000;
const GRACE_MS = 1000;
interface Pending { channel: InvokeChannel; text: string; sent: boolean; resolve: (r: Result<unknown>) => void; timer: ReturnType<typeof setTimeout> }
type Listeners = { [E in EventChannel]: Set<(payload: EventPayload<E>) => void> };

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const random = options.random ?? Math.random;
  const warn = options.warn ?? ((m: string) => console.warn(`[toan-canh bridge] ${m}`));
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const now = options.now ?? (() => performance.now());
  const listeners: Listeners = { 'state:snapshot': new Set(), 'state:patch': new Set(), 'screens:status': new Set() };
  const connectionListeners = new Set<(connected: boolean) => void>();
  const dataListeners = new Set<(batch: FeedEventPayload<'data:update'>) => void>();
  const pending = new Map<number, Pending>();
  let socket: SocketLike | null = null;
  let nextId = 1;
  let attempt = 0;
  let connected = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const emit = <E extends EventChannel>(event: E, payload: EventPayload<E>) => {
    for (const l of listeners[event]) (l as (p: EventPayload<E>) => void)(payload);
  };
  const setConnected = (now: boolean) => {
    if (now === connected) return;
    connected = now;
    for (const l of connectionListeners) l(now);
  };
  const settle = (id: number, result: Result<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(checkAnswer(p.channel, result));
  };
  const flush = () => {
    for (const p of pending.values()) {
      if (p.sent || socket?.readyState !== OPEN) continue;
      socket.send(p.text);
      p.sent = true;
    }
  };

  function invoke(channel: InvokeChannel, payload: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      const id = nextId++;
      const expire = (due: number) => () => {
        const p = pending.get(id);
        if (!p) return;
        const at = now();
        if (at - due > LATE_MS) p.timer = setTimeout(expire(at + GRACE_MS), GRACE_MS);
        else settle(id, fail('timeout', `no answer to ${channel} within ${timeoutMs / 1000} s`));
      };
      const timer = setTimeout(expire(now() + timeoutMs), timeoutMs);
      pending.set(id, { channel, text: encodeRequest(id, channel, payload), sent: false, resolve, timer });
      flush();
    });
  }

  function connect(): void {
    const ws = options.createSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      setConnected(true);
      flush();
      // Patches may have been missed while away; one snapshot request is enough.
      if (![...pending.values()].some((p) => p.channel === 'state:snapshot')) void refetchSnapshot();
    };
    ws.onmessage = (ev) => {
      const message = parseServerMessage(ev.data);
      if (message.kind === 'invalid') return warn(`dropped a message from the host: ${message.reason}`);
      attempt = 0; // the host is really talking to us: the next loss starts the backoff afresh
      if (message.kind === 'event') return emit(message.event, message.payload as never);
      if (message.kind === 'feed') {
        // The scenario overview is the console's; only data goes to onData.
        if (message.event === 'data:snapshot' || message.event === 'data:update') for (const l of dataListeners) l(message.payload);
        return;
      }
      if (message.id === null) return warn(`the host refused a message: ${message.result.ok ? '' : message.result.error.message}`);
      settle(message.id, message.result);
    };
    ws.onerror = () => undefined; // onclose follows and handles it
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = null;
      const refused = ev.code === CloseCodes.unknownScreen;
      for (const [id, p] of pending) {
        if (refused) settle(id, fail('unknown-screen', ev.reason || 'the host does not know this screen'));
        else if (p.sent) settle(id, fail('disconnected', 'the connection to the host was lost'));
      }
      setConnected(false);
      if (stopped) return;
      retry = setTimeout(connect, reconnectDelay(attempt++, random()));
    };
  }

  async function refetchSnapshot(): Promise<void> {
    const result = await invoke(...bridgeInvokes.getSnapshot());
    if (result.ok) emit('state:snapshot', result.value as EventPayload<'state:snapshot'>);
    else warn(`could not fetch a snapshot after reconnecting: ${result.error.message}`);
  }

  const on = <E extends EventChannel>(event: E) => (listener: (payload: EventPayload<E>) => void) => {
    listeners[event].add(listener);
    return () => void listeners[event].delete(listener);
  };

  connect();
  return {
    getSnapshot: () => invoke(...bridgeInvokes.getSnapshot()) as ReturnType<WallBridge['getSnapshot']>,
    reportScreen: (report) => invoke(...bridgeInvokes.reportScreen(report)) as Promise<Result<null>>,
    reportFaults: (faults) => invoke(...bridgeInvokes.reportFaults(faults)) as Promise<Result<null>>,
    getScreenStatuses: () => invoke(...bridgeInvokes.getScreenStatuses()) as ReturnType<WallBridge['getScreenStatuses']>,
    setBezelCompensation: (enabled) => invoke(...bridgeInvokes.setBezelCompensation(enabled)) as Promise<Result<number>>,
    setIdentify: (enabled) => invoke(...bridgeInvokes.setIdentify(enabled)) as Promise<Result<number>>,
    setLanguage: (language) => invoke(...bridgeInvokes.setLanguage(language)) as Promise<Result<number>>,
    syncClock: (t0) => invoke(...bridgeInvokes.syncClock(t0)) as ReturnType<WallBridge['syncClock']>,
    getScenarioLayouts: () => invoke(...bridgeInvokes.getScenarioLayouts()) as ReturnType<WallBridge['getScenarioLayouts']>,
    onSnapshot: on('state:snapshot'),
    onPatch: on('state:patch'),
    onScreenStatuses: on('screens:status'),
    onData(listener) {
      dataListeners.add(listener);
      return () => void dataListeners.delete(listener);
    },
    ...bindConsoleBridge(invoke),
    ...bindTechnicianBridge(invoke),
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => void connectionListeners.delete(listener);
    },
    close() {
      stopped = true;
      clearTimeout(retry);
      socket?.close(1000, 'page closing');
    },
  };
}
