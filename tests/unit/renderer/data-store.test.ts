import { describe, expect, it, vi } from 'vitest';
import type { DataEntry } from '../../../common/protocol/data.js';
import { parseServerMessage } from '../../../renderer/bridge/messages.js';
import { createSocketBridge, type SocketLike } from '../../../renderer/bridge/socket-bridge.js';
import { DataStore } from '../../../renderer/state/data-store.js';
import { dataView } from '../../../renderer/state/data-view.js';

const kpi = (key: string, value: number, at: number): DataEntry => ({ key, value: { type: 'kpi', value, unit: 'hộ' }, at });

describe('the page’s data cache', () => {
  it('keeps the newest value of each key and tells only that key’s listeners', () => {
    const store = new DataStore();
    const heard: string[] = [];
    const stopA = store.subscribe('kpi.a', () => heard.push('a'));
    store.subscribe('kpi.b', () => heard.push('b'));
    store.receive([kpi('kpi.a', 1, 100)]);
    store.receive([kpi('kpi.a', 0, 50)]); // older: a resend after a reconnect
    expect(store.get('kpi.a')?.value).toMatchObject({ value: 1 });
    expect(heard).toEqual(['a']);
    store.receive([kpi('kpi.a', 2, 100), kpi('kpi.b', 5, 1)]);
    expect(heard).toEqual(['a', 'a', 'b']);
    stopA();
    store.receive([kpi('kpi.a', 3, 200)]);
    expect(heard).toEqual(['a', 'a', 'b']);
    expect(store.listenedKeys).toBe(1);
  });

  it('forgets the least recently updated keys past its limit', () => {
    const store = new DataStore(2);
    store.receive([kpi('k1', 1, 1), kpi('k2', 2, 1), kpi('k3', 3, 1)]);
    expect(store.get('k1')).toBeUndefined();
    expect(store.get('k3')).toBeDefined();
  });

  it('is fed by the bridge: data events from the host, snapshot and update alike', () => {
    let socket: (SocketLike & { receive(m: unknown): void }) | null = null;
    const bridge = createSocketBridge({
      url: 'ws://host/ws',
      warn: () => undefined,
      createSocket: () => {
        const s = {
          readyState: 1, onopen: null, onmessage: null, onclose: null, onerror: null,
          send: () => undefined, close: () => undefined,
          receive(m: unknown) {
            this.onmessage?.({ data: JSON.stringify(m) });
          },
        } as SocketLike & { receive(m: unknown): void };
        socket = s;
        return s;
      },
    });
    const store = new DataStore();
    const stop = store.start(bridge);
    socket!.receive({ event: 'data:snapshot', payload: { entries: [kpi('kpi.flood.evacuated-households', 10, 1)] } });
    socket!.receive({ event: 'data:update', payload: { entries: [kpi('kpi.flood.evacuated-households', 12850, 2)] } });
    socket!.receive({ event: 'scenarios:overview', payload: { scenarios: [], proposals: [], result: null } });
    expect(store.get('kpi.flood.evacuated-households')?.value).toMatchObject({ value: 12850 });
    stop();
    socket!.receive({ event: 'data:update', payload: { entries: [kpi('kpi.flood.evacuated-households', 1, 3)] } });
    expect(store.get('kpi.flood.evacuated-households')?.value).toMatchObject({ value: 12850 });
    bridge.close();
  });

  it('drops a data event whose payload breaks the schema', () => {
    const bad = parseServerMessage(JSON.stringify({ event: 'data:update', payload: { entries: [{ key: 'K', value: { type: 'kpi', value: 1, unit: '' }, at: 1 }] } }));
    expect(bad.kind).toBe('invalid');
  });
});

describe('a data key as a panel sees it', () => {
  it('says when there is no data yet, gives a value of the expected kind, and marks another kind invalid (warned once)', () => {
    const warn = vi.fn();
    expect(dataView(undefined, 'kpi', warn)).toEqual({ status: 'no-data', value: null, at: null });
    expect(dataView(kpi('kpi.x', 4, 9), 'kpi', warn)).toMatchObject({ status: 'ok', at: 9, value: { value: 4 } });
    const wrong = kpi('kpi.y', 4, 9);
    expect(dataView(wrong, 'alerts', warn)).toEqual({ status: 'invalid', value: null, at: 9, got: 'kpi' });
    dataView(wrong, 'alerts', warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/kpi\.y.*"kpi".*"alerts"/);
  });
});
