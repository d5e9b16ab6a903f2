import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { bindBridge } from '../../../common/bind-bridge.js';
import type { WallState } from '../../../common/state.js';
import { reconnectDelay } from '../../../renderer/bridge/backoff.js';
import { checkAnswer, parseServerMessage } from '../../../renderer/bridge/messages.js';
import { createSocketBridge, type SocketLike } from '../../../renderer/bridge/socket-bridge.js';
import { pageIdentity, socketUrl } from '../../../renderer/bridge/socket-url.js';
import { demoState } from '../../support/demo-state.js';

const state: WallState = demoState(3);
const text = (v: unknown) => JSON.stringify(v);

describe('server messages', () => {
  it('accepts answers and valid events', () => {
    expect(parseServerMessage(text({ id: 4, result: { ok: true, value: 7 } }))).toEqual({ kind: 'result', id: 4, result: { ok: true, value: 7 } });
    expect(parseServerMessage(text({ id: null, result: { ok: false, error: { code: 'bad-json', message: 'x' } } }))).toMatchObject({ kind: 'result', id: null });
    expect(parseServerMessage(text({ event: 'state:patch', payload: { revision: 4, set: { identify: true } } }))).toEqual({
      kind: 'event',
      event: 'state:patch',
      payload: { revision: 4, set: { identify: true } },
    });
  });

  it('refuses what is not JSON, not an envelope, an unknown event or an event with a bad payload', () => {
    const cases: Array<[unknown, RegExp]> = [
      ['{oops', /not JSON/],
      [new ArrayBuffer(2), /not a text message/],
      [text({ hello: 1 }), /neither an answer nor an event/],
      [text({ event: 'wall:explode', payload: {} }), /unknown event/],
      [text({ event: 'state:patch', payload: { revision: 0, set: {} } }), /state:patch: revision/],
      [text({ event: 'state:snapshot', payload: { ...state, language: 'fr' } }), /language/],
    ];
    for (const [data, reason] of cases) {
      const parsed = parseServerMessage(data);
      expect(parsed.kind).toBe('invalid');
      expect(parsed.kind === 'invalid' && parsed.reason).toMatch(reason);
    }
  });

  it('checks an answer against the channel that was called', () => {
    expect(checkAnswer('wall:setIdentify', { ok: true, value: 5 })).toEqual({ ok: true, value: 5 });
    expect(checkAnswer('wall:setIdentify', { ok: true, value: 'five' })).toMatchObject({ ok: false, error: { code: 'invalid-answer' } });
    const refused = { ok: false as const, error: { code: 'forbidden', message: 'no' } };
    expect(checkAnswer('wall:setIdentify', refused)).toBe(refused);
  });
});

describe('reconnect delay', () => {
  it('grows exponentially with jitter, never below half the base and never above the cap', () => {
    expect(reconnectDelay(0, 0)).toBe(250);
    expect(reconnectDelay(0, 0.999)).toBeLessThanOrEqual(500);
    expect(reconnectDelay(3, 0)).toBe(2000);
    expect(reconnectDelay(3, 0.5)).toBe(3000);
    expect(reconnectDelay(50, 0)).toBe(15_000);
    expect(reconnectDelay(50, 0.999)).toBeLessThanOrEqual(30_000);
  });
});

describe('page identity and socket URL', () => {
  it('connects a screen page as its screen and anything else as the console, with the page token', () => {
    const loc = { protocol: 'http:', host: '10.0.0.5:4280', search: '?token=abc%2Fd' };
    expect(socketUrl(loc, pageIdentity('/screen/A2'))).toBe('ws://10.0.0.5:4280/ws?token=abc%2Fd&role=screen&screen=A2');
    expect(socketUrl({ ...loc, protocol: 'https:' }, pageIdentity('/console'))).toBe('wss://10.0.0.5:4280/ws?token=abc%2Fd&role=console');
  });
});

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Array<{ id: number; channel: string; payload: unknown }> = [];
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close() {
    this.drop(1000);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: text(message) });
  }
  drop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

