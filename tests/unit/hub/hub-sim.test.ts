import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataEntrySchema, type DataEntry, type DataValue } from '../../../common/protocol/data.js';
import { ZONES } from '../../../hub/sim/flood-areas.js';
import { alarmLevel, STATIONS } from '../../../hub/sim/flood-timeline.js';
import { TEAMS } from '../../../hub/sim/rescue-teams.js';
import { createSimulator } from '../../../hub/sim/simulator.js';
import { TRACK_POINTS } from '../../../hub/sim/vessels.js';
import { fileRule, ruleDriver } from '../../support/rule-driver.js';

// The flood timeline is deterministic (a seed and a tick count fix every value) and drives the
// rule that proposes the flood scenario (config/rules/flood-alarm-3.json).

const floodRule = () => fileRule('config/rules/flood-alarm-3.json');

const clock = () => {
  let t = 1_760_000_000_000;
  return () => (t += 1000);
};

function run(seed: number, ticks: number, tickSeconds = 600) {
  const published: DataEntry[][] = [];
  const sim = createSimulator({ seed, tickSeconds }, (e) => published.push(e), clock());
  sim.step(ticks);
  return { sim, published };
}

const gauges = (entries: DataEntry[]) => {
  const g = entries.find((e) => e.key === 'gauges.rivers')?.value;
  if (g?.type !== 'gauges') throw new Error('no gauges entry');
  return g.items;
};

