import { describe, expect, it } from 'vitest';
import { camerasOnWall } from '../../../common/cameras/on-wall.js';
import type { Layout } from '../../../common/wall/layout-schema.js';

const cam = (id: string) => ({ id, name: id });
const layout = (panels: object[]): Layout => ({ schemaVersion: 1, id: 'l', name: 'l', wallId: 'w', panels } as unknown as Layout);
const tile = (id: string, props: object) => ({ id, type: 'camera', rect: { x: 0, y: 0, width: 100, height: 100 }, z: 1, props });

describe('cameras on the wall', () => {
  it('lists each camera a camera tile shows once, sorted: the grid’s cells, or the whole tour', () => {
    const shown = camerasOnWall(
      layout([
        tile('a', { grid: 4, cameras: [cam('ham-hai-van'), cam('cau-song-han')] }),
        tile('b', { cameras: [cam('ubnd-tinh')], tour: { cameras: [cam('de-huu-ngan'), cam('cau-song-han')], dwellSeconds: 10 } }),
        { id: 'm', type: 'map', rect: { x: 0, y: 0, width: 100, height: 100 }, z: 1, props: { cameras: [cam('not-a-camera-tile')] } },
      ]),
    );
    expect(shown).toEqual(['cau-song-han', 'de-huu-ngan', 'ham-hai-van']);
  });

  it('skips a camera tile whose props are broken instead of failing the map', () => {
    expect(camerasOnWall(layout([tile('x', { cameras: [] }), tile('y', { cameras: [cam('nga-tu-le-duan')] })]))).toEqual(['nga-tu-le-duan']);
  });
});
