import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRandom } from '../../../common/prng.js';
import { HttpSourceSchema } from '../../../hub/sources/config.js';
import { trafficFeed } from '../../../hub/sim/traffic.js';
import { until } from '../../support/hub-fixture.js';
import { testSources } from '../../support/source-sink.js';

// Traffic data from a traffic centre's HTTP JSON feed (the whole value at one field): shown while the
// feed answers, marked stale when it stops, like every other data point.

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('a traffic feed over HTTP', () => {
  it('publishes road segments and incidents, and marks them stale when the server stops', async () => {
    const now = Date.now();
    const [demo] = trafficFeed()({ hours: 2.5, simTime: now, now, rnd: createRandom(1) });
    const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ giaoThong: demo!.value })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/giao-thong`;
    const config = HttpSourceSchema.parse({ id: 'giao-thong', type: 'http', url, intervalS: 1, timeoutMs: 1500, points: [{ path: '/giaoThong', to: { kind: 'value', key: 'traffic.demo' } }] });
    const t = testSources({ configs: [config], env: {} });
    stops.push(() => t.sources.close());
    await until('traffic', () => t.sink.data.has('traffic.demo'), 5000);
    const value = t.sink.data.get('traffic.demo')?.value;
    expect(value).toMatchObject({ type: 'traffic' });
    expect(value?.type === 'traffic' && value.segments.find((s) => s.id === 'ham-hai-van')?.congestion).toBe('jammed');
    expect(value?.type === 'traffic' && value.incidents.map((i) => i.type)).toContain('crash');
    expect(t.sink.data.get('traffic.demo')?.stale).toBeUndefined();

    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await until('stale', () => t.sink.data.get('traffic.demo')?.stale === true, 5000);
    expect(t.health('giao-thong')).toMatchObject({ state: 'failing' });
  });
});
