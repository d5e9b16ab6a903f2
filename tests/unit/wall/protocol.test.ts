import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataBatchSchema, DataValueSchema } from '../../../common/protocol/data.js';
import { ackSchema } from '../../../common/protocol/errors.js';
import { nodeEvents } from '../../../common/protocol/events.js';
import { HandshakeAuthSchema, HEARTBEAT, negotiateVersion, PROTOCOL_VERSIONS } from '../../../common/protocol/handshake.js';
import { ActivationSchema, ScenarioSchema } from '../../../common/protocol/scenario.js';
import { check, jsonBytes, MAX_EVENT_BYTES, parseHubEvent, parseNodeEvent } from '../../../common/protocol/validate.js';
import { validateLayout, loadWallFile } from '../../../electron/startup/config-loader.js';

const flood = JSON.parse(fs.readFileSync('config/scenarios/flood-response.json', 'utf8')) as Record<string, unknown>;
const auth = { token: 'x'.repeat(24), protocol: { min: 1, max: 1 }, nodeId: 'pc-1', wallId: 'demo-2x2', screens: ['A1', 'A2'] };
const kpi = { type: 'kpi', value: 12_850, unit: 'hộ' };

describe('handshake and versions', () => {
  it('accepts a complete auth and fills current with null', () => {
    expect(HandshakeAuthSchema.parse(auth).current).toBeNull();
  });

  it('refuses a short token, an empty screen list, a reversed range and unknown fields', () => {
    expect(HandshakeAuthSchema.safeParse({ ...auth, token: 'short' }).success).toBe(false);
    expect(HandshakeAuthSchema.safeParse({ ...auth, screens: [] }).success).toBe(false);
    expect(HandshakeAuthSchema.safeParse({ ...auth, protocol: { min: 3, max: 2 } }).success).toBe(false);
    expect(HandshakeAuthSchema.safeParse({ ...auth, role: 'admin' }).success).toBe(false);
  });

  it('picks the highest version both ends speak, or none', () => {
    expect(negotiateVersion({ min: 1, max: 5 }, { min: 1, max: 3 })).toBe(3);
    expect(negotiateVersion({ min: 2, max: 2 }, { min: 1, max: 3 })).toBe(2);
    expect(negotiateVersion({ min: 4, max: 9 }, { min: 1, max: 3 })).toBeNull();
    expect(negotiateVersion({ min: 1, max: 1 })).toBe(PROTOCOL_VERSIONS.max);
  });

  it('notices a dead link within 10 s', () => {
    expect(HEARTBEAT.pingInterval + HEARTBEAT.pingTimeout).toBeLessThanOrEqual(10_000);
  });
});

describe('data values', () => {
  it('accepts each kind and refuses a value of the wrong kind', () => {
    const values = [
      { ...kpi, type: 'kpi', label: { vi: 'Hộ đã sơ tán', en: 'Households evacuated' } },
      { type: 'series', unit: 'm', points: [[1, 2.5], [2, 2.7]] },
      { type: 'alerts', items: [{ id: 'a1', severity: 'critical', title: { vi: 'Báo động III', en: 'Alarm III' }, area: 'Kim Long', at: 1 }] },
      { type: 'reports', items: [{ id: 'r1', category: 'flood', commune: 'Phú Vang', status: 'routed', summary: 'Nước ngập sâu', receivedAt: 1 }] },
      { type: 'gauges', items: [{ id: 'kim-long', name: 'Kim Long', river: 'Hương', lat: 16.46, lon: 107.55, levelM: 3.6, alarmM: [1, 2, 3.5], at: 1 }] },
      { type: 'vessels', items: [{ id: 'v1', lat: 16, lon: 109, headingDeg: 90, speedKn: 6, at: 1 }] },
    ];
    for (const v of values) expect(DataValueSchema.safeParse(v).success, v.type).toBe(true);
    expect(DataValueSchema.safeParse({ type: 'kpi', points: [] }).success).toBe(false);
    expect(DataValueSchema.safeParse({ type: 'weather', value: 1 }).success).toBe(false);
    expect(DataValueSchema.safeParse({ ...kpi, value: Number.NaN }).success).toBe(false);
    expect(DataValueSchema.safeParse({ type: 'gauges', items: [{ id: 'g', name: 'n', river: 'r', lat: 91, lon: 0, levelM: 1, alarmM: [1, 2, 3], at: 1 }] }).success).toBe(false);
  });

  it('bounds every list and every key', () => {
    const points = Array.from({ length: 5001 }, (_, i) => [i, i]);
    expect(DataValueSchema.safeParse({ type: 'series', unit: 'm', points }).success).toBe(false);
    expect(DataBatchSchema.safeParse({ entries: [{ key: 'Kpi.Upper', value: kpi, at: 1 }] }).success).toBe(false);
    expect(DataBatchSchema.safeParse({ entries: [{ key: 'k'.repeat(129), value: kpi, at: 1 }] }).success).toBe(false);
    const many = Array.from({ length: 1001 }, (_, i) => ({ key: `kpi.k${i}`, value: kpi, at: 1 }));
    expect(DataBatchSchema.safeParse({ entries: many }).success).toBe(false);
  });
});

