import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../../hub/server.js';
import { testHub, TOKENS } from '../../support/hub-fixture.js';

// CAP alerts POSTed to the hub's endpoint: the sample appears as an alert and its areas, its Cancel
// withdraws both, and a bad document is refused on the source's health without touching the rest.

const SAMPLE = fs.readFileSync('config/sources/samples/cap-lu-song-huong.xml', 'utf8');
const CANCEL = fs.readFileSync('config/sources/samples/cap-lu-song-huong-huy.xml', 'utf8');

describe('CAP push endpoint', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await testHub({ sourcesDir: 'config/sources' });
  });
  afterAll(async () => {
    await hub?.close();
  });
  const post = (xml: string, token = TOKENS.admin, id = 'canh-bao-cap') =>
    fetch(`${hub.url}/api/sources/${id}/cap`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/cap+xml' }, body: xml });
  const items = (key: string) => {
    const v = hub.core.dataValue(key)?.value;
    return v && 'items' in v ? v.items : [];
  };

  it('shows a pushed alert and its areas, and withdraws both on its Cancel', async () => {
    const res = await post(SAMPLE);
    expect(res.status).toBe(202);
    expect(items('alerts.cap')).toMatchObject([{ severity: 'danger', title: { vi: expect.stringMatching(/^Cảnh báo lũ khẩn cấp/) } }]);
    expect(items('areas.cap')).toHaveLength(2);
    expect((await post(CANCEL)).status).toBe(202);
    expect(items('alerts.cap')).toEqual([]);
    expect(items('areas.cap')).toEqual([]);
  });

  it('refuses a bad document with its reason, on the answer and the health', async () => {
    const before = items('alerts.active').length;
    const res = await post('<!DOCTYPE x [<!ENTITY a "aaaa">]><alert>&a;</alert>');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/DOCTYPE or ENTITY/) } });
    const health = (await (await fetch(`${hub.url}/api/sources/canh-bao-cap`, { headers: { Authorization: `Bearer ${TOKENS.operator}` } })).json()) as { value: { errorCount: number; lastError: string; state: string } };
    expect(health.value).toMatchObject({ state: 'ok', errorCount: 1, lastError: expect.stringMatching(/pushed alert: the XML declares a DOCTYPE/) });
    expect(items('alerts.active').length).toBe(before);
    expect((await post(SAMPLE, TOKENS.operator)).status).toBe(403);
    expect((await post(SAMPLE, TOKENS.admin, 'khong-co')).status).toBe(404);
  });

  it('lists every source with its health', async () => {
    const res = await fetch(`${hub.url}/api/sources`, { headers: { Authorization: `Bearer ${TOKENS.operator}` } });
    const body = (await res.json()) as { value: { sources: Array<{ id: string; kind: string }>; problems: unknown[] } };
    expect(body.value.sources.map((s) => [s.id, s.kind])).toEqual(expect.arrayContaining([['canh-bao-cap', 'cap'], ['webhook', 'webhook']]));
    expect(hub.core.dataValue('hub.sources')?.value.type).toBe('sources');
  });
});
