import type { DataValue } from '../../common/protocol/data.js';
import { ZONES, zoneSeverity } from './flood-areas.js';

// Evacuation points (điểm sơ tán) on higher ground beside the flooded zones: schools and commune
// offices. Each opens when its zone's flood reaches a threshold, fills as the water rises, and
// closes once the water has gone well down again.

export type Place = Extract<DataValue, { type: 'places' }>['items'][number];

interface Shelter {
  id: string;
  name: string;
  zone: string;
  lat: number;
  lon: number;
  capacity: number;
  /** Zone severity (0..1) at which the shelter opens. */
  openAt: number;
}

const SHELTERS: readonly Shelter[] = [
  { id: 'sh-hue-1', name: 'Trường THCS Nguyễn Tri Phương', zone: 'huong', lat: 16.458, lon: 107.583, capacity: 450, openAt: 0.15 },
  { id: 'sh-hue-2', name: 'UBND phường Vỹ Dạ', zone: 'huong', lat: 16.471, lon: 107.607, capacity: 300, openAt: 0.3 },
  { id: 'sh-hue-3', name: 'Trường Tiểu học Phú Thượng', zone: 'huong', lat: 16.489, lon: 107.626, capacity: 350, openAt: 0.45 },
  { id: 'sh-hue-4', name: 'Nhà văn hóa xã Phú Mậu', zone: 'huong', lat: 16.508, lon: 107.601, capacity: 200, openAt: 0.55 },
  { id: 'sh-hue-5', name: 'UBND thị trấn Thuận An', zone: 'huong', lat: 16.552, lon: 107.628, capacity: 400, openAt: 0.25 },
  { id: 'sh-bo-1', name: 'Trường THCS Hương Vinh', zone: 'bo', lat: 16.52, lon: 107.54, capacity: 380, openAt: 0.2 },
  { id: 'sh-bo-2', name: 'UBND xã Quảng Thành', zone: 'bo', lat: 16.556, lon: 107.53, capacity: 250, openAt: 0.35 },
  { id: 'sh-bo-3', name: 'Trường Tiểu học Quảng An', zone: 'bo', lat: 16.566, lon: 107.562, capacity: 300, openAt: 0.5 },
  { id: 'sh-vg-1', name: 'Trường THPT Đại Lộc', zone: 'vu-gia', lat: 15.876, lon: 108.107, capacity: 800, openAt: 0.1 },
  { id: 'sh-vg-2', name: 'UBND xã Đại Hòa', zone: 'vu-gia', lat: 15.896, lon: 108.15, capacity: 300, openAt: 0.3 },
  { id: 'sh-vg-3', name: 'Trường THCS Điện Hồng', zone: 'vu-gia', lat: 15.894, lon: 108.195, capacity: 500, openAt: 0.4 },
  { id: 'sh-vg-4', name: 'UBND xã Điện Phong', zone: 'vu-gia', lat: 15.862, lon: 108.228, capacity: 250, openAt: 0.6 },
  { id: 'sh-tb-1', name: 'Trường THCS Duy Phước', zone: 'thu-bon', lat: 15.838, lon: 108.291, capacity: 450, openAt: 0.2 },
  { id: 'sh-tb-2', name: 'UBND xã Điện Phương', zone: 'thu-bon', lat: 15.858, lon: 108.268, capacity: 300, openAt: 0.35 },
  { id: 'sh-tb-3', name: 'Nhà văn hóa xã Duy Vinh', zone: 'thu-bon', lat: 15.857, lon: 108.318, capacity: 200, openAt: 0.5 },
  { id: 'sh-ha-1', name: 'Trường THPT Trần Quốc Tuấn', zone: 'hoi-an', lat: 15.887, lon: 108.333, capacity: 600, openAt: 0.25 },
  { id: 'sh-ha-2', name: 'UBND phường Cẩm Phô', zone: 'hoi-an', lat: 15.883, lon: 108.322, capacity: 250, openAt: 0.45 },
];

/** A shelter opened stays open until its zone is this fraction of its opening threshold. */
const CLOSE_BELOW = 0.5;

export function sheltersTracker(): (hours: number, now: number) => Place[] {
  const open = new Set<string>();
  return (hours, now) =>
    SHELTERS.map((s): Place => {
      const zone = ZONES.find((z) => z.id === s.zone);
      const flood = zone ? zoneSeverity(zone, hours) : 0;
      if (flood >= s.openAt) open.add(s.id);
      else if (flood < s.openAt * CLOSE_BELOW) open.delete(s.id);
      const active = open.has(s.id);
      // The first families arrive as it opens; it never fills past 95% (beds, aisles).
      const fill = active ? 0.15 + 0.8 * Math.max(0, Math.min(1, (flood - s.openAt) / (1 - s.openAt))) : 0;
      return { id: s.id, kind: 'shelter', name: s.name, lat: s.lat, lon: s.lon, count: Math.min(s.capacity, Math.round(s.capacity * fill)), capacity: s.capacity, active, at: now };
    });
}
