import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { DataEntry } from '../../common/protocol/data.js';
import type { MqttSourceConfig } from './config.js';
import { mapPoint } from './points.js';
import { readSecret } from './secrets.js';
import type { RunningSource, SourceHost } from './source-host.js';
import { SourceTracker } from './source-host.js';
import { matchTopic } from './topic-match.js';

// An MQTT broker's topics → data points. QoS 1 on a persistent session (a fixed client id, clean off),
// so readings the broker queued while the hub was away arrive when it is back; reconnects back off
// from 1 s to 30 s. A bad payload is refused on the source's health and the other topics go on.

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export interface MqttSourceOptions {
  env?: NodeJS.ProcessEnv;
  /** First reconnect delay (tests shorten it). */
  firstRetryMs?: number;
}

export function startMqttSource(config: MqttSourceConfig, host: SourceHost, options: MqttSourceOptions = {}): RunningSource {
  const tracker = new SourceTracker(config.id, 'mqtt', config.name, host);
  const firstRetry = options.firstRetryMs ?? FIRST_RETRY_MS;
  const credentials: Pick<IClientOptions, 'username' | 'password'> = {};
  for (const field of ['username', 'password'] as const) {
    const ref = config[field];
    if (!ref) continue;
    const secret = readSecret(ref, options.env);
    if (!secret.ok) {
      tracker.down(`${field}: ${secret.message}`);
      return { id: config.id, health: () => tracker.health(), close: async () => {} };
    }
    credentials[field] = secret.value;
  }

  const client: MqttClient = mqtt.connect(config.url, {
    ...credentials,
    clientId: config.clientId ?? `toan-canh-${config.id}`,
    clean: false,
    protocolVersion: 4,
    resubscribe: false,
    reconnectPeriod: firstRetry,
    connectTimeout: 10_000,
    keepalive: 30,
  });
  let lastMessageAt = host.now();
  let closing = false;

  client.on('connect', () => {
    client.options.reconnectPeriod = firstRetry;
    lastMessageAt = host.now();
    tracker.succeeded();
    host.log.info('mqtt source connected', { source: config.id, url: config.url });
    client.subscribe(config.topics.map((t) => t.topic), { qos: 1 }, (err, granted) => {
      if (err) return tracker.down(`subscribe refused: ${err.message}`);
      const refused = (granted ?? []).filter((g) => g.qos === 128).map((g) => g.topic);
      if (refused.length) tracker.refuse(`the broker refused the subscription to ${refused.join(', ')}`);
    });
  });
  client.on('error', (err) => tracker.down(`broker ${config.url}: ${err.message}`));
  client.on('close', () => {
    if (!tracker.failing && !closing) tracker.down(`lost the connection to the broker ${config.url}`);
    // Backoff with jitter, so many hubs do not return to a restarted broker at the same instant.
    const next = Math.min(MAX_RETRY_MS, (client.options.reconnectPeriod ?? firstRetry) * 2);
    client.options.reconnectPeriod = Math.round(next * (0.8 + Math.random() * 0.4));
  });
  client.on('message', (topic, payload) => {
    lastMessageAt = host.now();
    receive(topic, payload);
  });

  function receive(topic: string, payload: Buffer): void {
    if (payload.length > config.maxBytes) return tracker.refuse(`${topic}: a payload of ${payload.length} bytes is larger than maxBytes ${config.maxBytes}`);
    const entries: DataEntry[] = [];
    const problems: string[] = [];
    let matched = false;
    for (const t of config.topics) {
      const levels = matchTopic(t.topic, topic);
      if (!levels) continue;
      matched = true;
      const doc = parse(payload, t.payload);
      if (!doc.ok) {
        problems.push(`${topic}: ${doc.message}`);
        continue;
      }
      const at = host.now();
      for (const point of t.points) {
        const mapped = mapPoint(point, doc.value, { at, levels, current: (key) => entries.findLast((e) => e.key === key) ?? host.current(key) });
        if (mapped.ok) entries.push(mapped.entry);
        else problems.push(`${topic}: ${mapped.message}`);
      }
    }
    if (!matched) problems.push(`unknown topic "${topic.slice(0, 200)}": no topic of this source matches it`);
    if (entries.length) tracker.accept(entries);
    if (problems.length) tracker.refuse(problems.join('; '));
  }

  const silence = config.silentAfterS
    ? setInterval(() => {
        if (client.connected && !tracker.failing && host.now() - lastMessageAt > config.silentAfterS * 1000) tracker.down(`no message for ${config.silentAfterS} s`);
      }, Math.min(config.silentAfterS * 250, 5000))
    : null;
  silence?.unref();

  return {
    id: config.id,
    health: () => tracker.health(),
    close: async () => {
      closing = true;
      if (silence) clearInterval(silence);
      await client.endAsync(true);
    },
  };
}

function parse(payload: Buffer, kind: 'number' | 'json'): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = payload.toString('utf8');
  if (kind === 'number') return { ok: true, value: text.trim() };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `the payload is not JSON (${JSON.stringify(text.slice(0, 40))})` };
  }
}
