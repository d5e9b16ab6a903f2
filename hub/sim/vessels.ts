import type { DataEntry } from '../../common/protocol/data.js';
import type { Random } from '../../common/prng.js';
import { rainfallMmPerHour } from './flood-timeline.js';
import type { Feed } from './tick.js';

// Fishing vessels off the coast (giám sát tàu cá). In heavy weather they are called back to port.

const PORTS = [
  { lat: 16.565, lon: 107.64 }, // Thuận An
  { lat: 16.08, lon: 108.23 }, // Đà Nẵng
  { lat: 15.6, lon: 108.62 }, // Tam Quang
];
const FLEET = 40;

interface Vessel {
  id: string;
  name: string;
  lat: number;
  lon: number;
  headingDeg: number;
  speedKn: number;
  port: { lat: number; lon: number };
}

function launch(rnd: Random, i: number): Vessel {
  return {
    id: `qn-${90_100 + i}`,
    name: `QNa-${90_100 + i}-TS`,
    lat: rnd.range(15.2, 17.2),
    lon: rnd.range(108.6, 110.4),
    headingDeg: rnd.range(0, 360),
    speedKn: rnd.range(2, 9),
    port: rnd.pick(PORTS),
  };
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
      return { ...v, lat, lon, headingDeg: Math.round(heading * 10) / 10, speedKn: home ? 0 : Math.round(speed * 10) / 10 };
    });
    return [
      {
        key: 'vessels.fishing',
        value: { type: 'vessels', items: fleet.map(({ id, name, lat, lon, headingDeg, speedKn }) => ({ id, name, lat: round5(lat), lon: round5(lon), headingDeg, speedKn, at: tick.now })) },
        at: tick.now,
      },
    ] satisfies DataEntry[];
  };
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
