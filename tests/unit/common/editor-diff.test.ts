import { describe, expect, it } from 'vitest';
import { diffLayouts } from '../../../common/editor/layout-diff.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { LayoutSchema, type Layout } from '../../../common/wall/layout-schema.js';
import { demo } from '../wall/wall-fixtures.js';

const viewports = wallCanvas(demo()).viewports;
const layout = (panels: unknown[]): Layout => LayoutSchema.parse({ schemaVersion: 1, id: 'l', name: 'L', wallId: 'demo-2x2', panels });
const solid = (id: string, x: number, y: number, color = '#000000') => ({ id, type: 'solid', rect: { x, y, width: 400, height: 300 }, z: 0, props: { color } });

describe('what a layout change does to the wall', () => {
  it('names the panels added, removed and changed, and the screens whose picture changes', () => {
    const now = layout([solid('keep', 100, 100), solid('gone', 2000, 100), solid('moves', 100, 1200)]);
    const next = layout([solid('keep', 100, 100), solid('moves', 2100, 1200), solid('new', 1800, 100)]);
    const d = diffLayouts(now, next, viewports);
    expect(d.added.map((p) => p.id)).toEqual(['new']);
    expect(d.removed.map((p) => p.id)).toEqual(['gone']);
    expect(d.changed.map((p) => p.id)).toEqual(['moves']);
    // A1 gains the left part of "new"; A2 loses "gone" and gains the rest of "new"; B1 loses "moves", B2 gains it.
    expect(d.screens).toEqual(['A1', 'A2', 'B1', 'B2']);
  });

  it('leaves out screens that show the same thing, and notices a change of content alone', () => {
    const now = layout([solid('a', 100, 100), solid('b', 2000, 1200)]);
    const recoloured = layout([solid('a', 100, 100), solid('b', 2000, 1200, '#ff0000')]);
    const d = diffLayouts(now, recoloured, viewports);
    expect(d.changed.map((p) => p.id)).toEqual(['b']);
    expect(d.screens).toEqual(['B2']);
    expect(d.unchangedScreens).toEqual(['A1', 'A2', 'B1']);
    expect(diffLayouts(now, now, viewports)).toEqual({ added: [], removed: [], changed: [], screens: [], unchangedScreens: ['A1', 'A2', 'B1', 'B2'] });
  });
});
