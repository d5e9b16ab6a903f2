import type { DataEntry } from '../../common/protocol/data.js';
import type { Feed } from './tick.js';

// The demo's road traffic (key `traffic.demo`): QL1A from Huế over the Hải Vân tunnel into Đà Nẵng, the
// La Sơn – Túy Loan expressway and a few city streets, with a crash at the tunnel's southern exit that
// backs traffic up and clears again. Coordinates are APPROXIMATE, traced by hand for the demo — not a
// road map. Congestion follows the sim clock (rush hours, the crash), without random numbers, so adding
// this feed left the other feeds' values as they were.

type Level = 'free' | 'slow' | 'jammed';
interface Road {
  id: string;
  road: string;
  name: { vi: string; en: string };
  path: [number, number][];
  /** Free-flow speed and vehicles per hour at free flow. */
  speedKmh: number;
  flowVph: number;
  /** How busy it gets at rush hour: 0 never slows, 1 slows, 2 jams. */
  rush: 0 | 1 | 2;
  /** Backed up by the crash: 2 jammed, 1 slow. */
  crash?: 1 | 2;
}

export const DEMO_ROADS: readonly Road[] = [
  { id: 'ql1a-phu-bai', road: 'QL1A', name: { vi: 'QL1A Phú Bài – Cầu Hai', en: 'QL1A Phu Bai – Cau Hai' }, path: [[107.70, 16.40], [107.78, 16.35], [107.87, 16.30], [107.94, 16.26]], speedKmh: 70, flowVph: 1400, rush: 1 },
  { id: 'ql1a-lang-co', road: 'QL1A', name: { vi: 'QL1A Cầu Hai – Lăng Cô', en: 'QL1A Cau Hai – Lang Co' }, path: [[107.94, 16.26], [108.01, 16.24], [108.07, 16.23], [108.11, 16.22]], speedKmh: 60, flowVph: 1200, rush: 1, crash: 1 },
  { id: 'ham-hai-van', road: 'QL1A', name: { vi: 'Hầm Hải Vân', en: 'Hai Van tunnel' }, path: [[108.11, 16.22], [108.12, 16.205], [108.13, 16.19]], speedKmh: 60, flowVph: 1100, rush: 1, crash: 2 },
  { id: 'ql1a-lien-chieu', road: 'QL1A', name: { vi: 'QL1A Liên Chiểu', en: 'QL1A Lien Chieu' }, path: [[108.13, 16.19], [108.14, 16.14], [108.15, 16.09], [108.17, 16.06]], speedKmh: 50, flowVph: 1800, rush: 2, crash: 1 },
  { id: 'cao-toc-la-son', road: 'CT La Sơn – Túy Loan', name: { vi: 'Cao tốc La Sơn – Túy Loan', en: 'La Son – Tuy Loan expressway' }, path: [[107.80, 16.30], [107.88, 16.22], [107.97, 16.13], [108.05, 16.06], [108.12, 16.01]], speedKmh: 80, flowVph: 900, rush: 0 },
  { id: 'nguyen-tat-thanh', road: 'Nguyễn Tất Thành', name: { vi: 'Nguyễn Tất Thành', en: 'Nguyen Tat Thanh' }, path: [[108.15, 16.09], [108.18, 16.08], [108.20, 16.075], [108.215, 16.073]], speedKmh: 50, flowVph: 2200, rush: 2 },
  { id: 'le-duan', road: 'Lê Duẩn', name: { vi: 'Lê Duẩn – cầu sông Hàn', en: 'Le Duan – Han River Bridge' }, path: [[108.195, 16.068], [108.21, 16.07], [108.22, 16.071], [108.227, 16.072]], speedKmh: 40, flowVph: 2000, rush: 2 },
  { id: 'hue-le-loi', road: 'Lê Lợi', name: { vi: 'Lê Lợi, Huế', en: 'Le Loi, Hue' }, path: [[107.575, 16.468], [107.585, 16.467], [107.595, 16.465], [107.605, 16.462]], speedKmh: 40, flowVph: 1500, rush: 1 },
];

/** The crash at the tunnel's southern exit: from hour 2 to hour 4 of each 6-hour cycle of the sim clock. */
const CRASH = { lon: 108.132, lat: 16.188, fromH: 2, toH: 4, cycleH: 6 };
const RUSH_HOURS = [[7, 9], [16.5, 18.5]] as const;

export function trafficFeed(): Feed {
  // When the current crash was first published (hub clock), so its time stays put while it lasts.
  let crashSince: number | null = null;
  return (tick) => {
    // The sim clock's hour in Việt Nam (UTC+7, no summer time).
    const hourOfDay = (((tick.simTime / 3600_000 + 7) % 24) + 24) % 24;
    const rush = RUSH_HOURS.some(([a, b]) => hourOfDay >= a && hourOfDay < b);
    const inCycle = tick.hours % CRASH.cycleH;
    const crash = inCycle >= CRASH.fromH && inCycle < CRASH.toH;
    const segments = DEMO_ROADS.map((r) => {
      const byRush: Level = rush ? (r.rush === 2 ? 'jammed' : r.rush === 1 ? 'slow' : 'free') : 'free';
      const byCrash: Level = crash && r.crash ? (r.crash === 2 ? 'jammed' : 'slow') : 'free';
      const congestion = worst(byRush, byCrash);
      const factor = congestion === 'jammed' ? 0.15 : congestion === 'slow' ? 0.5 : 1;
      return { id: r.id, road: r.road, name: r.name, path: r.path, congestion, speedKmh: Math.round(r.speedKmh * factor), flowVph: Math.round(r.flowVph * (congestion === 'jammed' ? 0.3 : 1)), at: tick.now };
    });
    crashSince = crash ? (crashSince ?? tick.now) : null;
    const incidents = [
      // Standing roadworks on QL1A near Phú Bài.
      { id: 'thi-cong-phu-bai', type: 'roadworks' as const, lat: 16.37, lon: 107.74, road: 'QL1A', description: { vi: 'Thi công mặt đường, thu hẹp một làn (mô phỏng)', en: 'Road works, one lane closed (simulated)' }, at: tick.now - 86_400_000 },
      ...(crash
        ? [{ id: 'va-cham-ham-hai-van', type: 'crash' as const, lat: CRASH.lat, lon: CRASH.lon, road: 'QL1A', description: { vi: 'Va chạm xe tải và xe khách ở cửa nam hầm Hải Vân (mô phỏng)', en: 'Lorry and coach collision at the Hai Van tunnel south exit (simulated)' }, at: crashSince ?? tick.now }]
        : []),
    ];
    return [{ key: 'traffic.demo', value: { type: 'traffic', segments, incidents }, at: tick.now }] satisfies DataEntry[];
  };
}

const RANK: Record<Level, number> = { free: 0, slow: 1, jammed: 2 };
const worst = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);
