import type { DataEntry } from '../../common/protocol/data.js';
import { severity } from './flood-timeline.js';
import type { Feed } from './tick.js';

// Citizen field reports (phản ánh hiện trường) from the mobile app: they arrive, are routed to a
// department, then answered. A flood brings many reports from low-lying communes.

// Each report is placed near its commune's centre (approximate, ±2.5 km), so the map's report density
// falls on land where people live, never out at sea.
const COMMUNES = [
  { name: 'Phú Vang', lat: 16.47, lon: 107.68 },
  { name: 'Hương Trà', lat: 16.43, lon: 107.5 },
  { name: 'Quảng Điền', lat: 16.57, lon: 107.5 },
  { name: 'Phong Điền', lat: 16.55, lon: 107.35 },
  { name: 'Thuận Hóa', lat: 16.46, lon: 107.59 },
  { name: 'Điện Bàn', lat: 15.9, lon: 108.23 },
  { name: 'Hội An', lat: 15.88, lon: 108.32 },
  { name: 'Duy Xuyên', lat: 15.79, lon: 108.2 },
  { name: 'Đại Lộc', lat: 15.88, lon: 108.07 },
  { name: 'Hòa Vang', lat: 16.04, lon: 108.09 },
] as const;
const SPREAD_DEG = 0.025;
const SUMMARIES = {
  traffic: ['Xe tải chắn ngang đường', 'Đèn tín hiệu giao thông hỏng', 'Ổ gà lớn trên đường'],
  'public-order': ['Tụ tập gây mất trật tự ban đêm', 'Lấn chiếm vỉa hè bán hàng'],
  'urban-order': ['Cây xanh ngã đổ', 'Rác thải tồn đọng', 'Nắp cống bị mất'],
  environment: ['Nước thải chảy ra sông', 'Khói bụi từ lò đốt'],
  'food-safety': ['Thực phẩm không rõ nguồn gốc bày bán'],
  flood: ['Nước ngập sâu, cần hỗ trợ di dời', 'Đường ngập, xe không qua được', 'Sạt lở đất gần khu dân cư', 'Cần thực phẩm và nước uống'],
  other: ['Mất điện kéo dài'],
} as const;
type Category = keyof typeof SUMMARIES;
const CALM: readonly Category[] = ['traffic', 'public-order', 'urban-order', 'environment', 'food-safety', 'other'];
const KEEP = 200;

interface Report {
  id: string;
  category: Category;
  commune: string;
  status: 'received' | 'routed' | 'answered';
  summary: string;
  receivedAt: number;
  lat: number;
  lon: number;
}

export function reportsFeed(): Feed {
  let reports: Report[] = [];
  let seq = 0;
  return (tick) => {
    const flood = severity(tick.hours);
    const arrivals = tick.rnd.chance(0.25 + 2.5 * flood) ? tick.rnd.int(1, 1 + Math.round(4 * flood)) : 0;
    for (let i = 0; i < arrivals; i++) {
      const category = tick.rnd.chance(flood * 0.8) ? 'flood' : tick.rnd.pick(CALM);
      const commune = tick.rnd.pick(COMMUNES);
      reports.unshift({
        id: `pa-${++seq}`,
        category,
        commune: commune.name,
        status: 'received',
        summary: tick.rnd.pick(SUMMARIES[category]),
        receivedAt: tick.simTime,
        lat: commune.lat + tick.rnd.range(-SPREAD_DEG, SPREAD_DEG),
        lon: commune.lon + tick.rnd.range(-SPREAD_DEG, SPREAD_DEG),
      });
    }
    reports = reports.slice(0, KEEP).map((r) => {
      if (r.status === 'received' && tick.rnd.chance(0.3)) return { ...r, status: 'routed' as const };
      if (r.status === 'routed' && tick.rnd.chance(0.1)) return { ...r, status: 'answered' as const };
      return r;
    });
    const open = reports.filter((r) => r.status !== 'answered').length;
    return [
      { key: 'reports.citizen', value: { type: 'reports', items: reports.map((r) => ({ ...r })) }, at: tick.now },
      { key: 'kpi.reports.open', value: { type: 'kpi', value: open, unit: 'phản ánh', label: { vi: 'Phản ánh chưa xử lý xong', en: 'Open citizen reports' }, periodS: 600 }, at: tick.now },
    ] satisfies DataEntry[];
  };
}
