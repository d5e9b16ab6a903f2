import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MqttSourceSchema } from '../../../hub/sources/config.js';
import { until } from '../../support/hub-fixture.js';
import { hasMosquitto, startMosquitto, type Broker } from '../../support/services.js';
import { testSources } from '../../support/source-sink.js';

// The MQTT source against Debian's mosquitto: wildcards to keys, plain and JSON payloads, bad payloads
// refused without stopping the others, and a broker that goes away and comes back.

const station = { id: 'kim-long', name: 'Kim Long', river: 'Hương', lat: 16.45, lon: 107.55, alarmM: [1, 2, 3.5] };

describe.skipIf(!hasMosquitto)('MQTT source (mosquitto)', () => {
  let broker: Broker;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    await broker?.stop();
  });

  const publisher = async () => {
    const client = await mqtt.connectAsync(broker.url, { clientId: `pub-${Math.random().toString(36).slice(2)}` });
    return {
      send: (topic: string, payload: string | Buffer) => client.publishAsync(topic, payload, { qos: 1 }),
      close: () => client.endAsync(),
    };
  };

  const config = () =>
    MqttSourceSchema.parse({
      id: 'cam-bien',
      type: 'mqtt',
      url: broker.url,
      clientId: `tc-test-${Math.random().toString(36).slice(2)}`,
      topics: [
        { topic: 'mua/+/mm', payload: 'number', points: [{ to: { kind: 'kpi', key: 'kpi.rain.{1}', unit: 'mm', min: 0, max: 2000 } }] },
        { topic: 'tram/kim-long', points: [{ path: '/level_cm', to: { kind: 'gauge', key: 'gauges.mqtt', station, scale: 0.01, min: -5, max: 30 } }] },
      ],
    });

  it('maps wildcard topics and JSON fields to data points, with QoS 1', async () => {
    const t = testSources({ configs: [config()], mqtt: { firstRetryMs: 100 } });
    const pub = await publisher();
    try {
      await until('connected', () => t.health('cam-bien')?.state === 'ok');
      await new Promise((r) => setTimeout(r, 100)); // the subscription is in place
      await pub.send('mua/a-luoi/mm', ' 42.5 ');
      await pub.send('tram/kim-long', JSON.stringify({ level_cm: 362, station: 'kim-long' }));
      await until('both points', () => t.sink.data.has('kpi.rain.a-luoi') && t.sink.data.has('gauges.mqtt'));
      expect(t.sink.data.get('kpi.rain.a-luoi')?.value).toMatchObject({ type: 'kpi', value: 42.5, unit: 'mm' });
      const gauges = t.sink.data.get('gauges.mqtt')?.value;
      expect(gauges?.type === 'gauges' && gauges.items[0]).toMatchObject({ id: 'kim-long', levelM: 3.62, alarmM: [1, 2, 3.5] });
      expect(t.health('cam-bien')).toMatchObject({ state: 'ok', errorCount: 0, keys: ['gauges.mqtt', 'kpi.rain.a-luoi'] });
    } finally {
      await pub.close();
      await t.sources.close();
    }
  });

  it('refuses bad payloads with a clear error and keeps the good ones', async () => {
    const t = testSources({ configs: [config()], mqtt: { firstRetryMs: 100 } });
    const pub = await publisher();
    try {
      await until('connected', () => t.health('cam-bien')?.state === 'ok');
      await new Promise((r) => setTimeout(r, 100));
      const bad: Array<[string, string | Buffer, RegExp]> = [
        ['mua/hue/mm', 'NaN', /"NaN" is not a number/],
        ['mua/hue/mm', '1e400', /not a number/],
        ['mua/hue/mm', '99999', /above the plausible maximum 2000/],
        ['mua/hue/mm', 'mười', /not a number/],
        ['mua/Hue Ward/mm', '3', /data key "kpi.rain.hue ward"/],
        ['tram/kim-long', '{"level_cm": "cao"', /not JSON/],
        ['tram/kim-long', '{"level_cm": [1]}', /expected a number, got an array/],
        ['tram/kim-long', '{"muc": 1}', /no field "\/level_cm"/],
        ['tram/kim-long', Buffer.alloc(70_000, 32), /larger than maxBytes/],
      ];
      for (const [topic, payload, error] of bad) {
        const before = t.health('cam-bien')?.errorCount ?? 0;
        await pub.send(topic, payload);
        await until(`refused ${String(error)}`, () => (t.health('cam-bien')?.errorCount ?? 0) > before);
        expect(t.health('cam-bien')?.lastError).toMatch(error);
      }
      await pub.send('mua/hue/mm', '12');
      await until('good value after the bad ones', () => t.sink.data.has('kpi.rain.hue'));
      expect(t.health('cam-bien')).toMatchObject({ state: 'ok', errorCount: bad.length });
      expect(t.sink.published.filter((e) => e.key.startsWith('kpi.rain') || e.key.startsWith('gauges'))).toHaveLength(1);
    } finally {
      await pub.close();
      await t.sources.close();
    }
  });

  it('marks its points stale when the broker goes away and is live again when it is back', async () => {
    const t = testSources({ configs: [config()], mqtt: { firstRetryMs: 100 } });
    try {
      await until('connected', () => t.health('cam-bien')?.state === 'ok');
      await new Promise((r) => setTimeout(r, 100));
      let pub = await publisher();
      await pub.send('mua/hue/mm', '5');
      await pub.close();
      await until('value', () => t.sink.data.has('kpi.rain.hue'));
      await broker.stop();
      await until('failing', () => t.health('cam-bien')?.state === 'failing');
      expect(t.health('cam-bien')?.lastError).toMatch(/broker|connection/);
      expect(t.sink.data.get('kpi.rain.hue')?.stale).toBe(true);
      await broker.start();
      await until('reconnected', () => t.health('cam-bien')?.state === 'ok', 15_000);
      await new Promise((r) => setTimeout(r, 200));
      pub = await publisher();
      await pub.send('mua/hue/mm', '6');
      await pub.close();
      await until('live value', () => t.sink.data.get('kpi.rain.hue')?.stale === undefined);
      expect(t.sink.data.get('kpi.rain.hue')?.value).toMatchObject({ value: 6 });
    } finally {
      await t.sources.close();
    }
  });

  it('names a missing credential on its health without connecting', async () => {
    const t = testSources({ configs: [{ ...config(), password: { env: 'TC_NO_SUCH_SECRET' } }], env: {} });
    try {
      expect(t.health('cam-bien')).toMatchObject({ state: 'failing', lastError: 'password: the environment variable TC_NO_SUCH_SECRET is not set' });
    } finally {
      await t.sources.close();
    }
  });
});
