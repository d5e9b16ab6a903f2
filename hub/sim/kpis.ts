import type { DataEntry } from '../../common/protocol/data.js';
import type { Localized } from '../../common/protocol/primitives.js';
import { severity } from './flood-timeline.js';
import type { Feed, Tick } from './tick.js';

// Indicator tiles for the province's fields. Slow random walks around plausible values; the ones a
// flood moves (evacuations, closed schools, hotel occupancy, late dossiers) follow its severity.

interface Indicator {
  key: string;
  label: Localized;
  unit: string;
  periodS: number;
  target?: number;
  digits: number;
  /** Value for this tick from the previous one. */
  next: (previous: number | undefined, tick: Tick, flood: number) => number;
}

const walk = (start: number, step: number, min: number, max: number) => (prev: number | undefined, t: Tick) =>
  Math.min(max, Math.max(min, (prev ?? start) + step * t.rnd.gaussian()));
const grow = (start: number, perHour: number) => (prev: number | undefined, t: Tick) => (prev ?? start) + Math.max(0, perHour * (1 + 0.3 * t.rnd.gaussian())) / 60;
const follow = (calm: number, flooded: number, noise: number) => (_p: number | undefined, t: Tick, flood: number) =>
  Math.max(0, calm + (flooded - calm) * flood + noise * t.rnd.gaussian());

const label = (vi: string, en: string): Localized => ({ vi, en });

const INDICATORS: readonly Indicator[] = [
  { key: 'kpi.econ.grdp-growth', label: label('Tăng trưởng GRDP', 'GRDP growth'), unit: '%', periodS: 86_400, target: 8, digits: 2, next: walk(7.6, 0.005, 6, 9) },
  { key: 'kpi.econ.budget-revenue', label: label('Thu ngân sách lũy kế', 'Budget revenue, year to date'), unit: 'tỷ đồng', periodS: 3600, target: 14_500, digits: 0, next: grow(11_820, 2.4) },
  { key: 'kpi.econ.exports', label: label('Kim ngạch xuất khẩu', 'Exports, year to date'), unit: 'triệu USD', periodS: 86_400, digits: 1, next: grow(1_935, 0.3) },
  { key: 'kpi.econ.fdi', label: label('Vốn FDI đăng ký', 'FDI registered'), unit: 'triệu USD', periodS: 86_400, digits: 1, next: walk(412, 0.2, 380, 450) },
  { key: 'kpi.services.dossiers-received', label: label('Hồ sơ tiếp nhận hôm nay', 'Dossiers received today'), unit: 'hồ sơ', periodS: 600, digits: 0, next: grow(640, 42) },
  { key: 'kpi.services.online-rate', label: label('Tỉ lệ hồ sơ trực tuyến', 'Dossiers filed online'), unit: '%', periodS: 3600, target: 80, digits: 1, next: walk(78.4, 0.05, 70, 90) },
  { key: 'kpi.services.on-time-rate', label: label('Giải quyết đúng hạn', 'Settled on time'), unit: '%', periodS: 3600, target: 98, digits: 1, next: (_p, t, f) => Math.min(100, 98.6 - 4 * f + 0.1 * t.rnd.gaussian()) },
  { key: 'kpi.services.documents', label: label('Văn bản điện tử hôm nay', 'Electronic documents today'), unit: 'văn bản', periodS: 600, digits: 0, next: grow(2_310, 95) },
  { key: 'kpi.health.inpatients', label: label('Bệnh nhân nội trú', 'Inpatients'), unit: 'người', periodS: 3600, digits: 0, next: follow(3_150, 3_600, 12) },
  { key: 'kpi.health.bed-occupancy', label: label('Công suất giường bệnh', 'Hospital bed occupancy'), unit: '%', periodS: 3600, target: 90, digits: 1, next: follow(84, 97, 0.4) },
  { key: 'kpi.education.schools-closed', label: label('Trường học cho học sinh nghỉ', 'Schools closed'), unit: 'trường', periodS: 1800, digits: 0, next: follow(0, 412, 3) },
  { key: 'kpi.education.students-home', label: label('Học sinh nghỉ học', 'Students kept home'), unit: 'học sinh', periodS: 1800, digits: 0, next: follow(0, 168_000, 900) },
  { key: 'kpi.tourism.visitors-today', label: label('Khách du lịch hôm nay', 'Visitors today'), unit: 'lượt', periodS: 3600, digits: 0, next: follow(21_400, 3_200, 150) },
  { key: 'kpi.tourism.hotel-occupancy', label: label('Công suất buồng phòng', 'Hotel occupancy'), unit: '%', periodS: 3600, digits: 1, next: follow(71, 38, 0.6) },
  { key: 'kpi.flood.evacuated-households', label: label('Hộ dân đã sơ tán', 'Households evacuated'), unit: 'hộ', periodS: 600, digits: 0, next: follow(0, 12_850, 40) },
  { key: 'kpi.flood.shelters-open', label: label('Điểm sơ tán đang mở', 'Evacuation points open'), unit: 'điểm', periodS: 600, digits: 0, next: follow(0, 186, 1) },
  { key: 'kpi.flood.rescue-teams', label: label('Đội cứu hộ đang làm nhiệm vụ', 'Rescue teams deployed'), unit: 'đội', periodS: 600, digits: 0, next: follow(2, 64, 1) },
  { key: 'kpi.flood.flooded-communes', label: label('Xã, phường bị ngập', 'Communes flooded'), unit: 'xã', periodS: 1800, digits: 0, next: follow(0, 47, 0.5) },
];

export function kpisFeed(): Feed {
  const values = new Map<string, number>();
  return (tick) => {
    const flood = severity(tick.hours);
    return INDICATORS.map((k): DataEntry => {
      const raw = k.next(values.get(k.key), tick, flood);
      values.set(k.key, raw);
      const value = Math.round(raw * 10 ** k.digits) / 10 ** k.digits;
      return {
        key: k.key,
        value: { type: 'kpi', value, unit: k.unit, label: k.label, periodS: k.periodS, ...(k.target === undefined ? {} : { target: k.target }) },
        at: tick.now,
      };
    });
  };
}
