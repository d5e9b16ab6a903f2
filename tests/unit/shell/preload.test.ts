import fs from 'node:fs';
import { liveBridgeInvokes } from '../../../common/live-view.js';
import { procedureBridgeInvokes } from '../../../common/procedure-contract.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeInvokes, type WallBridge } from '../../../common/contract.js';
import { consoleBridgeInvokes } from '../../../common/console-contract.js';
import { technicianBridgeInvokes } from '../../../common/technician-contract.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import type { CoreClient } from '../../../electron/wall/client.js';
import { memoryLogger } from '../../../node-common/log.js';
import { WallCore } from '../../../electron/wall/wall-core.js';
import { bridgeFunctions } from '../../support/bridge-functions.js';

// The preload against a stand-in for electron's contextBridge and ipcRenderer; the "main process"
// answering invokes is a real WallCore, as the shell's IPC router would call it.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
  invokes: [] as { channel: string; args: unknown[] }[],
  answer: (_channel: string, _payload: unknown): Promise<unknown> => Promise.reject(new Error('no main process')),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.invokes.push({ channel, args });
      return fake.answer(channel, args[0]);
    },
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      const set = fake.listeners.get(channel) ?? new Set();
      set.add(fn);
      fake.listeners.set(channel, set);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => fake.listeners.get(channel)?.delete(fn),
  },
}));

await import('../../../preload/preload.js');
const bridge = fake.exposed.get('toanCanh') as WallBridge;

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const asClient = (role: 'screen' | 'console', screenId?: string): CoreClient => ({
  id: `test-${role}`,
  transport: 'electron',
  role,
  ...(screenId ? { screenId } : {}),
  send: () => undefined,
});
function mainProcessAs(client: CoreClient): WallCore {
  const core = new WallCore({ wall, layout, log: memoryLogger() });
  fake.answer = (channel, payload) => core.handle(client, channel.replace(/^tc:/, ''), payload);
  return core;
}
const emit = (channel: string, payload: unknown) => {
  for (const fn of fake.listeners.get(channel) ?? []) fn({ sender: 'the IpcRendererEvent' }, payload);
};

beforeEach(() => {
  fake.invokes.length = 0;
});

