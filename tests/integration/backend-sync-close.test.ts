import { afterEach, expect, it, vi } from 'vitest';
import { openHandles, settle, untilOnTurns } from '../support/open-handles.js';
import { testHub, testNode } from '../support/hub-fixture.js';

// The wall node's link to the hub lives as long as the app and is replaced when the technician changes
// the hub: closing it must leave no timer (heartbeat, retry, acknowledgement deadline) and no socket.

afterEach(() => {
  vi.useRealTimers();
});

it('close() leaves no timer and no open socket behind, after an activation', async () => {
  const before = openHandles();
  // Only timers are faked (not setImmediate/nextTick), so sockets run as usual and every timer is counted.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const hub = await testHub({ applyDelayMs: 0 });
  const node = testNode(hub.url);
  await untilOnTurns('the node connected', () => node.core.state.backend?.state === 'connected');
  await untilOnTurns('the catalog', () => node.core.scenarioOverview.scenarios.length > 0);
  // An activation leaves the acknowledgement deadline running: close() must clear it too.
  expect(await node.sync.service.activate('storm', { name: 'Lãnh đạo', role: 'leader' }, false)).toMatchObject({ ok: true });
  await untilOnTurns('storm on the wall', () => node.core.state.scenario?.id === 'storm');
  await settle();
  const running = vi.getTimerCount();

  node.close();
  expect(vi.getTimerCount()).toBeLessThan(running); // the node's own timers went with it
  await hub.close();
  await settle();
  expect(vi.getTimerCount()).toBe(0);
  expect(openHandles()).toEqual(before);
});