describe('socket bridge', () => {
  let sockets: FakeSocket[];
  let warnings: string[];
  let clock: number;
  const make = () =>
    createSocketBridge({
      now: () => clock,
      url: 'ws://h/ws',
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      random: () => 0,
      warn: (m) => warnings.push(m),
    });
  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    warnings = [];
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('holds requests until the socket opens, then matches answers by id', async () => {
    const bridge = make();
    const answer = bridge.setIdentify(true);
    expect(sockets[0]!.sent).toEqual([]);
    sockets[0]!.open();
    expect(sockets[0]!.sent.map((m) => m.channel)).toEqual(['wall:setIdentify', 'state:snapshot']);
    const { id } = sockets[0]!.sent[0]!;
    sockets[0]!.receive({ id, result: { ok: true, value: 4 } });
    await expect(answer).resolves.toEqual({ ok: true, value: 4 });
  });

  it('hands valid events to listeners and drops invalid ones with a warning', () => {
    const bridge = make();
    const patches: unknown[] = [];
    bridge.onPatch((p) => patches.push(p));
    sockets[0]!.open();
    sockets[0]!.receive({ event: 'state:patch', payload: { revision: 4, set: { identify: true } } });
    sockets[0]!.receive({ event: 'state:patch', payload: { revision: 'four', set: {} } });
    expect(patches).toEqual([{ revision: 4, set: { identify: true } }]);
    expect(warnings).toEqual([expect.stringMatching(/dropped a message from the host: state:patch/)]);
  });

  it('fails requests in flight when the link drops, reconnects with backoff and fetches a fresh snapshot', async () => {
    const bridge = make();
    const connection: boolean[] = [];
    const snapshots: WallState[] = [];
    bridge.onConnection((c) => connection.push(c));
    bridge.onSnapshot((s) => snapshots.push(s));
    sockets[0]!.open();
    const lost = bridge.setLanguage('en');
    sockets[0]!.drop();
    await expect(lost).resolves.toMatchObject({ ok: false, error: { code: 'disconnected' } });
    expect(connection).toEqual([true, false]);

    vi.advanceTimersByTime(249);
    expect(sockets).toHaveLength(1); // no tight loop: the first retry waits
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop(); // still down: the next wait is longer
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    sockets[2]!.open();
    const ask = sockets[2]!.sent.find((m) => m.channel === 'state:snapshot')!;
    sockets[2]!.receive({ id: ask.id, result: { ok: true, value: state } });
    await vi.waitFor(() => expect(snapshots).toEqual([state]));
    expect(connection).toEqual([true, false, true]);
  });

  it('reports a screen the host does not know, with the host reason', async () => {
    const bridge = make();
    const snapshot = bridge.getSnapshot();
    sockets[0]!.open();
    sockets[0]!.drop(4404, 'unknown screen "Z9"; known screens: A1, A2');
    await expect(snapshot).resolves.toEqual({ ok: false, error: { code: 'unknown-screen', message: 'unknown screen "Z9"; known screens: A1, A2' } });
  });

  it('gives up on an unanswered request after the timeout and stops reconnecting when closed', async () => {
    const bridge = make();
    const pending = bridge.getScreenStatuses();
    vi.advanceTimersByTime(15_000);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
    bridge.close();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('does not call time out on an answer the page was too frozen to read: a late timeout waits a moment of the page’s own time', async () => {
    const bridge = make();
    sockets[0]!.open();
    const late = bridge.getScenarioLayouts();
    const { id } = sockets[0]!.sent.find((m) => m.channel === 'scenarios:layouts')!;
    clock = 20_000; // the page's thread was held for 20 s: the timer fires 5 s late
    vi.advanceTimersByTime(15_000);
    sockets[0]!.receive({ id, result: { ok: true, value: [] } }); // the answer that was queued behind it
    await expect(late).resolves.toEqual({ ok: true, value: [] });

    const unanswered = bridge.getScenarioLayouts();
    clock += 30_000;
    vi.advanceTimersByTime(15_000); // late again: a grace second follows
    clock += 1000;
    vi.advanceTimersByTime(999);
    let settled = false;
    void unanswered.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1); // on time now, and still no answer: a timeout
    await expect(unanswered).resolves.toMatchObject({ ok: false, error: { code: 'timeout', message: 'no answer to scenarios:layouts within 15 s' } });
  });

  it('releases everything on close: waiting requests answered, no timer left, no listener called, no reconnect', async () => {
    const bridge = make();
    const heard: unknown[] = [];
    const connection: boolean[] = [];
    bridge.onPatch((p) => heard.push(p));
    bridge.onConnection((c) => connection.push(c));
    sockets[0]!.open();
    const waiting = bridge.setIdentify(true);
    const unsent = make(); // a second page whose socket never opened
    const queued = unsent.getScreenStatuses();
    bridge.close();
    unsent.close();
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'closed' } });
    await expect(queued).resolves.toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(vi.getTimerCount()).toBe(0);
    expect(connection).toEqual([true, false]);
    sockets[0]!.onmessage?.({ data: text({ event: 'state:patch', payload: { revision: 9, set: { identify: true } } }) });
    expect(heard).toEqual([]);
    await expect(bridge.getSnapshot()).resolves.toMatchObject({ ok: false, error: { code: 'closed' } });
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
    expect(sockets.every((s) => s.readyState === 3)).toBe(true);
  });
});

describe('binding a bridge from its spec', () => {
  const spec = {
    channels: { 'n:get': { response: z.number() } },
    events: { 'n:changed': z.number(), 'n:reset': z.number() },
    invokes: { getN: (scale: number) => ['n:get', { scale }] as const },
    listeners: { onN: ['n:changed', 'n:reset'] },
  } as const;

  it('gives one function per capability over the transport, and a listener hearing all its events until unsubscribed', async () => {
    const calls: unknown[] = [];
    const subscribed = new Map<string, (payload: unknown) => void>();
    const bridge = bindBridge(spec, {
      invoke: (channel, payload) => (calls.push([channel, payload]), Promise.resolve({ ok: true, value: 7 })),
      subscribe: (event, listener) => (subscribed.set(event, listener), () => void subscribed.delete(event)),
    });
    expect(Object.keys(bridge).sort()).toEqual(['getN', 'onN']);
    expect(Object.isFrozen(bridge)).toBe(true);
    await expect(bridge.getN(2)).resolves.toEqual({ ok: true, value: 7 });
    expect(calls).toEqual([['n:get', { scale: 2 }]]);
    const heard: number[] = [];
    const off = bridge.onN((n) => heard.push(n));
    subscribed.get('n:changed')!(1);
    subscribed.get('n:reset')!(0);
    expect(heard).toEqual([1, 0]);
    off();
    expect(subscribed.size).toBe(0);
    // A page may hand anything across the bridge: a listener that is not a function subscribes nothing.
    (bridge.onN as (l: unknown) => () => void)('not a function')();
    expect(subscribed.size).toBe(0);
  });

  it('refuses a spec that gives a function and a listener the same name', () => {
    const clash = { ...spec, listeners: { getN: ['n:changed'] } } as const;
    const transport = { invoke: () => Promise.resolve({ ok: true as const, value: null }), subscribe: () => () => undefined };
    expect(() => bindBridge(clash, transport)).toThrow(/"getN" is both a function and a listener/);
  });
});
