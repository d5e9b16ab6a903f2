import { FLOODED_FROM, ZONES, zoneSeverity } from './flood-areas.js';
import { severity } from './flood-timeline.js';
import type { Place } from './shelters.js';
import type { Tick } from './tick.js';

// Rescue teams (đội cứu hộ). They deploy in roster order as the flood worsens, so the number out
// roughly follows the "rescue teams deployed" indicator, and go from one flooded spot of their side
// of the Hải Vân pass to another; stood down, they head back to base.

interface Team {
  id: string;
  name: string;
  region: 'hue' | 'quang-nam';
  base: { lat: number; lon: number };
  size: number;
}

const HUE = { lat: 16.476, lon: 107.58 }; // Mang Cá, Huế
const THUAN_AN = { lat: 16.56, lon: 107.632 };
const DIEN_BAN = { lat: 15.895, lon: 108.24 };
const HOI_AN = { lat: 15.884, lon: 108.328 };
const DAI_LOC = { lat: 15.872, lon: 108.11 };

export const TEAMS: readonly Team[] = [
  { id: 'rt-qk5-1', name: 'Đội cứu hộ Quân khu 5 – tổ 1', region: 'quang-nam', base: DIEN_BAN, size: 12 },
  { id: 'rt-bp-hue-1', name: 'Bộ đội Biên phòng Huế – tổ 1', region: 'hue', base: THUAN_AN, size: 8 },
  { id: 'rt-cnch-dn-1', name: 'Đội cứu nạn, cứu hộ Công an Đà Nẵng – tổ 1', region: 'quang-nam', base: DIEN_BAN, size: 10 },
  { id: 'rt-cnch-hue-1', name: 'Đội cứu nạn, cứu hộ Công an Huế – tổ 1', region: 'hue', base: HUE, size: 10 },
  { id: 'rt-qk5-2', name: 'Đội cứu hộ Quân khu 5 – tổ 2', region: 'quang-nam', base: DAI_LOC, size: 12 },
  { id: 'rt-qk5-3', name: 'Đội cứu hộ Quân khu 5 – tổ 3', region: 'hue', base: HUE, size: 12 },
  { id: 'rt-xk-dai-hoa', name: 'Đội xung kích xã Đại Hòa', region: 'quang-nam', base: DAI_LOC, size: 15 },
  { id: 'rt-xk-quang-thanh', name: 'Đội xung kích xã Quảng Thành', region: 'hue', base: { lat: 16.556, lon: 107.53 }, size: 15 },
  { id: 'rt-ctd-hoi-an', name: 'Đội thuyền cứu hộ Hội Chữ thập đỏ Hội An', region: 'quang-nam', base: HOI_AN, size: 6 },
  { id: 'rt-bp-hue-2', name: 'Bộ đội Biên phòng Huế – tổ 2', region: 'hue', base: THUAN_AN, size: 8 },
  { id: 'rt-qk5-4', name: 'Đội cứu hộ Quân khu 5 – tổ 4', region: 'quang-nam', base: HOI_AN, size: 12 },
  { id: 'rt-cnch-dn-2', name: 'Đội cứu nạn, cứu hộ Công an Đà Nẵng – tổ 2', region: 'quang-nam', base: DIEN_BAN, size: 10 },
  { id: 'rt-cnch-hue-2', name: 'Đội cứu nạn, cứu hộ Công an Huế – tổ 2', region: 'hue', base: HUE, size: 10 },
  { id: 'rt-qk5-5', name: 'Đội cứu hộ Quân khu 5 – tổ 5', region: 'hue', base: HUE, size: 12 },
  { id: 'rt-xk-dien-phuong', name: 'Đội xung kích xã Điện Phương', region: 'quang-nam', base: DIEN_BAN, size: 15 },
];

/** Teams out at this point of the flood: one on standby when calm, all at its height. */
const teamsDeployed = (hours: number): number => Math.round(1 + (TEAMS.length - 1) * severity(hours));

// By road to a distant spot, by boat once among the flooded houses.
const ROAD_KMH = 25;
const BOAT_KMH = 6;
const BOAT_WITHIN_KM = 3;
const KM_PER_DEG = 111.32;

interface Position {
  lat: number;
  lon: number;
}

export function rescueTeamsTracker(): (tick: Tick) => Place[] {
  const at = new Map<string, Position>(TEAMS.map((t) => [t.id, { ...t.base }]));
  const targets = new Map<string, Position>();
  const visits = new Map<string, number>();
  let lastHours: number | null = null;
  return (tick) => {
    const dtH = lastHours === null ? 0 : Math.max(0, tick.hours - lastHours);
    lastHours = tick.hours;
    const deployed = teamsDeployed(tick.hours);
    return TEAMS.map((team, i): Place => {
      const active = i < deployed;
      const pos = at.get(team.id) ?? { ...team.base };
      let target = active ? targets.get(team.id) : team.base;
      if (!target) {
        const visit = visits.get(team.id) ?? 0;
        visits.set(team.id, visit + 1);
        target = pickSpot(team.region, tick.hours, i, visit) ?? team.base;
        targets.set(team.id, target);
      }
      if (!active) targets.delete(team.id);
      const next = moveTowards(pos, target, dtH);
      if (active && next.lat === target.lat && next.lon === target.lon) targets.delete(team.id);
      at.set(team.id, next);
      return { id: team.id, kind: 'rescue-team', name: team.name, lat: round5(next.lat), lon: round5(next.lon), count: team.size, active, at: tick.now };
    });
  };
}

/**
 * A spot along a flooded river of this region, or null when none is flooded. Each team strides through the
 * spots from its own start by 7 (prime to every count of spots here), so teams spread out; no random
 * numbers, which would shift every other feed along the shared sequence.
 */
function pickSpot(region: Team['region'], hours: number, team: number, visit: number): Position | null {
  const spots = ZONES.filter((z) => z.region === region && zoneSeverity(z, hours) >= FLOODED_FROM).flatMap((z) => z.course);
  const spot = spots[(team * 5 + visit * 7) % Math.max(1, spots.length)];
  if (!spot) return null;
  const [lon, lat] = spot;
  return { lat: lat + 0.004 * Math.sin(1.3 * team + 2.1 * visit), lon: lon + 0.004 * Math.cos(0.7 * team + 1.7 * visit) };
}

function moveTowards(from: Position, to: Position, dtH: number): Position {
  const kmPerDegLon = KM_PER_DEG * Math.cos((from.lat * Math.PI) / 180);
  const dx = (to.lon - from.lon) * kmPerDegLon;
  const dy = (to.lat - from.lat) * KM_PER_DEG;
  const dist = Math.hypot(dx, dy);
  const step = (dist > BOAT_WITHIN_KM ? ROAD_KMH : BOAT_KMH) * dtH;
  if (step >= dist) return { ...to };
  const f = step / dist;
  return { lat: from.lat + dy * f / KM_PER_DEG, lon: from.lon + dx * f / kmPerDegLon };
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
