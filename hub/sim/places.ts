import type { DataEntry } from '../../common/protocol/data.js';
import { rescueTeamsTracker } from './rescue-teams.js';
import { sheltersTracker, type Place } from './shelters.js';
import type { Feed } from './tick.js';

// Places on the flood map: evacuation points, rescue teams and the demo cameras, in one value so a
// map layer picks the kinds it wants with `only`.

/** The simulated cameras (ids and names as in assets/media/cameras/cameras.json; the HEVC test clip has no place). */
export const CAMERAS: ReadonlyArray<{ id: string; name: string; lat: number; lon: number }> = [
  { id: 'cau-song-han', name: 'Cầu sông Hàn', lat: 16.072, lon: 108.227 },
  // The same bridge camera, served as fMP4.
  { id: 'cau-song-han-fmp4', name: 'Cầu sông Hàn (fMP4)', lat: 16.072, lon: 108.227 },
  // The right (south) bank of the Hương in Huế, by Trường Tiền bridge.
  { id: 'de-huu-ngan', name: 'Đê Hữu Ngạn', lat: 16.466, lon: 107.59 },
  { id: 'nga-tu-le-duan', name: 'Ngã tư Lê Duẩn', lat: 16.07, lon: 108.21 },
  { id: 'cang-ca-tho-quang', name: 'Cảng cá Thọ Quang', lat: 16.1, lon: 108.26 },
  { id: 'ham-hai-van', name: 'Hầm Hải Vân', lat: 16.19, lon: 108.13 },
  { id: 'ubnd-tinh', name: 'UBND tỉnh', lat: 16.06, lon: 108.22 },
];

export function placesFeed(): Feed {
  const shelters = sheltersTracker();
  const teams = rescueTeamsTracker();
  return (tick) => {
    const cameras = CAMERAS.map((c): Place => ({ ...c, kind: 'camera', active: true, at: tick.now }));
    const items = [...shelters(tick.hours, tick.now), ...teams(tick), ...cameras];
    return [{ key: 'places.flood', value: { type: 'places', items }, at: tick.now }] satisfies DataEntry[];
  };
}
