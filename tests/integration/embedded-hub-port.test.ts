import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type BackendChoice, type RunningBackend } from '../../electron/hub-link/backend-setup.js';
import { WallCore } from '../../electron/wall/wall-core.js';
import { memoryLogger } from '../../node-common/log.js';
import { startHub } from '../../hub/server.js';
import { demoLayout, demoWall, tempDir } from '../support/hub-fixture.js';

// The embedded hub keeps its port and tokens across restarts, so the REST URL printed once keeps working;
// when another program took the port meanwhile, it starts on a free one and says so.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const portOf = (b: RunningBackend) => Number(new URL(b.hub!.url).port);

describe('embedded hub across restarts', () => {
  it('asks for the port it had last time, and takes a free one with a warning when that is taken', async () => {
    const dir = tempDir();
    const stored = new Map<string, unknown>();
    const settings = { get: (k: string) => stored.get(k), set: (k: string, v: unknown) => void stored.set(k, v) };
    const backend: BackendChoice = { kind: 'embedded', port: 0, dbFile: path.join(dir, 'hub.db'), scenariosDir: 'config/scenarios', simulate: null, camerasDir: null };
    const start = async () => {
      const log = memoryLogger();
      const core = new WallCore({ wall: demoWall(), layout: demoLayout(), log: log.child('core') });
      const running = await startBackend(core, { backend, node: { nodeId: 'node-1', allowLocalActivation: false } }, { log, embedHub: startHub, settings });
      cleanup.push(() => running.close());
      expect(core.state.backend?.state).toBe('connected');
      return { running, log };
    };

    const first = await start();
    const port = portOf(first.running);
    expect(stored.get('hub.embedded.port')).toBe(port);
    const restUrl = first.running.restUrl;
    await first.running.close();

    const second = await start();
    expect(portOf(second.running)).toBe(port);
    expect(second.running.restUrl).toBe(restUrl);
    await second.running.close();

    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => squatter.close(resolve)));
    const third = await start();
    expect(portOf(third.running)).not.toBe(port);
    expect(stored.get('hub.embedded.port')).toBe(portOf(third.running));
    expect(third.log.lines.some((l) => l.level === 'warn' && l.msg.includes(`port ${port}`) && l.msg.includes('taken'))).toBe(true);
  });
});
