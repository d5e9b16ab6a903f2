import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOverrides, newTileRect, overridesThatFit, panelAt, type Override } from '../../../common/overrides.js';
import { cameraProps } from '../../../common/panels/camera.js';
import { searchCameras, foldVietnamese } from '../../../common/cameras/search.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { LayoutSchema, type Layout } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import { DEMO_CAMERAS } from '../../../hub/cameras/catalogue.js';

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout: Layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const cam = (id: string) => ({ id, name: id });
const base = { by: 'vanhanh', at: 1 };
const camerasOf = (l: Layout, panelId: string) => cameraProps.parse(l.panels.find((p) => p.id === panelId)?.props).cameras.map((c) => c.id);

describe('camera overrides on a layout', () => {
  it('puts a camera in a grid cell, and a camera already in the tile moves instead of showing twice', () => {
    const placed = applyOverrides(layout, [{ kind: 'place', id: 'o1', ...base, panelId: 'cameras', cell: 1, camera: cam('ubnd-tinh') }]);
    expect(camerasOf(placed, 'cameras')).toEqual(['cau-song-han', 'ubnd-tinh', 'ham-hai-van', 'cang-ca-tho-quang']);
    const moved = applyOverrides(layout, [{ kind: 'place', id: 'o1', ...base, panelId: 'cameras', cell: 0, camera: cam('ham-hai-van') }]);
    expect(camerasOf(moved, 'cameras')).toEqual(['ham-hai-van', 'nga-tu-le-duan', 'cang-ca-tho-quang']);
    expect(camerasOf(layout, 'cameras')).toHaveLength(4); // the saved layout is untouched
  });

  it('adds tiles above every panel and sets a tour on a tile (grid 1)', () => {
    const overrides: Override[] = [
      { kind: 'add', id: 'o1', ...base, panelId: 'tam-o1', rect: { x: 0, y: 0, width: 960, height: 540 }, camera: cam('ubnd-tinh') },
      { kind: 'tour', id: 'o2', ...base, panelId: 'cameras', tour: { cameras: [cam('ubnd-tinh'), cam('ham-hai-van')], dwellSeconds: 5 } },
    ];
    const shown = applyOverrides(layout, overrides);
    const added = shown.panels.find((p) => p.id === 'tam-o1');
    expect(added?.z).toBe(Math.max(...layout.panels.map((p) => p.z)) + 1);
    const toured = cameraProps.parse(shown.panels.find((p) => p.id === 'cameras')?.props);
    expect(toured.grid).toBe(1);
    expect(toured.tour?.cameras.map((c) => c.id)).toEqual(['ubnd-tinh', 'ham-hai-van']);
    expect(LayoutSchema.safeParse(shown).success).toBe(true);
  });

  it('skips an override whose tile is gone, and keeps only those that fit over another layout', () => {
    const other: Layout = { ...layout, panels: layout.panels.filter((p) => p.id !== 'cameras') };
    const overrides: Override[] = [
      { kind: 'place', id: 'o1', ...base, panelId: 'cameras', cell: 0, camera: cam('ubnd-tinh') },
      { kind: 'place', id: 'o2', ...base, panelId: 'camera-dike', cell: 0, camera: cam('ham-hai-van') },
      { kind: 'place', id: 'o3', ...base, panelId: 'camera-dike', cell: 3, camera: cam('ham-hai-van') },
    ];
    expect(overridesThatFit(other, overrides).map((o) => o.id)).toEqual(['o2']);
    expect(applyOverrides(other, overrides).panels.find((p) => p.id === 'cameras')).toBeUndefined();
  });

  it('snaps a new tile to the quarter of the screen under the drop point, and finds the cell under a point', () => {
    const canvas = wallCanvas(wall, { bezelCompensation: wall.bezelCompensation });
    const first = canvas.viewports[0]!.rect;
    expect(newTileRect(canvas, first.x + first.width * 0.75, first.y + 10)).toEqual({ x: first.x + Math.round(first.width / 2), y: first.y, width: Math.round(first.width / 2), height: Math.round(first.height / 2) });
    expect(newTileRect(canvas, -5, -5)).toBeNull();
    // The traffic cameras tile is a 2×2 grid at 1120,1094 416×234: its bottom-right cell is 3.
    expect(panelAt(layout, 1120 + 400, 1094 + 230)).toMatchObject({ panel: { id: 'cameras' }, cell: 3 });
    expect(panelAt(layout, 1120 + 10, 1094 + 10)).toMatchObject({ panel: { id: 'cameras' }, cell: 0 });
    expect(panelAt(layout, 100, 100)).toMatchObject({ panel: { id: 'clock' }, cell: null });
  });
});

describe('catalogue search', () => {
  const catalogue = DEMO_CAMERAS.map((c, i) => ({ ...c, status: i === 0 ? ('offline' as const) : ('online' as const) }));
  it('finds by name, place, road and tag with or without diacritics, in either language', () => {
    expect(foldVietnamese('Đê Hữu Ngạn')).toBe('de huu ngan');
    expect(searchCameras(catalogue, 'de huu').map((c) => c.id)).toEqual(['de-huu-ngan']);
    expect(searchCameras(catalogue, 'son tra').map((c) => c.id)).toEqual(['cang-ca-tho-quang']);
    expect(searchCameras(catalogue, 'QL1A').map((c) => c.id)).toEqual(['ham-hai-van']);
    expect(searchCameras(catalogue, 'lu').map((c) => c.id).sort()).toEqual(['cau-song-han', 'de-huu-ngan']);
    expect(searchCameras(catalogue, 'bridge han').map((c) => c.id)).toEqual(['cau-song-han-fmp4', 'cau-song-han']);
    expect(searchCameras(catalogue, 'không có')).toEqual([]);
  });
  it('lists online cameras first', () => {
    expect(searchCameras(catalogue, '').at(-1)?.id).toBe('cau-song-han');
  });
});
