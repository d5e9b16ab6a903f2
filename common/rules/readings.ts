import type { DataEntry, DataValue } from '../protocol/data.js';
import type { Localized } from '../protocol/primitives.js';

// What a rule reads from a data value: numbers (a KPI, a series' last point, each gauge) and alerts,
// in one flat shape so conditions need not know every data kind.

export interface Reading {
  key: string;
  /** The item's id in a list value, else the key. */
  id: string;
  name: string;
  river?: string;
  value: number;
  unit: string;
  /** A gauge's alarm levels I, II, III. */
  alarm?: readonly [number, number, number];
}

export type AlertSeverity = 'info' | 'warning' | 'danger' | 'critical';
export const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, danger: 2, critical: 3 };

export interface AlertReading {
  key: string;
  id: string;
  severity: AlertSeverity;
  title: Localized;
  area: string;
  event?: string;
  lat?: number;
  lon?: number;
}

export function readingsOf(entry: DataEntry): Reading[] {
  const v: DataValue = entry.value;
  const key = entry.key;
  switch (v.type) {
    case 'kpi':
      return [{ key, id: key, name: v.label?.vi ?? key, value: v.value, unit: v.unit }];
    case 'series': {
      const last = v.points.at(-1);
      return last ? [{ key, id: key, name: v.label?.vi ?? key, value: last[1], unit: v.unit }] : [];
    }
    case 'gauges':
      return v.items.map((g) => ({ key, id: g.id, name: g.name, river: g.river, value: g.levelM, unit: 'm', alarm: g.alarmM }));
    default:
      return [];
  }
}

export function alertsOf(entry: DataEntry): AlertReading[] {
  const v = entry.value;
  if (v.type !== 'alerts') return [];
  return v.items.map((a) => ({
    key: entry.key,
    id: a.id,
    severity: a.severity,
    title: a.title,
    area: a.area,
    ...(a.event === undefined ? {} : { event: a.event }),
    ...(a.lat === undefined || a.lon === undefined ? {} : { lat: a.lat, lon: a.lon }),
  }));
}

/** "gauges.*" → a test for keys; "*" stands for any run of characters. */
export function keyMatcher(pattern: string): (key: string) => boolean {
  if (!pattern.includes('*')) return (key) => key === pattern;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.]/g, '\\.')).join('.*')}$`);
  return (key) => re.test(key);
}
