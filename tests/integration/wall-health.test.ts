import { afterEach, describe, expect, it } from 'vitest';
import type { WallHealth } from '../../common/protocol/health.js';
import { rest, testHub, testNode, TOKENS, until, type TestNode } from '../support/hub-fixture.js';

// The wall-level view over loopback: two nodes each report their screens' health to the hub, and each
// node's console gets the whole wall (node:health → hub → wall:health), including a node that went away.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const nodeOf = (h: WallHealth | null, id: string) => h?.nodes.find((n) => n.nodeId === id);
const screenOf = (h: WallHealth | null, nodeId: string, screenId: string) => nodeOf(h, nodeId)?.health.find((s) => s.screenId === screenId);

describe('wall health across nodes', () => {
  it("every console sees every node's screens, with frames and memory, duplicates, and a node that went away", async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const pc1 = testNode(hub.url, { nodeId: 'pc-1', screens: ['A1', 'A2'] });
    const pc2 = testNode(hub.url, { nodeId: 'pc-2', screens: ['B1', 'B2'] });
    cleanup.push(() => pc1.close(), () => pc2.close());
    for (const n of [pc1, pc2] as TestNode[]) await until('connected', () => n.core.state.backend?.state === 'connected');

    const b1 = pc2.screens.B1!;
    expect(await pc2.core.handle(b1, 'screen:health', { screenId: 'B1', fps: 59.5, droppedFrames: 3, memoryMb: 41.2 })).toEqual({ ok: true, value: null });
    await until("pc-2's frames on pc-1's console", () => screenOf(pc1.core.wallHealth, 'pc-2', 'B1')?.fps === 59.5);
    const b1Health = screenOf(pc1.core.wallHealth, 'pc-2', 'B1');
    expect(b1Health).toMatchObject({ online: true, state: 'ready', droppedFrames: 3, memoryMb: 41.2, pages: 1, faults: [] });
    expect(Math.abs(Date.now() - (b1Health?.lastSeen ?? 0))).toBeLessThan(5000);
    expect(nodeOf(pc1.core.wallHealth, 'pc-1')).toMatchObject({ connected: true, screens: ['A1', 'A2'], process: { rssMb: expect.any(Number) as number } });
    // The console heard it as an event, and a page for a screen of pc-2 opened on pc-1 is told who drives it.
    expect(pc1.console.events.some((e) => e.event === 'wall:health')).toBe(true);
    expect(pc1.core.screenOwner('B2')).toBe('pc-2');

    // The same over REST, on the hub's clock.
    const answer = await rest(hub, 'GET', '/api/walls/demo-2x2/health', TOKENS.operator);
    expect(answer.status).toBe(200);
    const viaRest = (answer.body as { value: WallHealth }).value;
    expect(viaRest.nodes.map((n) => [n.nodeId, n.connected, n.screens])).toEqual([['pc-1', true, ['A1', 'A2']], ['pc-2', true, ['B1', 'B2']]]);

    // A second page opened as B1 is flagged on every console.
    const twin = { ...b1, id: 'screen-B1-twin' };
    const leave = pc2.core.connect(twin);
    await until('duplicate on pc-1', () => screenOf(pc1.core.wallHealth, 'pc-2', 'B1')?.faults.some((f) => f.code === 'duplicate-screen') === true);
    expect(screenOf(pc1.core.wallHealth, 'pc-2', 'B1')?.pages).toBe(2);
    leave();
    await until('duplicate gone', () => screenOf(pc1.core.wallHealth, 'pc-2', 'B1')?.pages === 1);

    // pc-2 goes away: listed as disconnected, with its screens, on pc-1's console at once.
    pc2.close();
    await until('pc-2 down on pc-1', () => nodeOf(pc1.core.wallHealth, 'pc-2')?.connected === false);
    expect(nodeOf(pc1.core.wallHealth, 'pc-2')).toMatchObject({ screens: ['B1', 'B2'], disconnectedAt: expect.any(Number) as number });
  });

  it('the hub refuses health for screens the node did not register, and for another wall', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    const pc1 = testNode(hub.url, { nodeId: 'pc-1', screens: ['A1', 'A2'] });
    cleanup.push(() => pc1.close());
    await until('connected', () => pc1.core.state.backend?.state === 'connected');
    const process = { rssMb: 100, uptimeS: 1, clockOffsetMs: 0, clockRoundTripMs: 1 };
    const screen = { screenId: 'B1', online: true, revision: null, state: 'ready' as const, lastSeen: null, fps: null, droppedFrames: null, memoryMb: null, pages: 1, faults: [] };
    const foreign = await pc1.sync.link.request('node:health', { wallId: 'demo-2x2', screens: [screen], process });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'screen(s) B1 are not among this node\'s registered screens (A1, A2)' } });
    const other = await pc1.sync.link.request('node:health', { wallId: 'hall-b', screens: [{ ...screen, screenId: 'A1' }], process });
    expect(other).toMatchObject({ ok: false, error: { code: 'wrong-wall' } });
  });
});
