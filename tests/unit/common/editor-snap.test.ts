import { describe, expect, it } from 'vitest';
import { snapMove, snapResize, snapTargets } from '../../../common/editor/snap.js';
import { screensCovered, spansScreens } from '../../../common/editor/span.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { demo } from '../wall/wall-fixtures.js';

// The demo wall: 2×2 screens of 1920×1080 with 6-px bezel gaps, so screens start at x 0 / 1926, y 0 / 1086.
const canvas = wallCanvas(demo());

describe('snap targets', () => {
  it('are the screen edges on both sides of each bezel gap, the canvas border, and the grid', () => {
    const t = snapTargets(canvas, 0);
    expect(t.x.map((l) => l.at)).toEqual([0, 1920, 1926, 3846]);
    expect(t.y.map((l) => l.at)).toEqual([0, 1080, 1086, 2166]);
    expect(t.x.every((l) => l.kind === 'screen')).toBe(true);
    const g = snapTargets(canvas, 1000);
    expect(g.x.map((l) => `${l.at}:${l.kind}`)).toEqual(['0:screen', '1000:grid', '1920:screen', '1926:screen', '2000:grid', '3000:grid', '3846:screen']);
  });
});

describe('snapping a moved panel', () => {
  const targets = snapTargets(canvas, 100);
  it('lands its nearest edge on the nearest line within the threshold', () => {
    // The left edge already sits on grid line 1500, nearer than the seam is to the right edge (2 px).
    const onGrid = snapMove({ x: 1500, y: 300, width: 418, height: 200 }, targets, 8);
    expect(onGrid.rect).toEqual({ x: 1500, y: 300, width: 418, height: 200 });
    expect(onGrid.guides.x).toEqual({ at: 1500, kind: 'grid' });
    const off = snapMove({ x: 1503, y: 303, width: 421, height: 200 }, targets, 8);
    expect(off.rect).toEqual({ x: 1505, y: 300, width: 421, height: 200 }); // right edge 1924 → 1926, top 303 → 300
    expect(off.guides.x).toEqual({ at: 1926, kind: 'screen' });
    expect(off.guides.y).toEqual({ at: 300, kind: 'grid' });
  });

  it('leaves a panel alone when nothing is near', () => {
    const far = snapMove({ x: 1440, y: 1140, width: 10, height: 10 }, snapTargets(canvas, 0), 8);
    expect(far.rect).toEqual({ x: 1440, y: 1140, width: 10, height: 10 });
    expect(far.guides).toEqual({ x: null, y: null });
  });

  it('prefers a screen edge over a grid line at the same distance', () => {
    const t = snapTargets(canvas, 1924); // grid line 1924 is 2 px right of x 1922, screen edge 1920 2 px left
    const s = snapMove({ x: 1922, y: 500, width: 100, height: 100 }, t, 4);
    expect(s.guides.x).toEqual({ at: 1920, kind: 'screen' });
    expect(s.rect.x).toBe(1920);
  });
});

describe('snapping a resized panel', () => {
  const targets = snapTargets(canvas, 0);
  it('moves only the dragged edges', () => {
    const r = snapResize({ x: 100, y: 100, width: 1823, height: 983 }, ['right', 'bottom'], targets, 10);
    expect(r.rect).toEqual({ x: 100, y: 100, width: 1820, height: 980 });
    const l = snapResize({ x: 1929, y: 100, width: 300, height: 300 }, ['left'], targets, 10);
    expect(l.rect).toEqual({ x: 1926, y: 100, width: 303, height: 300 });
  });

  it('never makes a panel smaller than the minimum', () => {
    const r = snapResize({ x: 1910, y: 0, width: 14, height: 50 }, ['left'], targets, 20, 16);
    expect(r.rect.width).toBeGreaterThanOrEqual(14);
    expect(r.rect).toEqual({ x: 1910, y: 0, width: 14, height: 50 });
  });
});

describe('spanning screens', () => {
  it('names each screen a panel lands on, with the part on each', () => {
    const across = { x: 1500, y: 200, width: 900, height: 300 };
    expect(screensCovered(across, canvas.viewports)).toEqual([
      { screenId: 'A1', part: { x: 1500, y: 200, width: 420, height: 300 } },
      { screenId: 'A2', part: { x: 1926, y: 200, width: 474, height: 300 } },
    ]);
    expect(spansScreens(across, canvas.viewports)).toBe(true);
    expect(spansScreens({ x: 10, y: 10, width: 100, height: 100 }, canvas.viewports)).toBe(false);
    expect(screensCovered({ x: 1800, y: 1000, width: 300, height: 300 }, canvas.viewports).map((s) => s.screenId)).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(screensCovered({ x: 1921, y: 0, width: 4, height: 10 }, canvas.viewports)).toEqual([]); // inside the bezel gap
  });
});
