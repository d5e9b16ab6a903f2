import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../../../hub/sources/load.js';
import { parseFieldPath, readField } from '../../../../hub/sources/field-path.js';
import { mapPoint } from '../../../../hub/sources/points.js';
import { FieldPointSchema } from '../../../../hub/sources/config.js';
import { readSecret } from '../../../../hub/sources/secrets.js';
import { matchTopic } from '../../../../hub/sources/topic-match.js';

const folder = (files: Record<string, unknown>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-sources-'));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
};

describe('config/sources files', () => {
  it('names the file and the JSON path of each problem, and runs the good files', () => {
    const dir = folder({
      'a-good.json': { id: 'mqtt-gauges', type: 'mqtt', url: 'mqtt://127.0.0.1:1883', topics: [{ topic: 'a/+', points: [{ to: { kind: 'kpi', key: 'kpi.{1}', unit: 'mm' } }] }] },
      'b-secret.json': { id: 'mot-cua', type: 'http', url: 'http://127.0.0.1:9/x', headers: { Authorization: 'Bearer abc' }, points: [{ path: '/a', to: { kind: 'kpi', key: 'kpi.a', unit: '' } }] },
      'c-path.json': { id: 'thong-ke', type: 'http', url: 'http://127.0.0.1:9/x', points: [{ path: 'a.b', to: { kind: 'kpi', key: 'kpi.a', unit: '' } }] },
      'd-broken.json': '{ "id": "x", ',
      'e-filter.json': { id: 'bad-filter', type: 'mqtt', url: 'mqtt://h', topics: [{ topic: 'a/#/b', points: [{ to: { kind: 'kpi', key: 'k', unit: '' } }] }] },
      'f-dup.json': { id: 'mqtt-gauges', type: 'cap' },
    });
    const { sources, problems } = readSourceFiles(dir);
    expect(sources.map((s) => s.config.id)).toEqual(['mqtt-gauges']);
    const byFile = Object.fromEntries(problems.map((p) => [path.basename(p.file), p.message]));
    expect(byFile['b-secret.json']).toMatch(/b-secret\.json: headers\.Authorization: "Authorization" is a credential: write \{ "env": "NAME" \}/);
    expect(byFile['c-path.json']).toMatch(/c-path\.json: points\[0\]\.path: start with "\/" \(JSON Pointer\) or "\$" \(JSONPath\)/);
    expect(byFile['d-broken.json']).toMatch(/not valid JSON at line 1/);
    expect(byFile['e-filter.json']).toMatch(/topics\[0\]\.topic: a topic filter has/);
    expect(byFile['f-dup.json']).toMatch(/source id "mqtt-gauges" is already used/);
  });

  it('has no sources when the folder is missing', () => {
    expect(readSourceFiles('/nonexistent/config/sources')).toEqual({ sources: [], problems: [] });
  });
});

describe('field paths', () => {
  const doc = { a: { 'mực nước': [1, { b: 2 }] }, 'x/y': 3, 'm~n': 4 };
  it.each([
    ['/a/mực nước/1/b', 2],
    ['$.a["mực nước"][1].b', 2],
    ["$['a']['mực nước'][0]", 1],
    ['/x~1y', 3],
    ['/m~0n', 4],
    ['/a/missing', undefined],
    ['/a/mực nước/9', undefined],
    ['/constructor', undefined],
    ['$.a.toString', undefined],
  ])('%s', (p, want) => {
    const parsed = parseFieldPath(p);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(readField(doc, parsed.steps)).toEqual(want);
  });
  it('refuses what it cannot read', () => {
    expect(parseFieldPath('$.a[*]')).toMatchObject({ ok: false });
    expect(parseFieldPath('$..a')).toMatchObject({ ok: false });
    expect(parseFieldPath('/a~2')).toMatchObject({ ok: false });
  });
});

describe('points', () => {
  const ctx = { at: 1000, current: () => undefined };
  const point = (to: unknown, p = '') => FieldPointSchema.parse({ path: p, to });
  it('scales, bounds and refuses NaN, wrong types and absurd values', () => {
    const kpi = point({ kind: 'kpi', key: 'kpi.x', unit: 'm', scale: 0.01, max: 50 }, '/v');
    expect(mapPoint(kpi, { v: 350 }, ctx)).toMatchObject({ ok: true, entry: { key: 'kpi.x', value: { type: 'kpi', value: 3.5, unit: 'm' }, at: 1000 } });
    expect(mapPoint(kpi, { v: '350' }, ctx)).toMatchObject({ ok: true });
    expect(mapPoint(kpi, { v: 'NaN' }, ctx)).toMatchObject({ ok: false, message: '"/v" → kpi.x: "NaN" is not a number' });
    expect(mapPoint(kpi, { v: true }, ctx)).toMatchObject({ ok: false, message: '"/v" → kpi.x: expected a number, got boolean' });
    expect(mapPoint(kpi, { v: 1e300 }, ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/absurd/) });
    expect(mapPoint(kpi, { v: 6000 }, ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/above the plausible maximum 50/) });
    expect(mapPoint(kpi, { w: 1 }, ctx)).toMatchObject({ ok: false, message: 'no field "/v" in the message' });
  });
  it('checks a whole value against the protocol', () => {
    const value = point({ kind: 'value', key: 'alerts.soc' }, '/payload');
    expect(mapPoint(value, { payload: { type: 'alerts', items: [] } }, ctx)).toMatchObject({ ok: true });
    expect(mapPoint(value, { payload: { type: 'alerts', items: [{ id: 1 }] } }, ctx)).toMatchObject({ ok: false, message: expect.stringMatching(/alerts\.soc: items\[0\]/) });
  });
  it('merges a series and fills wildcard levels', () => {
    const series = point({ kind: 'series', key: 'series.{1}', unit: 'mm', maxPoints: 2 });
    let held: ReturnType<typeof mapPoint> | undefined;
    for (const at of [1, 2, 3]) {
      const prev = held?.ok ? held.entry : undefined;
      held = mapPoint(series, at * 10, { at, levels: ['hue'], current: () => prev });
    }
    expect(held).toMatchObject({ ok: true, entry: { key: 'series.hue', value: { points: [[2, 20], [3, 30]] } } });
    expect(mapPoint(series, 1, ctx)).toMatchObject({ ok: false, message: 'the key uses {1} but the topic has no such wildcard level' });
  });
});

describe('topics and secrets', () => {
  it('matches MQTT filters', () => {
    expect(matchTopic('a/+/c', 'a/b/c')).toEqual(['b']);
    expect(matchTopic('a/#', 'a/b/c')).toEqual(['b.c']);
    expect(matchTopic('a/+', 'a/b/c')).toBeNull();
    expect(matchTopic('+/x', '$SYS/x')).toBeNull();
  });
  it('reads secrets from the environment or a file', () => {
    const file = path.join(folder({}), 'token');
    fs.writeFileSync(file, 's3cret\n');
    expect(readSecret({ file, prefix: 'Bearer ' })).toEqual({ ok: true, value: 'Bearer s3cret' });
    expect(readSecret({ env: 'TC_TOKEN' }, { TC_TOKEN: 'x' })).toEqual({ ok: true, value: 'x' });
    expect(readSecret({ env: 'TC_TOKEN' }, {})).toEqual({ ok: false, message: 'the environment variable TC_TOKEN is not set' });
    expect(readSecret({ file: '/nonexistent/t' })).toMatchObject({ ok: false, message: expect.stringMatching(/ENOENT/) });
  });
});
