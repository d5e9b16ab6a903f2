import { describe, expect, it } from 'vitest';
import { planScreenWindows } from '../../../common/wall/plan.js';
import { WallSchema } from '../../../common/wall/schema.js';
import {
  layoutWindows,
  previewBounds,
  reconcileWindows,
  type DisplayWithWorkArea,
  type ScreenWindowSpec,
} from '../../../electron/shell-policy/window-reconciler.js';
import { demo, demoWallJson } from '../wall/wall-fixtures.js';

const hd = (id: number, x: number, y: number, extra: Partial<DisplayWithWorkArea> = {}): DisplayWithWorkArea => ({
  id,
  bounds: { x, y, width: 1920, height: 1080 },
  scaleFactor: 1,
  rotation: 0,
  ...extra,
});
const laptop = hd(1, 0, 0, { primary: true, internal: true, workArea: { x: 0, y: 32, width: 1920, height: 1048 } });
const fourOutputs = [laptop, hd(11, 1920, 0), hd(12, 3840, 0), hd(13, 1920, 1080), hd(14, 3840, 1080)];
const layout = (displays: DisplayWithWorkArea[], windowed = false, wall = demo()) =>
  layoutWindows(wall, planScreenWindows(wall, displays), displays, windowed);
const spec = (screenId: string, displayId: number, x: number, extra: Partial<ScreenWindowSpec> = {}): ScreenWindowSpec => ({
  screenId,
  displayId,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  style: 'wall',
  fullscreen: true,
  ...extra,
});

describe('layoutWindows', () => {
  it('puts each screen fullscreen on its display and maximizes the console on the primary work area', () => {
    const l = layout(fourOutputs);
    expect(l.mode).toBe('wall');
    expect(l.screens.map((s) => [s.screenId, s.displayId, s.fullscreen, s.style])).toEqual([
      ['A1', 11, true, 'wall'],
      ['A2', 12, true, 'wall'],
      ['B1', 13, true, 'wall'],
      ['B2', 14, true, 'wall'],
    ]);
    expect(l.console).toEqual({ displayId: 1, bounds: { x: 0, y: 32, width: 1920, height: 1048 }, maximize: true });
  });

  it('does not make a Mosaic sub-rect fullscreen', () => {
    const json = demoWallJson();
    json.screens[0]!.display = { id: 20, rect: { x: 0, y: 0, width: 1920, height: 1080 } };
    const mosaic = { ...hd(20, 1920, 0), bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
    const l = layout([laptop, mosaic], false, WallSchema.parse(json));
    expect(l.screens.find((s) => s.screenId === 'A1')).toEqual({
      screenId: 'A1',
      displayId: 20,
      bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
      style: 'wall',
      fullscreen: false,
    });
  });

  it('shows the wall as previews next to the console when the laptop has no free display', () => {
    const l = layout([laptop]);
    expect(l.mode).toBe('preview');
    expect(l.console).toEqual({ displayId: 1, bounds: { x: 0, y: 32, width: 768, height: 1048 }, maximize: false });
    const at = Object.fromEntries(l.screens.map((s) => [s.screenId, s.bounds]));
    expect(l.screens.every((s) => s.style === 'preview' && !s.fullscreen && s.displayId === 1)).toBe(true);
    // Arranged like the wall, inside the right three fifths, frames apart.
    expect(at.A1!.x).toBeGreaterThanOrEqual(768);
    expect(at.A2!.x).toBeGreaterThan(at.A1!.x + at.A1!.width);
    expect(at.B1!.y).toBeGreaterThan(at.A1!.y + at.A1!.height);
    expect(at.B2!.x + at.B2!.width).toBeLessThanOrEqual(1920);
    expect(at.B2!.y + at.B2!.height).toBeLessThanOrEqual(32 + 1048);
    expect(at.A1!.width / at.A1!.height).toBeCloseTo(1920 / 1080, 1);
  });

  it('uses previews when asked to, even with enough displays', () => {
    expect(layout(fourOutputs, true).mode).toBe('preview');
  });

  it('keeps wall mode when some screens have displays and others are missing', () => {
    const l = layout([laptop, hd(11, 1920, 0)]);
    expect(l.mode).toBe('wall');
    expect(l.screens.map((s) => s.screenId)).toEqual(['A1']);
  });

  it('still lays out previews with no display reported at all', () => {
    const l = layout([]);
    expect(l.mode).toBe('preview');
    expect(l.console.displayId).toBeNull();
    expect(l.screens).toHaveLength(4);
  });
});

describe('previewBounds', () => {
  it('scales the wall canvas into the area keeping its proportions', () => {
    const [a1, a2] = previewBounds(demo(), { x: 100, y: 50, width: 800, height: 800 }, 0);
    // The canvas is 3846 px wide (two screens and a bezel gap): 800 / 3846 of it.
    expect(a1).toEqual({ screenId: 'A1', bounds: { x: 100, y: 50, width: 399, height: 225 } });
    expect(a2?.bounds.x).toBe(100 + Math.round(1926 * (800 / 3846)));
  });
});

describe('reconcileWindows', () => {
  const open = new Map([
    ['A1', spec('A1', 11, 1920)],
    ['A2', spec('A2', 12, 3840)],
    ['B1', spec('B1', 20, 1920, { fullscreen: false })],
    ['B2', spec('B2', 14, 3840)],
  ]);

  it('keeps windows that are where they should be', () => {
    expect(reconcileWindows(open, [...open.values()]).map((a) => a.type)).toEqual(['keep', 'keep', 'keep', 'keep']);
  });

  it('opens, closes, moves and re-creates, closes first', () => {
    const actions = reconcileWindows(open, [
      spec('A1', 11, 1920, { bounds: { x: 1920, y: 0, width: 2560, height: 1440 } }), // same display, new size
      spec('A2', 13, 3840), // another display
      spec('B1', 20, 1920, { fullscreen: false, bounds: { x: 1920, y: 1080, width: 1920, height: 1080 } }),
      spec('C1', 15, 5760),
    ]);
    expect(actions.map((a) => [a.type, a.type === 'close' ? a.screenId : a.want.screenId])).toEqual([
      ['close', 'B2'],
      ['reopen', 'A2'],
      ['move', 'B1'],
      ['open', 'C1'],
      ['keep', 'A1'],
    ]);
    expect(actions[1]).toMatchObject({ reason: 'display 12 → 13' });
  });

  it('re-creates a window whose kind changes, since frame and fullscreen are fixed at creation', () => {
    const actions = reconcileWindows(open, [
      spec('A1', 1, 800, { style: 'preview', fullscreen: false }),
      spec('B1', 20, 1920, { fullscreen: true }),
    ]);
    expect(actions.filter((a) => a.type === 'reopen').map((a) => (a.type === 'reopen' ? a.reason : ''))).toEqual([
      'wall window becomes a preview window',
      'now fills its display',
    ]);
  });

  it('leaves a preview window where the developer put it', () => {
    const previews = new Map([['A1', spec('A1', 1, 800, { style: 'preview', fullscreen: false })]]);
    const actions = reconcileWindows(previews, [spec('A1', 1, 900, { style: 'preview', fullscreen: false })]);
    expect(actions.map((a) => a.type)).toEqual(['keep']);
  });
});
