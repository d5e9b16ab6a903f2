import type { DataEntry } from '../../common/protocol/data.js';
import { severity } from './flood-timeline.js';
import type { Feed } from './tick.js';

// Citizen field reports (phản ánh hiện trường) from the mobile app: they arrive, are routed to a
// department, then answered. A flood brings many reports from low-lying communes.

const COMMUNES = ['Phú Vang', 'Hương Trà', 'Quảng Điền', 'Phong Điền', 'Thuận Hóa', 'Điện Bàn', 'Hội An', 'Duy Xuyên', 'Đại Lộc', 'Hòa Vang'];
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
      reports.unshift({
        id: `pa-${++seq}`,
        category,
        commune: tick.rnd.pick(COMMUNES),
        status: 'received',
        summary: tick.rnd.pick(SUMMARIES[category]),
        receivedAt: tick.simTime,
        lat: 15.85 + tick.rnd.range(0, 0.75),
        lon: 107.45 + tick.rnd.range(0, 0.9),
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
