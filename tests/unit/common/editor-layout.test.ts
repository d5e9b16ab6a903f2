import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, record, redo, startHistory, undo } from '../../../common/editor/history.js';
import { addPanel, duplicatePanel, freeId, removePanel, setPanelProps, setPanelRect, setPanelTitle } from '../../../common/editor/layout-ops.js';
import { clampToCanvas, nudge } from '../../../common/editor/nudge.js';
import { addablePanelTypes, defaultProps } from '../../../common/editor/panel-defaults.js';
import { moveInStack, stackOrder } from '../../../common/editor/z-order.js';
import type { Layout } from '../../../common/wall/layout-schema.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';

const layout = (): Layout =>
  LayoutSchema.parse({
    schemaVersion: 1,
    id: 'test',
    name: 'Thử',
    wallId: 'demo-2x2',
    panels: [
      { id: 'a', type: 'solid', rect: { x: 0, y: 0, width: 100, height: 100 }, z: 0 },
      { id: 'b', type: 'solid', rect: { x: 50, y: 50, width: 100, height: 100 }, z: 5 },
      { id: 'c', type: 'solid', rect: { x: 80, y: 80, width: 100, height: 100 }, z: 5 },
      { id: 'd', type: 'text', rect: { x: 10, y: 10, width: 100, height: 100 }, z: 9, props: { text: 'Xin chào' } },
    ],
  });
const order = (l: Layout) => stackOrder(l.panels).map((p) => p.id);

describe('z-order', () => {
  it('stacks by z, then by layout order, as the screens draw them', () => {
    expect(order(layout())).toEqual(['a', 'b', 'c', 'd']);
  });

  it('moves one step forward or back, or to the front or back, renumbering z from 0', () => {
    const l = layout();
    const forward = moveInStack(l.panels, 'b', 'forward');
    expect(stackOrder(forward).map((p) => p.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(forward.map((p) => [p.id, p.z])).toEqual([['a', 0], ['b', 2], ['c', 1], ['d', 3]]);
    expect(stackOrder(moveInStack(l.panels, 'c', 'backward')).map((p) => p.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(stackOrder(moveInStack(l.panels, 'a', 'front')).map((p) => p.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(stackOrder(moveInStack(l.panels, 'd', 'back')).map((p) => p.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(stackOrder(moveInStack(l.panels, 'd', 'forward')).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(stackOrder(moveInStack(l.panels, 'a', 'backward')).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveInStack(l.panels, 'nope', 'front')).toEqual(l.panels);
  });
});

describe('undo and redo', () => {
  it('steps back and forth, and a new change drops what could be redone', () => {
    let h = startHistory(1);
    h = record(h, 2);
    h = record(h, 3);
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(2);
    h = record(h, 7);
    expect(canRedo(h)).toBe(false);
    expect([...h.past, h.present]).toEqual([1, 2, 7]);
  });

  it('ignores a change that changes nothing, and keeps at most the limit', () => {
    const l = layout();
    const h = record(startHistory(l), setPanelRect(l, 'a', { x: 0, y: 0, width: 100, height: 100 }));
    expect(canUndo(h)).toBe(false);
    let long = startHistory(0);
    for (let i = 1; i <= 10; i++) long = record(long, i, 4);
    expect(long.past).toEqual([6, 7, 8, 9]);
  });

  it('undoes a drag as one step', () => {
    const l = layout();
    let h = startHistory(l);
    h = record(h, setPanelRect(h.present, 'a', { x: 1900, y: 500, width: 400, height: 200 }));
    h = record(h, setPanelTitle(h.present, 'a', 'Tiêu đề'));
    expect(h.present.panels[0]).toMatchObject({ rect: { x: 1900, y: 500, width: 400, height: 200 }, title: 'Tiêu đề' });
    h = undo(undo(h));
    expect(h.present).toBe(l);
  });
});

describe('keyboard nudging', () => {
  const canvas = { width: 3846, height: 2166 };
  it('moves 1 px, or 10 with Shift, and keeps the panel on the canvas', () => {
    const r = { x: 100, y: 100, width: 200, height: 100 };
    expect(nudge(r, 'ArrowRight', false, canvas)).toEqual({ ...r, x: 101 });
    expect(nudge(r, 'ArrowLeft', true, canvas)).toEqual({ ...r, x: 90 });
    expect(nudge(r, 'ArrowUp', true, canvas)).toEqual({ ...r, y: 90 });
    expect(nudge(r, 'ArrowDown', false, canvas)).toEqual({ ...r, y: 101 });
    expect(nudge({ ...r, x: 5 }, 'ArrowLeft', true, canvas)).toEqual({ ...r, x: 0 });
    expect(nudge({ ...r, x: 3640 }, 'ArrowRight', true, canvas)).toEqual({ ...r, x: 3646 });
    expect(clampToCanvas({ x: -50, y: 3000, width: 5000, height: 10 }, canvas)).toEqual({ x: 0, y: 2156, width: 5000, height: 10 });
  });
});

describe('layout changes', () => {
  it('adds a panel on top with a free id and rounded rect, removes and duplicates', () => {
    const added = addPanel(layout(), 'solid', { color: '#123456' }, { x: 10.4, y: 20.6, width: 300.2, height: 99.5 });
    expect(added.id).toBe('solid');
    expect(added.layout.panels.at(-1)).toEqual({ id: 'solid', type: 'solid', rect: { x: 10, y: 21, width: 300, height: 100 }, z: 10, props: { color: '#123456' } });
    expect(freeId(added.layout, 'solid')).toBe('solid-2');
    const copy = duplicatePanel(added.layout, 'd');
    expect(copy?.id).toBe('d-2');
    expect(copy?.layout.panels.at(-1)).toMatchObject({ id: 'd-2', type: 'text', rect: { x: 50, y: 50 }, z: 11, props: { text: 'Xin chào' } });
    expect(removePanel(copy!.layout, 'd-2').panels.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'solid']);
    expect(duplicatePanel(layout(), 'nope')).toBeNull();
    const l = layout();
    expect(removePanel(l, 'nope')).toBe(l);
    expect(setPanelProps(l, 'a', {})).toBe(l);
    expect(setPanelProps(l, 'a', { color: '#10243e' }).panels[0]?.props).toEqual({ color: '#10243e' });
    expect(LayoutSchema.safeParse(copy!.layout).success).toBe(true);
  });

  it('starts every addable panel type from props its schema accepts', () => {
    const types = addablePanelTypes();
    expect(types).toEqual(expect.arrayContaining(['solid', 'text', 'clock', 'pattern']));
    for (const type of types) {
      const { layout: l } = addPanel(layout(), type, defaultProps(type)!, { x: 0, y: 0, width: 400, height: 300 });
      expect(LayoutSchema.safeParse(l).success, type).toBe(true);
    }
    expect(defaultProps('video')).toBeNull();
  });
});