describe('preload bridge', () => {
  it('exposes exactly the WallBridge functions as window.toanCanh, and nothing else', () => {
    expect([...fake.exposed.keys()]).toEqual(['toanCanh']);
    // Exactly the contract's functions: the base bridge, the listeners, the console's and the technician's.
    const expected = [
      ...Object.keys(bridgeInvokes),
      'onSnapshot', 'onPatch', 'onScreenStatuses', 'onData', 'onWallHealth', 'onLiveWant', 'onLive',
      ...Object.keys(consoleBridgeInvokes),
      ...Object.keys(technicianBridgeInvokes),
      ...Object.keys(procedureBridgeInvokes),
      ...Object.keys(liveBridgeInvokes),
    ];
    expect(expected).toHaveLength(new Set(expected).size); // no function name given twice
    expect(expected).toContain('setIdentify');
    expect(Object.keys(bridge).sort()).toEqual([...new Set(expected)].sort());
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true);
    // The same functions as a browser page's bridge (the Electron spec checks the real preload against these).
    expect(Object.keys(bridge).sort()).toEqual(bridgeFunctions());
  });

  it('calls one tc: channel per function with the contract payload, and returns the core answer', async () => {
    mainProcessAs(asClient('console'));
    const snapshot = await bridge.getSnapshot();
    expect(snapshot.ok && snapshot.value.wall.id).toBe('demo-2x2');
    expect(await bridge.setIdentify(true)).toEqual({ ok: true, value: 2 });
    expect(await bridge.setLanguage('en')).toEqual({ ok: true, value: 3 });
    expect(await bridge.setBezelCompensation(false)).toEqual({ ok: true, value: 4 });
    expect((await bridge.getScreenStatuses()).ok).toBe(true);
    expect(fake.invokes).toEqual([
      { channel: 'tc:state:snapshot', args: [{}] },
      { channel: 'tc:wall:setIdentify', args: [{ enabled: true }] },
      { channel: 'tc:settings:setLanguage', args: [{ language: 'en' }] },
      { channel: 'tc:wall:setBezelCompensation', args: [{ enabled: false }] },
      { channel: 'tc:screens:status', args: [{}] },
    ]);
  });

  it('passes refusals through as values', async () => {
    mainProcessAs(asClient('screen', 'A1'));
    const refused = await bridge.setIdentify(true);
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'a screen window may not call wall:setIdentify' } });
    const other = await bridge.reportScreen({ screenId: 'B2', appliedRevision: 1, state: 'ready' });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bridge.reportScreen({ screenId: 'A1', appliedRevision: 1, state: 'ready' })).toEqual({ ok: true, value: null });
  });

  it('never throws: a failed invoke or a malformed answer becomes an error result', async () => {
    fake.answer = () => Promise.reject(new Error("Error invoking remote method 'tc:state:snapshot': boom"));
    expect(await bridge.getSnapshot()).toEqual({ ok: false, error: { code: 'ipc-failed', message: "state:snapshot: Error invoking remote method 'tc:state:snapshot': boom" } });
    fake.answer = () => Promise.resolve('not a result');
    expect(await bridge.setIdentify(true)).toMatchObject({ ok: false, error: { code: 'bad-answer' } });
    fake.answer = () => Promise.resolve({ ok: true, value: 'seven' });
    expect(await bridge.setIdentify(true)).toMatchObject({ ok: false, error: { code: 'bad-answer', message: expect.stringMatching(/^wall:setIdentify: /) } });
    fake.answer = () => Promise.resolve({ ok: false, error: { code: 42 } });
    expect(await bridge.getSnapshot()).toMatchObject({ ok: false, error: { code: 'bad-answer' } });
  });

  it('hands listeners the checked payload only, drops malformed events, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge.onPatch((...args: unknown[]) => got.push(args));
    emit('tc:state:patch', { revision: 5, set: { identify: true } });
    emit('tc:state:patch', { revision: 'x' });
    expect(got).toEqual([[{ revision: 5, set: { identify: true } }]]);
    off();
    emit('tc:state:patch', { revision: 6, set: { identify: false } });
    expect(got).toHaveLength(1);
    expect(fake.listeners.get('tc:state:patch')?.size).toBe(0);
  });

  it('listens on the snapshot and status channels', () => {
    const statuses: unknown[] = [];
    const off = bridge.onScreenStatuses((s) => statuses.push(s));
    emit('tc:screens:status', [{ screenId: 'A1', online: true, appliedRevision: 1, state: 'ready', lastSeen: 1, transport: 'electron' }]);
    expect(statuses).toHaveLength(1);
    off();
    const offSnapshot = bridge.onSnapshot(() => undefined);
    expect(fake.listeners.get('tc:state:snapshot')?.size).toBe(1);
    offSnapshot();
  });
  it('hears both data feed events with one onData listener, checked, and unsubscribes from both', () => {
    const batches: unknown[] = [];
    const off = bridge.onData!((batch) => batches.push(batch));
    const entry = { key: 'kpi.a', value: { type: 'kpi', value: 1, unit: 'hộ' }, at: 1 };
    emit('tc:data:snapshot', { entries: [entry] });
    emit('tc:data:update', { entries: [{ ...entry, at: 2 }] });
    emit('tc:data:update', { entries: [{ ...entry, key: 'K' }] }); // not a valid key: dropped
    expect(batches).toEqual([{ entries: [entry] }, { entries: [{ ...entry, at: 2 }] }]);
    off();
    expect(fake.listeners.get('tc:data:snapshot')?.size).toBe(0);
    expect(fake.listeners.get('tc:data:update')?.size).toBe(0);
  });
});
