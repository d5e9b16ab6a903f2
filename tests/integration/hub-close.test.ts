import { afterEach, expect, it, vi } from 'vitest';
import { BackendLink } from '../../electron/hub-link/backend-link.js';
import { memoryLogger } from '../../node-common/log.js';
import { openHandles, settle, untilOnTurns } from '../support/open-handles.js';
import { testHub, TOKENS } from '../support/hub-fixture.js';

// The hub is embedded in the app and restarted by tests: closing it (its sockets, its core, its port)
// must leave no timer and no socket behind, even with a wall node connected.

afterEach(() => {
  vi.useRealTimers();
});

it('close() leaves no timer and no open socket behind, with a node connected', async () => {
  const before = openHandles();
  // Only timers are faked (not setImmediate/nextTick), so sockets run as usual and every timer is counted.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const hub = await testHub();
  const link = new BackendLink({ url: hub.url, token: TOKENS.node, nodeId: 'node-1', wallId: 'demo-2x2', screens: ['A1', 'A2', 'B1', 'B2'], log: memoryLogger(), handlers: {} });
  link.start();
  await untilOnTurns('the node connected', () => hub.core.registry.get('node-1') !== undefined && link.state.state === 'connected');
  expect(vi.getTimerCount()).toBeGreaterThan(0); // the hub's and the link's: the count below is a real check
  expect(openHandles().TCPServerWrap).toBeGreaterThan(before.TCPServerWrap);

  await hub.close();
  await untilOnTurns('the node saw the hub go', () => link.state.state !== 'connected');
  link.close();
  await settle();
  expect(vi.getTimerCount()).toBe(0);
  expect(openHandles()).toEqual(before);
});
