import { afterEach, describe, expect, it } from 'vitest';
import { startBareHub } from '../support/bare-hub.js';
import { testHub, testNode, until } from '../support/hub-fixture.js';

// What an independent hub and node, written from docs/protocol.md alone, found in ours (issue 17, item 5).

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('protocol corrections', () => {
  it('a node whose hub ends the session (a hub shutting down) reconnects at once, not after the 10 s refusal backoff', async () => {
    const bare = await startBareHub();
    cleanup.push(() => bare.close());
    const node = testNode(bare.url, { link: { refusedRetryMs: 60_000 } });
    cleanup.push(() => node.close());
    await until('connected', () => bare.connections.length === 1 && node.core.state.backend?.state === 'connected');
    bare.connections[0]!.disconnect(true);
    // With the refusal backoff at 60 s, only the prompt path can bring it back within the wait.
    await until('reconnected promptly', () => bare.connections.length === 2 && node.core.state.backend?.state === 'connected', 8000);
  });

  it('a hub:error just before the hub drops the node is a refusal: the node waits its backoff', async () => {
    const bare = await startBareHub();
    cleanup.push(() => bare.close());
    const node = testNode(bare.url, { link: { refusedRetryMs: 60_000 } });
    cleanup.push(() => node.close());
    await until('connected', () => bare.connections.length === 1 && node.core.state.backend?.state === 'connected');
    bare.connections[0]!.emit('hub:error', { code: 'forbidden', message: 'replaced by a newer connection of node "x"' });
    bare.connections[0]!.disconnect(true);
    await until('link lost', () => node.core.state.backend?.state !== 'connected');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(bare.connections.length, 'no reconnection within 2.5 s of a refusal').toBe(1);
  });

  it('a hub that answers clock:sync with a bare { t0, t1, t2 } is named on the console, not silently ignored', async () => {
    const bare = await startBareHub({ clockAnswer: (p) => ({ ...p, t1: Date.now(), t2: Date.now() }) });
    cleanup.push(() => bare.close());
    const node = testNode(bare.url, { link: { syncIntervalMs: 200 } });
    cleanup.push(() => node.close());
    await until('clock problem shown', () => node.core.state.backend?.message?.includes('clock:sync') === true);
    expect(node.core.state.backend?.message).toMatch(/\{ ok: true, value: \{ t0, t1, t2 \} \}/);
    expect(node.log.lines.some((l) => l.msg === 'hub clock sync failing')).toBe(true);
  });

  it('the reference hub tells a replaced connection why it is dropped', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const first = testNode(hub.url, { nodeId: 'pc-twin' });
    cleanup.push(() => first.close());
    await until('first connected', () => first.core.state.backend?.state === 'connected');
    const second = testNode(hub.url, { nodeId: 'pc-twin' });
    cleanup.push(() => second.close());
    await until('first told it was replaced', () => first.log.lines.some((l) => l.msg === 'hub reported an error' && JSON.stringify(l).includes('replaced by a newer connection')), 8000);
  });
});
