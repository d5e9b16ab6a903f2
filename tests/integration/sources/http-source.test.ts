import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpSourceSchema } from '../../../hub/sources/config.js';
import { until } from '../../support/hub-fixture.js';
import { testSources } from '../../support/source-sink.js';

// The HTTP JSON source against a server on loopback that answers well, badly, too much, or not at all.

type Mode = 'ok' | 'hang' | 'huge' | 'not-json' | 'error' | 'bad-field';
let mode: Mode = 'ok';
let value = 120;
let seenAuth: string | undefined;
const servers: http.Server[] = [];
const stops: Array<() => Promise<void>> = [];

async function serve(): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer((req, res) => {
    seenAuth = req.headers.authorization;
    if (mode === 'hang') return; // never answers
    if (mode === 'error') return void res.writeHead(503).end('busy');
    if (mode === 'not-json') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('<html>');
    if (mode === 'huge') return void res.writeHead(200).end(`{"x":"${'a'.repeat(300_000)}"}`);
    const body = mode === 'bad-field' ? { hoSo: { daNhan: 'nhiều', dungHan: 90 } } : { hoSo: { daNhan: value, dungHan: 90 } };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/thong-ke`, server };
}

afterEach(async () => {
  mode = 'ok';
  for (const stop of stops.splice(0)) await stop();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const config = (url: string, extra: object = {}) =>
  HttpSourceSchema.parse({
    id: 'mot-cua',
    type: 'http',
    url,
    intervalS: 1,
    timeoutMs: 1500,
    maxBytes: 100_000,
    headers: { Authorization: { env: 'MOT_CUA_TOKEN', prefix: 'Bearer ' } },
    points: [
      { path: '/hoSo/daNhan', to: { kind: 'kpi', key: 'kpi.dossiers.received', unit: 'hồ sơ' } },
      { path: '$.hoSo.dungHan', to: { kind: 'kpi', key: 'kpi.dossiers.on-time', unit: '%' } },
    ],
    ...extra,
  });

describe('HTTP JSON source', () => {
  it('polls, maps fields and sends the secret header from the environment', async () => {
    const { url } = await serve();
    const t = testSources({ configs: [config(url)], env: { MOT_CUA_TOKEN: 'abc' } });
    stops.push(() => t.sources.close());
    await until('values', () => t.sink.data.has('kpi.dossiers.on-time'));
    expect(t.sink.data.get('kpi.dossiers.received')?.value).toMatchObject({ type: 'kpi', value: 120, unit: 'hồ sơ' });
    expect(seenAuth).toBe('Bearer abc');
    expect(t.health('mot-cua')).toMatchObject({ state: 'ok', errorCount: 0, lastError: null });
  });

  it.each<[Mode, RegExp]>([
    ['hang', /did not answer within 1500 ms/],
    ['huge', /larger than maxBytes 100000/],
    ['not-json', /is not JSON/],
    ['error', /answered HTTP 503/],
  ])('a %s answer fails the source and marks its points stale; the next good answer makes them live', async (bad, error) => {
    const { url } = await serve();
    const t = testSources({ configs: [config(url)], env: { MOT_CUA_TOKEN: 'abc' } });
    stops.push(() => t.sources.close());
    await until('values', () => t.sink.data.has('kpi.dossiers.on-time'));
    mode = bad;
    await until('failing', () => t.health('mot-cua')?.state === 'failing', 5000);
    expect(t.health('mot-cua')?.lastError).toMatch(error);
    expect(t.sink.data.get('kpi.dossiers.received')?.stale).toBe(true);
    mode = 'ok';
    value = 121;
    await until('live', () => t.sink.data.get('kpi.dossiers.received')?.stale === undefined, 5000);
    expect(t.sink.data.get('kpi.dossiers.received')?.value).toMatchObject({ value: 121 });
    value = 120;
  });

  it('refuses one bad field and keeps the others live', async () => {
    const { url } = await serve();
    mode = 'bad-field';
    const t = testSources({ configs: [config(url)], env: { MOT_CUA_TOKEN: 'abc' } });
    stops.push(() => t.sources.close());
    await until('refused', () => (t.health('mot-cua')?.errorCount ?? 0) > 0);
    expect(t.health('mot-cua')).toMatchObject({ state: 'ok', lastError: '"/hoSo/daNhan" → kpi.dossiers.received: "nhiều" is not a number' });
    expect(t.sink.data.get('kpi.dossiers.on-time')?.value).toMatchObject({ value: 90 });
  });

  it('marks its points stale when the server stops, and says so', async () => {
    const { url, server } = await serve();
    const t = testSources({ configs: [config(url)], env: { MOT_CUA_TOKEN: 'abc' } });
    stops.push(() => t.sources.close());
    await until('values', () => t.sink.data.has('kpi.dossiers.on-time'));
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await until('failing', () => t.health('mot-cua')?.state === 'failing', 5000);
    expect(t.health('mot-cua')?.lastError).toMatch(/unreachable: ECONNREFUSED/);
    expect(t.sink.data.get('kpi.dossiers.on-time')?.stale).toBe(true);
  });

  it('does not start without its secret', async () => {
    const { url } = await serve();
    const t = testSources({ configs: [config(url)], env: {} });
    stops.push(() => t.sources.close());
    await until('failing', () => t.health('mot-cua')?.state === 'failing');
    expect(t.health('mot-cua')?.lastError).toBe('header Authorization: the environment variable MOT_CUA_TOKEN is not set');
  });
});
