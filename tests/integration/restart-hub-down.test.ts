import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../support/hub-process.js';
import { rest, tempDir, TOKENS, until } from '../support/hub-fixture.js';
import { ensureRendererBuilt, openConsole, startWallNodeProcess, type ConsoleView, type WallNodeProcess } from '../support/wall-node-process.js';

// A restart loses nothing: a wall node killed with SIGKILL while its hub is stopped comes back showing
// the scenario, its revision and the last data (marked stale, with their age), says the hub is away,
// and converges to the hub's current revision when the hub returns, showing no switch twice.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
beforeAll(() => ensureRendererBuilt(), 180_000);

const MINUTE = 60_000;

/** Rows the node has written to its database (read beside it: WAL lets a reader in). */
function savedRows(dbFile: string): { scenarioRevision: number | null; dataKeys: string[] } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const scenario = db.prepare<[], { revision: number }>('SELECT revision FROM shown_scenario').get();
    const keys = db.prepare<[], { key: string }>('SELECT key FROM data_points').all().map((r) => r.key);
    return { scenarioRevision: scenario?.revision ?? null, dataKeys: keys };
  } finally {
    db.close();
  }
}

describe('a wall node restarted while its hub is down', () => {
  it('kill -9 with the hub stopped: shown again at once, stale data with their age; the hub’s newer revision wins on its return', async () => {
    const dir = tempDir();
    const hubDb = path.join(dir, 'hub.db');
    const nodeDb = path.join(dir, 'node', 'wall.db');
    let hub: HubProcess = await startHubProcess(dir, { db: hubDb });
    cleanup.push(() => hub.kill());
    let node: WallNodeProcess = await startWallNodeProcess({ db: nodeDb, hubUrl: hub.url });
    cleanup.push(() => node.kill9());
    let view: ConsoleView = await openConsole(node);
    cleanup.push(() => view.close());
    await until('connected to the hub', () => view.state()?.backend?.state === 'connected', 15_000);

    // A scenario and data from the hub, as in a flood.
    expect((await rest(hub, 'POST', '/api/scenarios/flood-response/activate', TOKENS.leader)).body).toMatchObject({ ok: true, value: { revision: 1 } });
    const measuredAt = Date.now() - 5 * MINUTE;
    const entries = [
      { key: 'kpi.flood.rescue-teams', at: measuredAt, value: { type: 'kpi', value: 12, unit: 'đội' } },
      { key: 'kpi.flood.evacuated', at: measuredAt + MINUTE, value: { type: 'kpi', value: 3400, unit: 'người' } },
    ];
    expect((await rest(hub, 'POST', '/api/data', TOKENS.admin, { entries })).status).toBe(202);
    await until('flood on the wall', () => view.state()?.scenario?.revision === 1 && view.state()?.layout.id === 'scenario-flood-response');
    await until('data on the wall', () => view.data().get('kpi.flood.evacuated')?.at === measuredAt + MINUTE);
    expect(view.state()?.dataStale ?? null).toBeNull();
    await until('saved in the node’s database', () => savedRows(nodeDb).scenarioRevision === 1 && entries.every((e) => savedRows(nodeDb).dataKeys.includes(e.key)), 10_000); // beside the hub's own keys (hub.sources, cameras)

    // The hub stops; the node is killed; meanwhile the centre switches to the storm (revision 2).
    await hub.kill();
    await until('hub away', () => view.state()?.backend?.state === 'lost');
    view.close();
    await node.kill9();
    hub = await startHubProcess(dir, { db: hubDb, port: hub.port });
    expect((await rest(hub, 'POST', '/api/scenarios/storm/activate', TOKENS.leader)).body).toMatchObject({ ok: true, value: { revision: 2 } });
    await hub.kill();

    // Restarted with the hub still down: what it showed is back at once.
    node = await startWallNodeProcess({ db: nodeDb, hubUrl: hub.url });
    view = await openConsole(node);
    await view.socket.event('state:snapshot');
    const restored = view.state()!;
    expect(restored.scenario).toMatchObject({ id: 'flood-response', revision: 1, local: false });
    expect(restored.layout.id).toBe('scenario-flood-response');
    expect(restored.backend).toMatchObject({ state: 'lost', hubUrl: hub.url, message: expect.any(String) });
    expect(restored.dataStale).toEqual({ since: expect.any(Number) });
    await view.socket.event('data:snapshot');
    const data = view.data();
    expect(data.get('kpi.flood.rescue-teams')).toEqual(entries[0]);
    expect(data.get('kpi.flood.evacuated')).toEqual(entries[1]);
    const ageMs = Date.now() - data.get('kpi.flood.rescue-teams')!.at;
    expect(ageMs).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(ageMs).toBeLessThan(10 * MINUTE);

    // The hub returns: its newer revision wins, shown once; the data are live again.
    hub = await startHubProcess(dir, { db: hubDb, port: hub.port });
    await until('storm on the wall', () => view.state()?.scenario?.id === 'storm' && view.state()?.scenario?.revision === 2, 15_000);
    await until('connected again', () => view.state()?.backend?.state === 'connected');
    expect(view.state()?.layout.id).toBe('scenario-storm');
    expect(view.state()?.dataStale).toBeNull();
    // No page shows the screens here, so the hub's result waits for them; it is about revision 2 all the same.
    await until('the hub tracks the storm on this wall', async () => {
      const walls = (await rest(hub, 'GET', '/api/walls', TOKENS.admin)).body.value as Array<{ wallId: string; revision: number; result: { revision: number } | null }>;
      const wall = walls.find((w) => w.wallId === 'demo-2x2');
      return wall?.revision === 2 && wall.result?.revision === 2;
    }, 15_000);
    expect(view.scenarioPatches()).toEqual([2]);
    await until('storm saved for the next restart', () => savedRows(nodeDb).scenarioRevision === 2);
  }, 120_000);
});
