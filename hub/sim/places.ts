import type { DataEntry } from '../../common/protocol/data.js';
import { rescueTeamsTracker } from './rescue-teams.js';
import { sheltersTracker, type Place } from './shelters.js';
import type { Feed } from './tick.js';
import { DEMO_CAMERAS } from '../cameras/catalogue.js';

// Places on the flood map: evacuation points, rescue teams and the demo cameras, in one value so a
// map layer picks the kinds it wants with `only`.

/** The simulated cameras, as the hub's catalogue places them. */
export const CAMERAS: ReadonlyArray<{ id: string; name: string; lat: number; lon: number }> = DEMO_CAMERAS.map((c) => ({ id: c.id, name: c.name.vi, lat: c.lat, lon: c.lon }));

export function placesFeed(): Feed {
  const shelters = sheltersTracker();
  const teams = rescueTeamsTracker();
  return (tick) => {
    const cameras = CAMERAS.map((c): Place => ({ ...c, kind: 'camera', active: true, at: tick.now }));
    const items = [...shelters(tick.hours, tick.now), ...teams(tick), ...cameras];
    return [{ key: 'places.flood', value: { type: 'places', items }, at: tick.now }] satisfies DataEntry[];
  };
}