describe('flood simulator', () => {
  it('starts at the hour asked for, and the flood rule proposes within the next few sim hours', () => {
    const published: DataEntry[][] = [];
    const sim = createSimulator({ seed: 5, tickSeconds: 600, startHour: 16 }, (e) => published.push(e), clock());
    sim.step();
    expect(sim.hours).toBe(16);
    const rule = ruleDriver(floodRule());
    const first = gauges(published[0]!);
    expect(first.every((g) => alarmLevel(g.levelM, g.alarmM) < 3), 'below level III at hour 16').toBe(true);
    let proposedAt: number | null = null;
    for (let i = 0; i < 6 * 6 && proposedAt === null; i++) {
      const entries = sim.step();
      if (rule.feed(entries, i * 600_000)?.kind === 'fire') proposedAt = sim.hours;
    }
    expect(proposedAt, 'a proposal within six sim hours of hour 16').not.toBeNull();
    expect(proposedAt!).toBeGreaterThan(16);
  });

  it('gives the same values for the same seed, whatever the pace, and other values for another seed', () => {
    const a = run(7, 40).published;
    const b = run(7, 40).published;
    const c = run(8, 40).published;
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('publishes only values the protocol accepts, across the whole timeline', () => {
    const { published } = run(3, 48 * 6);
    const keys = new Set<string>();
    for (const tick of published) {
      for (const e of tick) {
        const parsed = DataEntrySchema.safeParse(e);
        expect(parsed.success, `${e.key}: ${parsed.error?.message ?? ''}`).toBe(true);
        keys.add(e.key);
      }
    }
    for (const k of ['gauges.rivers', 'alerts.active', 'reports.citizen', 'vessels.fishing', 'kpi.econ.budget-revenue', 'kpi.services.on-time-rate', 'kpi.health.bed-occupancy', 'kpi.education.schools-closed', 'kpi.tourism.visitors-today', 'kpi.flood.evacuated-households', 'series.rainfall.coast', 'areas.flooded', 'places.flood', 'tracks.vessels', 'traffic.demo']) {
      expect(keys.has(k), k).toBe(true);
    }
  });

  it('raises Kim Long through alarm levels I, II and III in order, then lets it recede', () => {
    const { published } = run(1, 48 * 6);
    const levels = published.map((tick) => {
      const kimLong = gauges(tick).find((g) => g.id === 'kim-long')!;
      return alarmLevel(kimLong.levelM, kimLong.alarmM);
    });
    const firstHour = (level: number) => levels.findIndex((l) => l >= level) / 6;
    expect(firstHour(1)).toBeGreaterThan(4);
    expect(firstHour(2)).toBeGreaterThan(firstHour(1));
    expect(firstHour(3)).toBeGreaterThan(firstHour(2));
    expect(firstHour(3)).toBeGreaterThan(16);
    expect(firstHour(3)).toBeLessThan(21);
    expect(levels.slice(44 * 6)).toEqual(levels.slice(44 * 6).map(() => 0));
  });

  it('reaches level III at some stations but not all (the rivers differ)', () => {
    const { published } = run(1, 48 * 6);
    const reached = new Set(published.flatMap((t) => gauges(t).filter((g) => alarmLevel(g.levelM, g.alarmM) === 3).map((g) => g.id)));
    expect(reached.size).toBeGreaterThan(0);
    expect(reached.size).toBeLessThan(STATIONS.length);
  });
});

// The flood map: flooded areas, shelters and rescue teams, cameras, vessel tracks.

const valueOf = <T extends DataValue['type']>(entries: DataEntry[], key: string, type: T): Extract<DataValue, { type: T }> => {
  const v = entries.find((e) => e.key === key)?.value;
  if (v?.type !== type) throw new Error(`no ${type} entry for ${key}`);
  return v as Extract<DataValue, { type: T }>;
};
const areas = (entries: DataEntry[]) => valueOf(entries, 'areas.flooded', 'areas').items;
const places = (entries: DataEntry[], kind: string) => valueOf(entries, 'places.flood', 'places').items.filter((p) => p.kind === kind);
/** Published entries at this sim hour (600-s ticks from hour 0). */
const at = (published: DataEntry[][], hour: number) => published[hour * 6]!;

type Pt = [number, number];
/** Area in square degrees, for comparing sizes. */
const ringArea = (ring: Pt[]) => Math.abs(ring.slice(1).reduce((sum, p, i) => sum + ring[i]![0] * p[1] - p[0] * ring[i]![1], 0)) / 2;
const side = (p: Pt, q: Pt, r: Pt) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
const crosses = (a: Pt, b: Pt, c: Pt, d: Pt) => side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0;
/** Edges of a closed ring that cross each other (other than neighbours): none for a simple polygon. */
function selfCrossings(ring: Pt[]): number {
  const edges = ring.length - 1;
  let n = 0;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 2; j < edges; j++) {
      if (i === 0 && j === edges - 1) continue;
      if (crosses(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) n++;
    }
  }
  return n;
}
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  Math.hypot((a.lon - b.lon) * 111.32 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 111.32);

describe('flood map feeds', () => {
  const { published } = run(1, 48 * 6);

  it('floods no area before the flood, every zone at level III at its peak, none once it has receded', () => {
    for (let h = 0; h < 9; h++) expect(areas(at(published, h)), `hour ${h}`).toEqual([]);
    const peak = areas(at(published, 22));
    expect(peak.map((a) => a.id).sort()).toEqual(ZONES.map((z) => `ngap-${z.id}`).sort());
    expect(peak.every((a) => a.level === 3)).toBe(true);
    expect(areas(at(published, 12)).length).toBeGreaterThan(0);
    expect(areas(at(published, 12)).every((a) => a.level === 1)).toBe(true);
    for (let h = 45; h < 48; h++) expect(areas(at(published, h)), `hour ${h}`).toEqual([]);
  });

  it('grows the areas and their depth with the flood and shrinks them as it recedes', () => {
    const huong = (h: number) => areas(at(published, h)).find((a) => a.id === 'ngap-huong')!;
    const size = (h: number) => ringArea(huong(h).rings[0] as Pt[]);
    expect(size(14)).toBeLessThan(size(30));
    expect(size(30)).toBeLessThan(size(22));
    expect(huong(14).depthM!).toBeLessThan(huong(30).depthM!);
    expect(huong(30).depthM!).toBeLessThan(huong(22).depthM!);
    expect(huong(30).level).toBe(2);
    expect(huong(22).name).toBe('Vùng ngập hạ lưu sông Hương');
  });

  it('draws each area as one closed ring that does not cross itself, a few hundred points in all', () => {
    for (const tick of published) {
      const items = areas(tick);
      expect(items.reduce((n, a) => n + a.rings.reduce((m, r) => m + r.length, 0), 0)).toBeLessThanOrEqual(400);
      for (const a of items) {
        expect(a.rings).toHaveLength(1);
        const ring = a.rings[0] as Pt[];
        expect(ring[ring.length - 1]).toEqual(ring[0]);
        expect(selfCrossings(ring), a.id).toBe(0);
      }
    }
  });

  it('opens shelters as the water rises, fills them with it, never past capacity, and closes them after', () => {
    expect(places(at(published, 0), 'shelter').every((s) => s.active === false && s.count === 0)).toBe(true);
    for (const tick of published) {
      for (const s of places(tick, 'shelter')) {
        expect(s.count!, s.id).toBeLessThanOrEqual(s.capacity!);
        if (!s.active) expect(s.count, s.id).toBe(0);
      }
    }
    // The flood rises until hour 21: no shelter loses people before then.
    for (let i = 1; i <= 21 * 6; i++) {
      const before = new Map(places(published[i - 1]!, 'shelter').map((s) => [s.id, s.count!]));
      for (const s of places(published[i]!, 'shelter')) expect(s.count!, `${s.id} at tick ${i}`).toBeGreaterThanOrEqual(before.get(s.id)!);
    }
    const peak = places(at(published, 22), 'shelter');
    expect(peak.every((s) => s.active)).toBe(true);
    const people = (list: typeof peak) => list.reduce((n, s) => n + s.count!, 0);
    expect(people(peak)).toBeGreaterThan(0.5 * peak.reduce((n, s) => n + s.capacity!, 0));
    expect(people(places(at(published, 14), 'shelter'))).toBeLessThan(people(peak));
    expect(places(at(published, 47), 'shelter').some((s) => s.active)).toBe(false);
  });

  it('deploys rescue teams roughly as the indicator says, and moves them at road or boat pace among the flooded zones', () => {
    for (const tick of published) {
      const teams = places(tick, 'rescue-team');
      expect(teams).toHaveLength(TEAMS.length);
      const kpi = valueOf(tick, 'kpi.flood.rescue-teams', 'kpi').value;
      expect(Math.abs(teams.filter((t) => t.active).length / teams.length - kpi / 64)).toBeLessThan(0.15);
    }
    expect(places(at(published, 22), 'rescue-team').every((t) => t.active)).toBe(true);
    expect(places(at(published, 2), 'rescue-team').filter((t) => t.active).length).toBeLessThanOrEqual(1);
    let moved = 0;
    for (let i = 1; i < published.length; i++) {
      const before = new Map(places(published[i - 1]!, 'rescue-team').map((t) => [t.id, t]));
      for (const t of places(published[i]!, 'rescue-team')) {
        const d = km(before.get(t.id)!, t);
        expect(d, `${t.id} at tick ${i}`).toBeLessThanOrEqual(25 / 6 + 0.05);
        if (d > 0) moved++;
      }
    }
    expect(moved).toBeGreaterThan(100);
    const spots = ZONES.flatMap((z) => z.course.map(([lon, lat]) => ({ lat, lon })));
    for (const t of places(at(published, 24), 'rescue-team')) {
      expect(Math.min(...spots.map((s) => km(s, t))), t.id).toBeLessThan(7);
    }
  });

  it('places every citizen report on land, near its commune', () => {
    const land = (JSON.parse(fs.readFileSync('assets/map/vietnam.geojson', 'utf8')) as { features: Array<{ geometry: { type: string; coordinates: unknown } }> }).features
      .filter((f) => f.geometry.type === 'MultiPolygon')
      .flatMap((f) => f.geometry.coordinates as Pt[][][]);
    // Even-odd ray casting over every ring of every polygon (holes count as outside).
    const onLand = (lon: number, lat: number) =>
      land.some((polygon) =>
        polygon.reduce((inside, ring) => {
          let crossings = 0;
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i]!;
            const [xj, yj] = ring[j]!;
            if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) crossings++;
          }
          return crossings % 2 === 1 ? !inside : inside;
        }, false),
      );
    let seen = 0;
    for (const tick of published) {
      for (const r of valueOf(tick, 'reports.citizen', 'reports').items) {
        expect(r.lat !== undefined && r.lon !== undefined && onLand(r.lon, r.lat), `${r.id} (${r.commune}) at ${r.lat}, ${r.lon}`).toBe(true);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it('places the demo cameras (all but the HEVC test clip) at fixed spots', () => {
    const listed = (JSON.parse(fs.readFileSync('assets/media/cameras/cameras.json', 'utf8')) as Array<{ id: string; name: string }>).filter((c) => c.id !== 'hevc-demo');
    const first = places(published[0]!, 'camera');
    expect(first.map((c) => [c.id, c.name])).toEqual(listed.map((c) => [c.id, c.name]));
    const spot = (c: { id: string; lat: number; lon: number }) => [c.id, c.lat, c.lon];
    expect(places(at(published, 30), 'camera').map(spot)).toEqual(first.map(spot));
    const han = first.find((c) => c.id === 'cau-song-han')!;
    expect(km(han, { lat: 16.072, lon: 108.227 })).toBeLessThan(1);
    // The dike camera watches the Hương in Huế.
    expect(km(first.find((c) => c.id === 'de-huu-ngan')!, { lat: STATIONS[0]!.lat, lon: STATIONS[0]!.lon })).toBeLessThan(5);
  });

  it('tracks every vessel with 2 to 24 recent points, oldest first, ending where the vessel is now', () => {
    let previous = new Map<string, Pt>();
    for (const tick of published) {
      const vessels = valueOf(tick, 'vessels.fishing', 'vessels').items;
      const tracks = valueOf(tick, 'tracks.vessels', 'tracks').items;
      expect(tracks.map((t) => t.id)).toEqual(vessels.map((v) => v.id));
      for (const [i, t] of tracks.entries()) {
        const v = vessels[i]!;
        expect(t.path.length).toBeGreaterThanOrEqual(2);
        expect(t.path.length).toBeLessThanOrEqual(TRACK_POINTS);
        expect(t.path[t.path.length - 1]).toEqual([v.lon, v.lat]);
        const last = previous.get(t.id);
        if (last) expect(t.path.slice(-2), t.id).toContainEqual(last);
      }
      previous = new Map(vessels.map((v) => [v.id, [v.lon, v.lat] as Pt]));
    }
    const final = valueOf(published[published.length - 1]!, 'tracks.vessels', 'tracks').items;
    expect(final.some((t) => t.path.length === TRACK_POINTS)).toBe(true);
  });

  it('gives the same map values for the same seed through the whole flood', () => {
    const keys = ['areas.flooded', 'places.flood', 'tracks.vessels'];
    const pick = (p: DataEntry[][]) => p.map((tick) => tick.filter((e) => keys.includes(e.key)));
    const again = pick(run(1, 48 * 6).published);
    expect(again).toEqual(pick(published));
    expect(again.flat()).toHaveLength(3 * 48 * 6);
    expect(pick(run(2, 48 * 6).published)).not.toEqual(again);
  });
});

describe('flood rule', () => {
  it('proposes once per flood: when a gauge first reaches level III; the wall goes back once every gauge is below level II for two hours', () => {
    const rule = ruleDriver(floodRule());
    // The rule's clock is the sim's: two hours below level II are 12 ticks of 10 minutes.
    let tick = 0;
    const sim = createSimulator({ seed: 5, tickSeconds: 600 }, (entries) => void rule.feed(entries, ++tick * 600_000), clock());
    sim.step(48 * 6);
    const fired = () => rule.decisions.filter((d) => d.kind === 'fire');
    expect(fired()).toHaveLength(1);
    const first = fired()[0]!;
    expect(first.kind === 'fire' && first.reason.vi).toMatch(/^Mực nước sông .+ vượt báo động III/);
    const reverts = rule.decisions.filter((d) => d.kind === 'revert');
    expect(reverts, 'the water receded within the 48 hours').toHaveLength(1);
    expect(reverts[0]!.at - first.at, 'not before two hours below level II').toBeGreaterThan(2 * 3600_000);
    // Two floods back to back: the timeline loops after 48 hours.
    sim.step(48 * 6);
    expect(fired()).toHaveLength(2);
  });

  it('ignores data that is not a gauge reading, and names the station in its reason', () => {
    const rule = ruleDriver(floodRule());
    const high = { id: 'g', name: 'Kim Long', river: 'Hương', lat: 16, lon: 107, levelM: 4, alarmM: [1, 2, 3.5] as [number, number, number], at: 1 };
    expect(rule.feed([{ key: 'gauges.rivers', value: { type: 'kpi', value: 99, unit: 'm' }, at: 1 }], 1)).toBeNull();
    expect(rule.feed([{ key: 'other.rivers', value: { type: 'gauges', items: [high] }, at: 1 }], 2)).toBeNull();
    const fire = rule.feed([{ key: 'gauges.rivers', value: { type: 'gauges', items: [high] }, at: 1 }], 3);
    expect(fire?.kind === 'fire' && fire.reason.en).toMatch(/Hương river at Kim Long: 4\.00 m, above alarm level III \(3\.50 m\)/);
  });
});
