import { describe, expect, it } from 'vitest';
import { anchorBox, overlaps, placeLabels, type LabelAnchor, type LabelCandidate } from '../../../common/map/label-placement.js';
import { createRandom } from '../../../common/prng.js';

const area = { width: 1000, height: 800 };
const label = (x: number, y: number, priority: number, anchors: readonly LabelAnchor[] = ['below'], width = 200, height = 30): LabelCandidate => ({ x, y, width, height, priority, anchors, gap: 16 });

describe('map label placement', () => {
  it('shows the higher-priority label where two would overlap, whatever order they come in', () => {
    // "Ái Nghĩa 7,48 m" and "Câu Lâu 3,18 m", 60 px apart: side by side they would run into each other.
    const aiNghia = label(300, 400, 10);
    const cauLau = label(360, 405, 30);
    expect(placeLabels([aiNghia, cauLau], area).map((p) => p.index)).toEqual([1]);
    expect(placeLabels([cauLau, aiNghia], area).map((p) => p.index)).toEqual([0]);
    // Equal priority: the first given wins.
    expect(placeLabels([label(300, 400, 5), label(360, 405, 5)], area).map((p) => p.index)).toEqual([0]);
  });

  it('moves a label to its next anchor rather than hiding it, and says which anchor it took', () => {
    const placed = placeLabels([label(300, 400, 2), label(300, 400, 1, ['below', 'above'])], area);
    expect(placed.map((p) => [p.index, p.anchor])).toEqual([[0, 'below'], [1, 'above']]);
    expect(placed[1]!.box).toEqual(anchorBox(label(300, 400, 1), 'above'));
    // The box above the point ends a gap above it; the one below starts a gap below it.
    expect(placed[1]!.box.y + placed[1]!.box.height).toBe(400 - 16);
    expect(placed[0]!.box.y).toBe(400 + 16);
  });

  it('keeps labels inside the panel and off the markers it is given', () => {
    expect(placeLabels([label(20, 400, 1)], area)).toEqual([]); // would start at x = −80
    expect(placeLabels([label(20, 400, 1, ['below', 'right'])], area).map((p) => p.anchor)).toEqual(['right']);
    const marker = { x: 280, y: 420, width: 20, height: 20 };
    expect(placeLabels([label(300, 400, 1, ['below', 'above'])], { ...area, obstacles: [marker] }).map((p) => p.anchor)).toEqual(['above']);
    expect(placeLabels([label(Number.NaN, 400, 1), label(300, 400, 1, ['below'], 0)], area)).toEqual([]);
  });

  it('never shows two overlapping labels, and never drops one that had room (2,000 random labels)', () => {
    const rnd = createRandom(16);
    const anchors: LabelAnchor[] = ['below', 'above', 'right', 'left', 'center'];
    const candidates = Array.from({ length: 2000 }, () =>
      label(rnd.range(0, area.width), rnd.range(0, area.height), rnd.int(0, 5), anchors.slice(rnd.int(0, 4)), rnd.range(20, 260), rnd.range(12, 40)),
    );
    const padding = 4;
    const placed = placeLabels(candidates, { ...area, padding });
    expect(placed.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (let i = 0; i < placed.length; i++) {
      const a = placed[i]!.box;
      if (!(a.x >= 0 && a.y >= 0 && a.x + a.width <= area.width && a.y + a.height <= area.height)) wrong.push(`${placed[i]!.index} outside`);
      for (let j = i + 1; j < placed.length; j++) if (overlaps(a, placed[j]!.box, padding)) wrong.push(`${placed[i]!.index} over ${placed[j]!.index}`);
    }
    expect(wrong).toEqual([]);
    // Placed in priority order; every label left out had each of its anchors blocked by a label placed before it, or the edge.
    const shownAt = new Map(placed.map((p, order) => [p.index, order]));
    const priorities = placed.map((p) => candidates[p.index]!.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    candidates.forEach((c, index) => {
      if (shownAt.has(index)) return;
      for (const anchor of c.anchors) {
        const box = anchorBox(c, anchor);
        const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= area.width && box.y + box.height <= area.height;
        const blocked = placed.some((p) => (candidates[p.index]!.priority > c.priority || (candidates[p.index]!.priority === c.priority && p.index < index)) && overlaps(box, p.box, padding));
        if (inside && !blocked) wrong.push(`label ${index} left out with ${anchor} free`);
      }
    });
    expect(wrong).toEqual([]);
  });
});
