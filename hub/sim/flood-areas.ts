import type { DataEntry } from '../../common/protocol/data.js';
import { severity } from './flood-timeline.js';
import type { Feed, Tick } from './tick.js';

// Flooded zones along the lower rivers near the gauges: a band around each river course that widens
// and deepens with the flood's severity. Shapes come from fixed data only (no random numbers), so the
// map does not flicker from tick to tick.

type LonLat = [number, number];

export interface FloodZone {
  id: string;
  name: string;
  /** Which rescue teams work here (Huế or Quảng Nam side of the Hải Vân pass). */
  region: 'hue' | 'quang-nam';
  /** The river's course downstream, [lon, lat]. */
  course: readonly (readonly [number, number])[];
  /** Half-width of the flooded band (km) at the course's start and end, at full severity. */
  widthKm: readonly [number, number];
  /** How strongly the zone responds to the flood (1 = the timeline's severity itself). */
  factor: number;
  maxDepthM: number;
}

export const ZONES: readonly FloodZone[] = [
  {
    id: 'huong',
    name: 'Vùng ngập hạ lưu sông Hương',
    region: 'hue',
    course: [[107.5544, 16.4637], [107.572, 16.468], [107.59, 16.47], [107.605, 16.478], [107.612, 16.495], [107.62, 16.515], [107.63, 16.54], [107.64, 16.558]],
    widthKm: [0.8, 2.2],
    factor: 1,
    maxDepthM: 2.2,
  },
  {
    id: 'bo',
    name: 'Vùng ngập sông Bồ (Hương Trà – Quảng Điền)',
    region: 'hue',
    course: [[107.4926, 16.5297], [107.505, 16.54], [107.52, 16.552], [107.538, 16.562], [107.556, 16.572]],
    widthKm: [1, 3],
    factor: 0.95,
    maxDepthM: 1.8,
  },
  {
    id: 'vu-gia',
    name: 'Vùng ngập sông Vu Gia (Đại Lộc – Điện Bàn)',
    region: 'quang-nam',
    course: [[108.1163, 15.8836], [108.14, 15.887], [108.165, 15.884], [108.19, 15.879], [108.215, 15.874], [108.24, 15.866]],
    widthKm: [1.2, 3.2],
    factor: 0.9,
    maxDepthM: 2.8,
  },
  {
    id: 'thu-bon',
    name: 'Vùng ngập sông Thu Bồn (Duy Xuyên – Điện Bàn)',
    region: 'quang-nam',
    course: [[108.245, 15.842], [108.27, 15.847], [108.2957, 15.8512], [108.312, 15.862], [108.322, 15.87]],
    widthKm: [1.5, 2.2],
    factor: 1,
    maxDepthM: 2.4,
  },
  {
    id: 'hoi-an',
    name: 'Vùng ngập phố cổ Hội An',
    region: 'quang-nam',
    course: [[108.325, 15.8765], [108.3351, 15.8794], [108.352, 15.882], [108.372, 15.886]],
    widthKm: [0.6, 1.2],
    factor: 0.85,
    maxDepthM: 1.6,
  },
];

/** Below this a zone is dry enough not to draw. */
export const FLOODED_FROM = 0.05;
const STATIONS_PER_ZONE = 10;
const KM_PER_DEG_LAT = 111.32;

/** How flooded a zone is (0..1) at this point of the timeline. */
export function zoneSeverity(zone: FloodZone, hours: number): number {
  return Math.min(1, severity(hours) * zone.factor);
}

function levelFor(s: number): 1 | 2 | 3 {
  if (s >= 0.7) return 3;
  if (s >= 0.4) return 2;
  return 1;
}

export function floodAreasFeed(): Feed {
  return (tick: Tick): DataEntry[] => {
    const items = ZONES.flatMap((zone, z) => {
      const s = zoneSeverity(zone, tick.hours);
      if (s < FLOODED_FROM) return [];
      return [{ id: `ngap-${zone.id}`, name: zone.name, level: levelFor(s), depthM: Math.round(zone.maxDepthM * s * 10) / 10, rings: [zoneRing(zone, z, 0.3 + 0.7 * s)], at: tick.now }];
    });
    return [{ key: 'areas.flooded', value: { type: 'areas', items }, at: tick.now }];
  };
}

