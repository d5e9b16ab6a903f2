// The simulated flood, as functions of the hours since the timeline started: rain builds for half a
// day, rivers rise through alarm levels I, II and III about 18 hours in, peak, and recede by hour 44.
// Stations and alarm levels are plausible for the central provinces, not official figures.

export interface GaugeStation {
  id: string;
  name: string;
  river: string;
  lat: number;
  lon: number;
  /** Normal water level (m). */
  baseM: number;
  /** Alarm levels I, II, III (báo động I/II/III), in m. */
  alarmM: [number, number, number];
  /** How strongly this river responds (1 = reaches level III at the flood's crest), and its delay in hours. */
  factor: number;
  lagH: number;
}

export const STATIONS: readonly GaugeStation[] = [
  { id: 'kim-long', name: 'Kim Long', river: 'Hương', lat: 16.4637, lon: 107.5544, baseM: 0.4, alarmM: [1.0, 2.0, 3.5], factor: 1.08, lagH: 0 },
  { id: 'phu-oc', name: 'Phú Ốc', river: 'Bồ', lat: 16.5297, lon: 107.4926, baseM: 0.8, alarmM: [1.5, 3.0, 4.5], factor: 1.02, lagH: 0.5 },
  { id: 'ai-nghia', name: 'Ái Nghĩa', river: 'Vu Gia', lat: 15.8836, lon: 108.1163, baseM: 4.2, alarmM: [6.5, 8.0, 9.0], factor: 0.88, lagH: 1.5 },
  { id: 'cau-lau', name: 'Câu Lâu', river: 'Thu Bồn', lat: 15.8512, lon: 108.2957, baseM: 0.6, alarmM: [2.0, 3.0, 4.0], factor: 1.04, lagH: 2 },
  { id: 'hoi-an', name: 'Hội An', river: 'Thu Bồn', lat: 15.8794, lon: 108.3351, baseM: 0.3, alarmM: [1.0, 1.5, 2.0], factor: 0.85, lagH: 2.5 },
];

export const TIMELINE_HOURS = 48;

type Point = readonly [hours: number, value: number];

// Rise of a river as a fraction of the way from its normal level to alarm level III.
const RISE: readonly Point[] = [
  [0, 0.05], [6, 0.1], [10, 0.35], [14, 0.6], [18, 0.97], [21, 1.12], [24, 1.1], [30, 0.75], [36, 0.4], [44, 0.12], [48, 0.08],
];
// Rainfall intensity at the coast (mm per hour).
const RAIN: readonly Point[] = [
  [0, 1], [4, 3], [8, 35], [12, 70], [14, 90], [18, 60], [22, 25], [26, 6], [30, 1], [48, 0.5],
];

function interpolate(points: readonly Point[], h: number): number {
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  if (h <= first[0]) return first[1];
  if (h >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [h1, v1] = points[i] as Point;
    const [h0, v0] = points[i - 1] as Point;
    if (h <= h1) return v0 + ((v1 - v0) * (h - h0)) / (h1 - h0);
  }
  return last[1];
}

export const rainfallMmPerHour = (hours: number): number => interpolate(RAIN, hours);

/** Water level (m) of a station at this point of the flood, before noise. */
export function levelM(station: GaugeStation, hours: number): number {
  const rise = interpolate(RISE, hours - station.lagH) * station.factor;
  return station.baseM + rise * (station.alarmM[2] - station.baseM);
}

/** 0 normal, 1–3 alarm level reached. */
export function alarmLevel(level: number, alarmM: readonly [number, number, number]): 0 | 1 | 2 | 3 {
  if (level >= alarmM[2]) return 3;
  if (level >= alarmM[1]) return 2;
  if (level >= alarmM[0]) return 1;
  return 0;
}

/** How bad the flood is for people (0..1): drives evacuations, closed schools, citizen reports. */
export function severity(hours: number): number {
  return Math.max(0, Math.min(1, (interpolate(RISE, hours) - 0.3) / 0.8));
}