describe('scenarios', () => {
  const wall = loadWallFile('config/walls/demo-2x2.json');

  it('ships six scenarios that validate and fit the demo wall', () => {
    const files = fs.readdirSync('config/scenarios').filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(['cyber-incident.json', 'flood-response.json', 'normal-operations.json', 'public-event.json', 'storm.json', 'traffic-incident.json']);
    if (!wall.ok) throw new Error(wall.error.message);
    for (const f of files) {
      const s = ScenarioSchema.parse(JSON.parse(fs.readFileSync(`config/scenarios/${f}`, 'utf8')));
      expect(`${s.id}.json`).toBe(f);
      expect(validateLayout(s.layout, wall.value).ok, f).toBe(true);
    }
  });

  it('refuses a binding to a panel the layout does not have, and a reversed map extent', () => {
    const badBinding = { ...flood, dataBindings: [{ key: 'gauges.rivers', panelId: 'no-such-panel' }] };
    expect(ScenarioSchema.safeParse(badBinding).error?.issues[0]?.path).toEqual(['dataBindings', 0, 'panelId']);
    expect(ScenarioSchema.safeParse({ ...flood, mapExtent: { west: 108, south: 15, east: 107, north: 16 } }).success).toBe(false);
  });

  it('checks activations whole: a bad layout inside refuses the activation', () => {
    const scenario = ScenarioSchema.parse(flood);
    const activation = { wallId: 'demo-2x2', revision: 3, scenario, activatedBy: { name: 'A', role: 'leader' }, source: 'rest', activatedAt: 1, applyAt: 2 };
    expect(ActivationSchema.safeParse(activation).success).toBe(true);
    expect(ActivationSchema.safeParse({ ...activation, revision: 0 }).success).toBe(false);
    const broken = { ...scenario, layout: { ...scenario.layout, panels: [{ id: 'x', type: 'hologram', rect: { x: 0, y: 0, width: 1, height: 1 } }] } };
    expect(ActivationSchema.safeParse({ ...activation, scenario: broken }).success).toBe(false);
  });
});

describe('the gate every event passes', () => {
  it('names unknown events, bad fields and oversized payloads', () => {
    expect(parseNodeEvent('wall:explode', {})).toMatchObject({ ok: false, error: { code: 'unknown-event' } });
    expect(parseNodeEvent(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-event' } });
    expect(parseNodeEvent('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-event' } });
    const bad = parseNodeEvent('scenario:activate', { wallId: 'demo-2x2', scenarioId: 'flood', actor: { name: 'A', role: 'king' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('actor.role') } });
    const huge = { t0: 1, pad: 'x'.repeat(MAX_EVENT_BYTES) };
    expect(parseNodeEvent('clock:sync', huge)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(parseHubEvent('wall:activation', { wallId: 'demo-2x2' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(parseNodeEvent('clock:sync', { t0: 5 })).toEqual({ ok: true, value: { event: 'clock:sync', payload: { t0: 5 } } });
  });

  it('counts UTF-8 bytes (Vietnamese text is larger than its length) and refuses what JSON cannot hold', () => {
    expect(jsonBytes('Mực nước')).toBe(15); // ự and ớ take 3 bytes, ư 2
    for (const value of ['Mực nước', '😀', { a: ['Báo động III', 1.5, null] }]) expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonBytes(cyclic)).toBe(Number.POSITIVE_INFINITY);
    // A cycle never ends: the depth check (common/json-depth.ts) refuses it before the size is counted.
    expect(check(nodeEvents['clock:sync'].payload, 'x', cyclic)).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('deeper than') } });
  });

  it('describes answers as ok/value or ok:false/error', () => {
    const schema = ackSchema(nodeEvents['scenario:activate'].ack);
    expect(schema.safeParse({ ok: true, value: { revision: 2, applyAt: 10 } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'forbidden', message: 'no' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'made-up', message: 'no' } }).success).toBe(false);
  });
});
