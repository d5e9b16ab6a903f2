import type { DataEntry } from '../../common/protocol/data.js';
import type { Random } from '../../common/prng.js';
import { rainfallMmPerHour } from './flood-timeline.js';
import type { Feed } from './tick.js';

// Fishing vessels off the coast (giám sát tàu cá). In heavy weather they are called back to port.
// The same feed publishes each vessel's recent track (its last positions, oldest first).

const PORTS = [
  { lat: 16.565, lon: 107.64 }, // Thuận An
  { lat: 16.08, lon: 108.23 }, // Đà Nẵng
  { lat: 15.6, lon: 108.62 }, // Tam Quang
];
const FLEET = 40;
/** Positions kept per track: 40 vessels stay far inside the map point budget. */
export const TRACK_POINTS = 24;

interface Vessel {
  id: string;
  name: string;
  lat: number;
  lon: number;
  headingDeg: number;
  speedKn: number;
  port: { lat: number; lon: number };
  /** [lon, lat] rounded as published, oldest first; the last is the current position. */
  track: Array<[number, number]>;
}

function launch(rnd: Random, i: number): Vessel {
  const lat = rnd.range(15.2, 17.2);
  const lon = rnd.range(108.6, 110.4);
  const headingDeg = rnd.range(0, 360);
  const speedKn = rnd.range(2, 9);
  // An hour's travel behind it, worked out rather than drawn, so a track has two points from the start
  // and the random sequence (hence every other feed's values) is the same as before tracks existed.
  const back = speedKn / 60;
  const before: [number, number] = [
    round5(clamp(lon - back * Math.sin((headingDeg * Math.PI) / 180), 107.6, 111)),
    round5(clamp(lat - back * Math.cos((headingDeg * Math.PI) / 180), 14.5, 18)),
  ];
  return { id: `qn-${90_100 + i}`, name: `QNa-${90_100 + i}-TS`, lat, lon, headingDeg, speedKn, port: rnd.pick(PORTS), track: [before, [round5(lon), round5(lat)]] };
}

/** The track with this position added (if the vessel moved), at most TRACK_POINTS long. */
function extend(track: ReadonlyArray<[number, number]>, lon: number, lat: number): Array<[number, number]> {
  const last = track[track.length - 1];
  if (last && last[0] === lon && last[1] === lat) return [...track];
  return [...track, [lon, lat] as [number, number]].slice(-TRACK_POINTS);
}

export function vesselsFeed(): Feed {
  let fleet: Vessel[] | null = null;
  let lastHours: number | null = null;
  return (tick) => {
    fleet ??= Array.from({ length: FLEET }, (_, i) => launch(tick.rnd, i));
    const dtH = lastHours === null ? 0 : Math.max(0, tick.hours - lastHours);
    lastHours = tick.hours;
    const recall = rainfallMmPerHour(tick.hours) > 30;
    fleet = fleet.map((v) => {
      let heading = (v.headingDeg + 15 * tick.rnd.gaussian() + 360) % 360;
      if (recall) heading = (Math.atan2(v.port.lon - v.lon, v.port.lat - v.lat) * 180 / Math.PI + 360) % 360;
      const speed = recall ? 9 : Math.min(12, Math.max(0, v.speedKn + 0.5 * tick.rnd.gaussian()));
      const nm = speed * dtH;
      const home = recall && Math.hypot(v.port.lat - v.lat, v.port.lon - v.lon) < 0.05;
      const lat = home ? v.port.lat : clamp(v.lat + (nm / 60) * Math.cos((heading * Math.PI) / 180), 14.5, 18);
      const lon = home ? v.port.lon : clamp(v.lon + (nm / 60) * Math.sin((heading * Math.PI) / 180), 107.6, 111);
      return { ...v, lat, lon, headingDeg: Math.round(heading * 10) / 10, speedKn: home ? 0 : Math.round(speed * 10) / 10, track: extend(v.track, round5(lon), round5(lat)) };
    });
    return [
      {
        key: 'vessels.fishing',
        value: { type: 'vessels', items: fleet.map(({ id, name, lat, lon, headingDeg, speedKn }) => ({ id, name, lat: round5(lat), lon: round5(lon), headingDeg, speedKn, at: tick.now })) },
        at: tick.now,
      },
      {
        key: 'tracks.vessels',
        value: { type: 'tracks', items: fleet.map(({ id, name, track }) => ({ id, name, path: track.map(([x, y]): [number, number] => [x, y]), at: tick.now })) },
        at: tick.now,
      },
    ] satisfies DataEntry[];
  };
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
