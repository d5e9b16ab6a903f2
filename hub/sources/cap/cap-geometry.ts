// CAP area shapes as map rings. CAP writes "lat,lon" pairs (WGS 84) separated by spaces, polygons
// closed (first pair = last), circles "lat,lon radius" in km; the map wants [lon, lat].

export type Ring = Array<[number, number]>;

const MAX_POINTS = 1000;
const CIRCLE_STEPS = 32;

function pair(text: string): [number, number] | null {
  const m = /^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lon, lat] : null;
}

export function parsePolygon(text: string): Ring | string {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 4) return 'a polygon needs at least 4 "lat,lon" pairs (the first repeated last)';
  if (parts.length > MAX_POINTS) return `a polygon of more than ${MAX_POINTS} points is refused`;
  const ring: Ring = [];
  for (const p of parts) {
    const point = pair(p);
    if (!point) return `"${p.slice(0, 40)}" is not a "lat,lon" pair in range`;
    ring.push(point);
  }
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

export function circleRing(text: string): Ring | string {
  const m = /^(\S+)\s+(\d+(?:\.\d+)?)$/.exec(text.trim());
  const centre = m ? pair(m[1] ?? '') : null;
  const radiusKm = Number(m?.[2]);
  if (!m || !centre) return 'a circle is "lat,lon radius" (radius in km)';
  if (!(radiusKm > 0 && radiusKm <= 2000)) return `radius ${m[2]} km is not between 0 and 2000`;
  const [lon, lat] = centre;
  const dLat = radiusKm / 111.32;
  const dLon = radiusKm / (111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  const ring: Ring = [];
  for (let i = 0; i <= CIRCLE_STEPS; i++) {
    const a = ((i % CIRCLE_STEPS) / CIRCLE_STEPS) * 2 * Math.PI;
    ring.push([clamp(lon + dLon * Math.cos(a), 180), clamp(lat + dLat * Math.sin(a), 90)]);
  }
  return ring;
}

const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, Math.round(v * 1e6) / 1e6));
