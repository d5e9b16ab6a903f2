import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import type { DataEntry } from '../../common/protocol/data.js';
import type { Logger } from '../../node-common/log.js';
import type { SourceConfig } from '../sources/config.js';
import { readSourceFiles } from '../sources/load.js';

// The demo's feeds go in the way a centre's do: the simulator is the producer, the hub's own sources
// (config/sources/demo) read it. River gauges and rain are published to an MQTT broker embedded here
// (aedes on loopback, so `npm start` needs nothing installed), the one-stop shop's figures are served
// on a loopback HTTP endpoint the HTTP source polls. Both ask for a password made for this run.
// Entries of other keys are handed back to be published directly.

const GAUGES_KEY = 'gauges.rivers';
const RAIN_KEY = 'kpi.flood.rainfall-24h';
/** kpi key → where it sits in the one-stop shop's answer (config/sources/demo/mot-cua-mo-phong.json). */
const ONE_STOP_SHOP: Record<string, [string, string]> = {
  'kpi.services.dossiers-received': ['hoSo', 'tiepNhanHomNay'],
  'kpi.services.online-rate': ['hoSo', 'tyLeTrucTuyen'],
  'kpi.services.on-time-rate': ['hoSo', 'tyLeDungHan'],
  'kpi.services.documents': ['vanBan', 'homNay'],
};
const ENDPOINT = '/mot-cua/thong-ke';

export interface DemoFeeds {
  /** The demo's sources, pointed at this run's broker and endpoint. */
  sources: SourceConfig[];
  /** What the sources read their secrets from: `env` with this run's demo credentials added. */
  env: NodeJS.ProcessEnv;
  /** Send what goes through MQTT or HTTP there; returns the rest, to publish directly. */
  route(entries: readonly DataEntry[]): DataEntry[];
  close(): Promise<void>;
}

export async function startDemoFeeds(dir: string, log: Logger, env: NodeJS.ProcessEnv = process.env): Promise<DemoFeeds> {
  const read = readSourceFiles(dir);
  if (read.problems.length) throw new Error(`the demo's sources in ${dir}: ${read.problems.map((p) => p.message).join('; ')}`);
  const secrets = { user: 'toan-canh-demo', password: randomBytes(18).toString('base64url'), token: randomBytes(18).toString('base64url') };

  // Loaded only for the demo: a hub without it starts without the broker's modules.
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker();
  broker.authenticate = (_client, username, password, done) => done(null, username === secrets.user && password?.toString() === secrets.password);
  const mqttServer = net.createServer(broker.handle);
  const shop: Record<string, Record<string, number>> = {};
  const httpServer = http.createServer((req, res) => {
    const allowed = req.headers.authorization === `Bearer ${secrets.token}`;
    if (!allowed || req.url !== ENDPOINT) return void res.writeHead(allowed ? 404 : 401).end();
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(shop));
  });
  const mqttPort = await listen(mqttServer);
  const httpPort = await listen(httpServer);
  const producer = mqtt.connect(`mqtt://127.0.0.1:${mqttPort}`, { clientId: 'toan-canh-demo-simulator', username: secrets.user, password: secrets.password, reconnectPeriod: 1000 });
  producer.on('error', (err) => log.warn('demo MQTT producer', { error: err.message }));

  const sources = read.sources.map(({ config }): SourceConfig => {
    if (config.type === 'mqtt') return { ...config, url: config.url.replace(/:0$/, `:${mqttPort}`) };
    if (config.type === 'http') return { ...config, url: config.url.replace('127.0.0.1:0/', `127.0.0.1:${httpPort}/`) };
    return config;
  });
  log.info('demo feeds through MQTT and HTTP', { broker: `mqtt://127.0.0.1:${mqttPort}`, endpoint: `http://127.0.0.1:${httpPort}${ENDPOINT}`, sources: sources.map((s) => s.id) });

  const publish = (topic: string, payload: string) => producer.publish(topic, payload, { qos: 1, retain: true }, () => undefined);
  return {
    sources,
    env: { ...env, TOAN_CANH_DEMO_MQTT_USER: secrets.user, TOAN_CANH_DEMO_MQTT_PASSWORD: secrets.password, TOAN_CANH_DEMO_HTTP_TOKEN: secrets.token },
    route(entries) {
      const rest: DataEntry[] = [];
      for (const e of entries) {
        const shopField = ONE_STOP_SHOP[e.key];
        if (e.key === GAUGES_KEY && e.value.type === 'gauges') {
          // As a gauge reports: one reading per station on its own topic.
          for (const g of e.value.items) publish(`demo/tram/${g.id}`, JSON.stringify({ mucNuoc: g.levelM, ...(g.rainfallMm === undefined ? {} : { mua: g.rainfallMm }) }));
        } else if (e.key === RAIN_KEY && e.value.type === 'kpi') {
          publish('demo/mua/24h', String(e.value.value));
        } else if (shopField && e.value.type === 'kpi') {
          (shop[shopField[0]] ??= {})[shopField[1]] = e.value.value;
        } else rest.push(e);
      }
      return rest;
    },
    async close() {
      await producer.endAsync(true);
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise((resolve) => mqttServer.close(resolve));
    },
  };
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
