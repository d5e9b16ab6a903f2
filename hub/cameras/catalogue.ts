import { CAMERA_CATALOGUE_KEY, type CameraEntry, type DataEntry } from '../../common/protocol/data.js';
import type { CameraSimulator } from './simulator.js';

// The hub's camera catalogue: what an operator searches in the console and the maps mark. The demo's
// cameras are the simulated ones (assets/media/cameras), placed in Đà Nẵng and Huế; a province's hub
// would fill this from its media gateway's device list.

export type CatalogueCamera = Omit<CameraEntry, 'status'>;

export const DEMO_CAMERAS: readonly CatalogueCamera[] = [
  { id: 'cau-song-han', name: { vi: 'Cầu sông Hàn', en: 'Han River Bridge' }, place: { vi: 'Hải Châu, Đà Nẵng', en: 'Hai Chau, Da Nang' }, road: 'Lê Duẩn – Phạm Văn Đồng', lat: 16.072, lon: 108.227, tags: ['cầu', 'giao thông', 'lũ'] },
  // The same bridge camera, served as fMP4.
  { id: 'cau-song-han-fmp4', name: { vi: 'Cầu sông Hàn (fMP4)', en: 'Han River Bridge (fMP4)' }, place: { vi: 'Hải Châu, Đà Nẵng', en: 'Hai Chau, Da Nang' }, road: 'Lê Duẩn – Phạm Văn Đồng', lat: 16.072, lon: 108.227, tags: ['cầu', 'giao thông'] },
  // The right (south) bank of the Hương in Huế, by Trường Tiền bridge.
  { id: 'de-huu-ngan', name: { vi: 'Đê Hữu Ngạn', en: 'Right-bank dyke' }, place: { vi: 'Phú Hội, Huế', en: 'Phu Hoi, Hue' }, road: 'Lê Lợi', lat: 16.466, lon: 107.59, tags: ['đê', 'lũ', 'sông Hương'] },
  { id: 'nga-tu-le-duan', name: { vi: 'Ngã tư Lê Duẩn', en: 'Le Duan crossroads' }, place: { vi: 'Hải Châu, Đà Nẵng', en: 'Hai Chau, Da Nang' }, road: 'Lê Duẩn', lat: 16.07, lon: 108.21, tags: ['giao thông', 'nút giao'] },
  { id: 'cang-ca-tho-quang', name: { vi: 'Cảng cá Thọ Quang', en: 'Tho Quang fishing port' }, place: { vi: 'Sơn Trà, Đà Nẵng', en: 'Son Tra, Da Nang' }, road: 'Vân Đồn', lat: 16.1, lon: 108.26, tags: ['cảng', 'tàu cá', 'bão'] },
  { id: 'ham-hai-van', name: { vi: 'Hầm Hải Vân', en: 'Hai Van tunnel' }, place: { vi: 'Liên Chiểu, Đà Nẵng', en: 'Lien Chieu, Da Nang' }, road: 'QL1A', lat: 16.19, lon: 108.13, tags: ['hầm', 'giao thông', 'quốc lộ'] },
  { id: 'ubnd-tinh', name: { vi: 'UBND tỉnh', en: 'Provincial People’s Committee' }, place: { vi: 'Hải Châu, Đà Nẵng', en: 'Hai Chau, Da Nang' }, road: 'Trần Phú', lat: 16.06, lon: 108.22, tags: ['trụ sở', 'sự kiện'] },
];

/** The catalogue as it stands: each camera online while its stream answers (the simulator's switch). */
export function catalogueEntries(cameras: CameraSimulator, known: readonly CatalogueCamera[] = DEMO_CAMERAS): CameraEntry[] {
  const states = new Map(cameras.cameras().map((c) => [c.id, c.state]));
  return known.map((c) => ({ ...c, status: states.get(c.id) === 'online' ? 'online' : 'offline' }));
}

export function catalogueEntry(cameras: CameraSimulator, at: number): DataEntry {
  return { key: CAMERA_CATALOGUE_KEY, value: { type: 'cameras', items: catalogueEntries(cameras) }, at };
}
