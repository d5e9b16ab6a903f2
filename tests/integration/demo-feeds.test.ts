import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataValue } from '../../common/protocol/data.js';
import { startHub, type RunningHub } from '../../hub/server.js';
import { STATIONS } from '../../hub/sim/flood-timeline.js';
import { createLogger } from '../../node-common/log.js';

// The demo's feeds take a centre's paths: gauges and rain through the embedded MQTT broker and the
// hub's MQTT source (config/sources/demo), the one-stop shop's figures through its loopback endpoint
// and the HTTP source; both on the health list, with the values the simulator produced.

let hub: RunningHub;
const until = async (what: string, ok: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const value = (key: string): DataValue | undefined => hub.core.dataValue(key)?.value;
const health = (id: string) => hub.sources.list().find((s) => s.id === id);

describe('the demo feeds through MQTT and HTTP', () => {
  beforeAll(async () => {
    hub = await startHub({ port: 0, tokens: [], log: createLogger('test', () => undefined), scenariosDir: 'config/scenarios', simulate: { seed: 7, timeScale: 1200, feedsDir: 'config/sources/demo' } });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('every river station arrives through the MQTT source, the one-stop shop through the HTTP source', async () => {
    await until('all five stations in gauges.rivers', () => {
      const v = value('gauges.rivers');
      return v?.type === 'gauges' && v.items.length === STATIONS.length;
    });
    const gauges = value('gauges.rivers');
    expect(gauges?.type === 'gauges' && gauges.items.map((g) => g.id).sort()).toEqual(STATIONS.map((s) => s.id).sort());
    await until('the one-stop shop polled', () => value('kpi.services.on-time-rate') !== undefined);
    expect(value('kpi.services.on-time-rate')).toMatchObject({ type: 'kpi', unit: '%', target: 98 });
    await until('the rain gauge read', () => value('kpi.flood.rainfall-24h') !== undefined);
    expect(value('kpi.flood.rainfall-24h')).toMatchObject({ type: 'kpi', unit: 'mm' });

    // (No error count here: on a loaded machine a poll may time out once and recover.)
    expect(health('tram-do-mo-phong')).toMatchObject({ kind: 'mqtt', state: 'ok' });
    expect(health('tram-do-mo-phong')?.keys).toEqual(expect.arrayContaining(['gauges.rivers', 'kpi.flood.rainfall-24h']));
    await until('the one-stop shop source ok', () => health('mot-cua-mo-phong')?.state === 'ok');
    expect(health('mot-cua-mo-phong')).toMatchObject({ kind: 'http', state: 'ok' });
    // What still comes straight from the simulator.
    expect(value('alerts.active')?.type).toBe('alerts');
  });
});