/** A closed ring around the zone's course, `scale` times its full width. */
function zoneRing(zone: FloodZone, phase: number, scale: number): LonLat[] {
  const [lon0, lat0] = zone.course[0] ?? [0, 0];
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  // Work in km so the band is as wide across as along, whatever the latitude.
  const pts = zone.course.map(([lon, lat]) => [(lon - lon0) * kmPerDegLon, (lat - lat0) * KM_PER_DEG_LAT] as const);
  const stations = resample(pts, STATIONS_PER_ZONE);
  const left: Array<readonly [number, number]> = [];
  const right: Array<readonly [number, number]> = [];
  const widths: Array<[number, number]> = [];
  stations.forEach((p, i) => {
    const prev = stations[Math.max(0, i - 1)] ?? p;
    const next = stations[Math.min(stations.length - 1, i + 1)] ?? p;
    const [dx, dy] = unit(next[0] - prev[0], next[1] - prev[1]);
    const t = i / (stations.length - 1);
    const base = scale * (zone.widthKm[0] + (zone.widthKm[1] - zone.widthKm[0]) * t);
    // A fixed wobble so the banks look like terrain rather than a ruler-drawn band.
    const wl = base * (1 + 0.22 * Math.sin(2.1 * i + phase));
    const wr = base * (1 + 0.22 * Math.sin(1.7 * i + 2.3 + phase));
    widths.push([wl, wr]);
    left.push([p[0] - dy * wl, p[1] + dx * wl]);
    right.push([p[0] + dy * wr, p[1] - dx * wr]);
  });
  const ring = [...left, ...cap(stations, widths, 'end'), ...right.reverse(), ...cap(stations, widths, 'start')];
  // Counter-clockwise, as GeoJSON wants outer rings.
  const lonLat = ring.reverse().map(([x, y]): LonLat => [round5(lon0 + x / kmPerDegLon), round5(lat0 + y / KM_PER_DEG_LAT)]);
  const first = lonLat[0];
  if (first) lonLat.push([first[0], first[1]]);
  return lonLat;
}

/** Rounded end of the band: from the left bank round the front to the right bank (or back, at the start). */
function cap(stations: ReadonlyArray<readonly [number, number]>, widths: ReadonlyArray<[number, number]>, end: 'start' | 'end'): Array<readonly [number, number]> {
  const i = end === 'end' ? stations.length - 1 : 0;
  const c = stations[i];
  const other = stations[end === 'end' ? i - 1 : i + 1];
  const [wl, wr] = widths[i] ?? [0, 0];
  if (!c || !other) return [];
  const [dx, dy] = end === 'end' ? unit(c[0] - other[0], c[1] - other[1]) : unit(other[0] - c[0], other[1] - c[1]);
  const out: Array<readonly [number, number]> = [];
  for (let k = 1; k <= 5; k++) {
    // End: 90° (left) down to -90° (right); start: -90° (right) round the back to -270° (left).
    const phi = ((end === 'end' ? 90 - 30 * k : -90 - 30 * k) * Math.PI) / 180;
    const f = end === 'end' ? k / 6 : 1 - k / 6;
    const r = wl + (wr - wl) * f;
    out.push([c[0] + r * (Math.cos(phi) * dx - Math.sin(phi) * dy), c[1] + r * (Math.cos(phi) * dy + Math.sin(phi) * dx)]);
  }
  return out;
}

/** `count` points evenly spaced along a polyline. */
function resample(pts: ReadonlyArray<readonly [number, number]>, count: number): Array<readonly [number, number]> {
  const lengths = [0];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] ?? [0, 0];
    const b = pts[i] ?? a;
    lengths.push((lengths[i - 1] ?? 0) + Math.hypot(b[0] - a[0], b[1] - a[1]));
  }
  const total = lengths[lengths.length - 1] ?? 0;
  const out: Array<readonly [number, number]> = [];
  let seg = 1;
  for (let k = 0; k < count; k++) {
    const at = (total * k) / (count - 1);
    while (seg < pts.length - 1 && (lengths[seg] ?? 0) < at) seg++;
    const a = pts[seg - 1] ?? [0, 0];
    const b = pts[seg] ?? a;
    const l0 = lengths[seg - 1] ?? 0;
    const span = (lengths[seg] ?? l0) - l0;
    const t = span > 0 ? Math.min(1, (at - l0) / span) : 0;
    out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
  }
  return out;
}

function unit(x: number, y: number): [number, number] {
  const n = Math.hypot(x, y) || 1;
  return [x / n, y / n];
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
