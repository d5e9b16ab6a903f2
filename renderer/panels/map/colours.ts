import type { PlaceKind } from './map-data.js';

// Map colours as deck.gl wants them ([r, g, b, a], 0–255), shared by the layers and the legend.
export type Rgba = [number, number, number, number];

export function hexToRgba(hex: string, alpha?: number): Rgba {
  let h = hex.slice(1);
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const n = (i: number) => Number.parseInt(h.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), alpha ?? (h.length === 8 ? n(6) : 255)];
}

export const rgbaCss = ([r, g, b, a]: Rgba): string => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;

/** Gauges: below alarm I, then alarm levels I, II and III (báo động I/II/III). */
export const GAUGE_COLOURS: readonly [Rgba, Rgba, Rgba, Rgba] = [
  [62, 207, 142, 255],
  [255, 214, 10, 255],
  [255, 140, 26, 255],
  [229, 56, 59, 255],
];

export const PLACE_COLOURS: Record<PlaceKind, Rgba> = {
  shelter: [76, 201, 240, 255],
  'rescue-team': [255, 120, 200, 255],
  camera: [200, 200, 255, 255],
  other: [180, 180, 180, 255],
};

/** Flooded areas by depth class 1–3. */
export const AREA_COLOURS: readonly [Rgba, Rgba, Rgba] = [
  [78, 168, 222, 110],
  [30, 111, 217, 150],
  [123, 44, 191, 170],
];

/** Warning areas (CAP) by level 1–3: warning, danger, critical, like the alert list's colours. */
export const ALERT_AREA_COLOURS: readonly [Rgba, Rgba, Rgba] = [
  [255, 176, 32, 70],
  [255, 123, 57, 90],
  [255, 59, 59, 110],
];

/** Cameras of the catalogue: online, offline; the ring of one the wall shows now. */
export const CAMERA_COLOURS = { online: [120, 200, 255, 255], offline: [110, 118, 128, 255], onWall: [255, 214, 10, 255] } as const satisfies Record<string, Rgba>;

/** Road congestion, as traffic maps colour it; incidents in the alert red. */
export const CONGESTION_COLOURS = { free: [62, 207, 142, 255], slow: [255, 176, 32, 255], jammed: [229, 56, 59, 255] } as const satisfies Record<string, Rgba>;
export const INCIDENT_COLOUR: Rgba = [255, 59, 59, 255];

export const VESSEL_COLOUR: Rgba = [248, 249, 250, 255];
export const TRACK_COLOUR: Rgba = [255, 209, 102, 200];
export const HEATMAP_RANGE: Rgba[] = [
  [255, 255, 178, 255],
  [254, 217, 118, 255],
  [254, 178, 76, 255],
  [253, 141, 60, 255],
  [240, 59, 32, 255],
  [189, 0, 38, 255],
];

/** 0 below alarm I, else the alarm level reached. */
export function alarmLevel(level: number, alarmM: readonly [number, number, number]): 0 | 1 | 2 | 3 {
  if (level >= alarmM[2]) return 3;
  if (level >= alarmM[1]) return 2;
  if (level >= alarmM[0]) return 1;
  return 0;
}
