import fs from 'node:fs';
import { readSourceFiles } from '../../../hub/sources/load.js';
import { describe, expect, it } from 'vitest';
import { CAMERA_CATALOGUE_KEY, type DataEntry } from '../../../common/protocol/data.js';
import { validateLayout } from '../../../electron/startup/config-loader.js';
import { readScenarioFiles } from '../../../hub/scenario-seeds.js';
import { createSimulator } from '../../../hub/sim/simulator.js';
import { socAlerts } from '../../../hub/sim/soc.js';
import { SocBook } from '../../../hub/soc/soc-book.js';
import { createRandom } from '../../../common/prng.js';
import { demo } from './wall-fixtures.js';

// The scenarios a leader switches the demo wall to are real layouts: they fit the wall, every data key
// their panels show is one the hub's simulator publishes, and their cameras are ones the hub serves.

const { scenarios, problems } = readScenarioFiles('config/scenarios');
const byId = new Map(scenarios.map(({ scenario }) => [scenario.id, scenario]));
const cameraIds = new Set((JSON.parse(fs.readFileSync('assets/media/cameras/cameras.json', 'utf8')) as Array<{ id: string; codec: string }>).filter((c) => c.codec === 'h264').map((c) => c.id));

/** Every `key` a panel's props name (KPI items, map layers, lists). */
function boundKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(boundKeys);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, v]) => (name === 'key' && typeof v === 'string' ? [v] : boundKeys(v)));
}

function publishedKeys(): Set<string> {
  const keys = new Set<string>();
  const sim = createSimulator({ seed: 20251104, loop: false }, (entries: DataEntry[]) => entries.forEach((e) => keys.add(e.key)), () => Date.UTC(2026, 9, 1));
  sim.step(48 * 12); // the 48-hour flood at five-minute ticks
  // The demo's configured sources (config/sources): a CAP source publishes its two keys from the start.
  for (const { config } of readSourceFiles('config/sources').sources) if (config.type === 'cap') keys.add(config.alertsKey).add(config.areasKey);
  // The SOC's alerts, posted as Wazuh JSON (hub/sim/soc.ts).
  const soc = new SocBook();
  const rnd = createRandom(1);
  for (let i = 0; i < 20; i++) soc.ingest(socAlerts(rnd, Date.UTC(2026, 9, 1) + i * 5000, i), 0).entries.forEach((e) => keys.add(e.key));
  // The catalogue of the cameras the hub serves, published whenever it serves any (hub/server.ts).
  keys.add(CAMERA_CATALOGUE_KEY);
  return keys;
}

describe('demo scenarios', () => {
  it('are the six of the domain, all valid', () => {
    expect(problems).toEqual([]);
    expect([...byId.keys()].sort()).toEqual(['cyber-incident', 'flood-response', 'normal-operations', 'public-event', 'storm', 'traffic-incident']);
  });

  it('fit the demo wall and use no technician test patterns as stand-ins', () => {
    for (const { scenario } of scenarios) {
      const result = validateLayout(scenario.layout, demo());
      expect(result.ok, `${scenario.id}: ${result.ok ? '' : result.error.message}`).toBe(true);
      expect(scenario.layout.panels.filter((p) => p.type === 'pattern').map((p) => p.id), scenario.id).toEqual([]);
    }
  });

  it('show only data the hub publishes and cameras it serves', () => {
    const published = publishedKeys();
    for (const { scenario } of scenarios) {
      const keys = scenario.layout.panels.flatMap((p) => boundKeys(p.props));
      expect(keys.filter((k) => !published.has(k)), `${scenario.id} binds keys no feed publishes`).toEqual([]);
      const cameras = scenario.layout.panels.filter((p) => p.type === 'camera').flatMap((p) => (p.props as { cameras: Array<{ id: string }> }).cameras.map((c) => c.id));
      expect(cameras.filter((id) => !cameraIds.has(id)), scenario.id).toEqual([]);
    }
  });

  it('give the flood the map a leader needs: gauges, flooded areas, shelters and rescue teams, and the dike camera', () => {
    const flood = byId.get('flood-response')!;
    const map = flood.layout.panels.find((p) => p.type === 'map');
    expect(map && boundKeys(map.props)).toEqual(expect.arrayContaining(['gauges.rivers', 'areas.flooded', 'places.flood']));
    const cameras = flood.layout.panels.filter((p) => p.type === 'camera').flatMap((p) => (p.props as { cameras: Array<{ id: string }> }).cameras.map((c) => c.id));
    expect(cameras).toContain('de-huu-ngan');
    const storm = byId.get('storm')!;
    expect(storm.layout.panels.filter((p) => p.type === 'map').flatMap((p) => boundKeys(p.props))).toEqual(expect.arrayContaining(['vessels.fishing', 'tracks.vessels']));
  });
});
