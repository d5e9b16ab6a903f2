import { describe, expect, it } from 'vitest';
import { planScreenWindows } from '../../../common/wall/plan.js';
import type { DetectedDisplay } from '../../../common/wall/plan.js';
import { demo, demoWallJson, gridWall, screen, wall } from '../wall/wall-fixtures.js';
import { WallSchema } from '../../../common/wall/schema.js';

const hd = (id: number, x: number, y: number, extra: Partial<DetectedDisplay> = {}): DetectedDisplay => ({
  id,
  bounds: { x, y, width: 1920, height: 1080 },
  scaleFactor: 1,
  rotation: 0,
  ...extra,
});
const primary = hd(1, 0, 0, { primary: true, internal: true });
// Listed out of order on purpose: auto-assignment sorts displays by position.
const fourOutputs = [hd(14, 3840, 1080), primary, hd(12, 3840, 0), hd(13, 1920, 1080), hd(11, 1920, 0)];
const placement = (plan: ReturnType<typeof planScreenWindows>) => Object.fromEntries(plan.windows.map((w) => [w.screenId, w.displayId]));

describe('planScreenWindows', () => {
  it('fills the demo wall row by row onto the non-primary displays, console on the primary', () => {
    const plan = planScreenWindows(demo(), fourOutputs);
    expect(placement(plan)).toEqual({ A1: 11, A2: 12, B1: 13, B2: 14 });
    expect(plan.windows[1]).toEqual({ screenId: 'A2', displayId: 12, bounds: { x: 3840, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 });
    expect(plan.console).toEqual({ displayId: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } });
    expect([plan.missing, plan.extraDisplays, plan.problems]).toEqual([[], [], []]);
    expect(plan.changes).toEqual({ open: ['A1', 'A2', 'B1', 'B2'], close: [], move: [] });
  });

  it('follows canvas order, not the order screens are listed in the file', () => {
    const json = demoWallJson();
    json.screens.reverse();
    expect(placement(planScreenWindows(WallSchema.parse(json), fourOutputs))).toEqual({ A1: 11, A2: 12, B1: 13, B2: 14 });
  });

  it('honours explicit assignments and auto-assigns the rest around them', () => {
    const json = demoWallJson();
    json.screens[0]!.display = { id: 12 };
    expect(placement(planScreenWindows(WallSchema.parse(json), fourOutputs))).toEqual({ A1: 12, A2: 11, B1: 13, B2: 14 });
  });

  it('names an unknown display id and the ids that are connected', () => {
    const json = demoWallJson();
    json.screens[0]!.display = { id: 12345 };
    const plan = planScreenWindows(WallSchema.parse(json), fourOutputs);
    expect(plan.missing).toEqual([{ screenId: 'A1', reason: 'assigned display 12345 not connected' }]);
    expect(plan.problems).toEqual([
      'screen A1: display 12345 is not connected (connected: 1, 11, 12, 13, 14); reconnect it, or change or remove display.id',
    ]);
    expect(placement(plan)).toEqual({ A2: 11, B1: 12, B2: 13 });
    expect(plan.extraDisplays).toEqual([14]);
  });

  it('cuts one Mosaic display into four screens', () => {
    const json = demoWallJson();
    const rects = [[0, 0], [1920, 0], [0, 1080], [1920, 1080]] as const;
    json.screens.forEach((s, i) => {
      s.display = { id: 20, rect: { x: rects[i]![0], y: rects[i]![1], width: 1920, height: 1080 } };
    });
    const mosaic: DetectedDisplay = { id: 20, bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, scaleFactor: 1, rotation: 0 };
    const plan = planScreenWindows(WallSchema.parse(json), [primary, mosaic]);
    expect(plan.windows.map((w) => [w.screenId, w.bounds])).toEqual([
      ['A1', { x: 1920, y: 0, width: 1920, height: 1080 }],
      ['A2', { x: 3840, y: 0, width: 1920, height: 1080 }],
      ['B1', { x: 1920, y: 1080, width: 1920, height: 1080 }],
      ['B2', { x: 3840, y: 1080, width: 1920, height: 1080 }],
    ]);

    json.screens[3]!.display = { id: 20, rect: { x: 1921, y: 1080, width: 1920, height: 1080 } };
    const off = planScreenWindows(WallSchema.parse(json), [primary, mosaic]);
    expect(off.missing).toEqual([{ screenId: 'B2', reason: 'display.rect lies outside display 20' }]);
    expect(off.problems).toEqual(['screen B2: display.rect 1920×1080 at (1921, 1080) does not fit inside display 20 (3840×2160 DIP); fix the rect']);
  });

  it('reports when display pixels differ from the screen, counting scale factor and rotation', () => {
    const scaled = planScreenWindows(demo(), [primary, hd(11, 1920, 0, { scaleFactor: 1.25 }), { ...hd(12, 3840, 0), bounds: { x: 3840, y: 0, width: 1280, height: 720 }, scaleFactor: 1.5 }]);
    expect(scaled.windows.map((w) => [w.screenId, w.mismatch])).toEqual([
      ['A1', 'display 11 gives 2400×1350 px but screen A1 is 1920×1080 px; the page will be scaled to fit'],
      ['A2', undefined],
    ]);
    const portrait = wall([screen('P', { row: 0, col: 0 }, { rotation: 90 })]);
    expect(planScreenWindows(portrait, [primary, hd(11, 1920, 0)]).windows[0]?.mismatch).toBe(
      'display 11 gives 1920×1080 px but screen P is 1080×1920 px (after 90° rotation); the page will be scaled to fit unless the display is rotated in the OS or the screen gets a content rotation (technician tools)',
    );
    const turned = { ...hd(11, 1920, 0), bounds: { x: 1920, y: 0, width: 1080, height: 1920 }, rotation: 90 };
    expect(planScreenWindows(portrait, [primary, turned]).windows[0]?.mismatch).toBeUndefined();
  });

  it('leaves every screen unplaced when no displays, or only the primary, are connected', () => {
    const none = planScreenWindows(demo(), []);
    expect([none.windows, none.console, none.extraDisplays]).toEqual([[], null, []]);
    expect(none.missing.map((m) => m.screenId)).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(none.problems[0]).toBe('screen A1: no free display to show it (0 free non-primary displays for 4 unassigned screens of this PC); connect a display, set display.id, or give the screen to another PC in the node configuration');
    const laptop = planScreenWindows(demo(), [primary]);
    expect(laptop.console?.displayId).toBe(1);
    expect(laptop.missing).toHaveLength(4);
  });

  it("plans only this PC's screens (its node configuration), filling its own displays from the first", () => {
    const plan = planScreenWindows(demo(), [primary, hd(11, 1920, 0), hd(12, 3840, 0)], undefined, { screens: ['B1', 'B2'] });
    expect(placement(plan)).toEqual({ B1: 11, B2: 12 });
    expect([plan.missing, plan.problems, plan.extraDisplays]).toEqual([[], [], []]);
    const short = planScreenWindows(demo(), [primary, hd(11, 1920, 0)], undefined, { screens: ['B1', 'B2'] });
    expect(placement(short)).toEqual({ B1: 11 });
    expect(short.missing).toEqual([{ screenId: 'B2', reason: 'no free display' }]);
    expect(short.problems).toEqual(['screen B2: no free display to show it (1 free non-primary displays for 2 unassigned screens of this PC); connect a display, set display.id, or give the screen to another PC in the node configuration']);
  });

  it('lists displays left over', () => {
    const plan = planScreenWindows(demo(), [...fourOutputs, hd(16, 0, 2160), hd(15, 5760, 0)]);
    expect(placement(plan)).toEqual({ A1: 11, A2: 12, B1: 15, B2: 13 });
    expect(plan.extraDisplays).toEqual([14, 16]);
  });

  it('puts the console on its configured display and keeps screens off it', () => {
    const json = demoWallJson();
    json.console = { displayId: 12 };
    const plan = planScreenWindows(WallSchema.parse(json), fourOutputs);
    expect(plan.console?.displayId).toBe(12);
    expect(placement(plan)).toEqual({ A1: 11, A2: 13, B1: 14 });
    expect(plan.extraDisplays).toEqual([1]);

    json.console = { displayId: 99 };
    const gone = planScreenWindows(WallSchema.parse(json), fourOutputs);
    expect(gone.console?.displayId).toBe(1);
    expect(gone.problems).toEqual(['console display 99 is not connected (connected: 1, 11, 12, 13, 14); using the primary display']);
  });

  it('uses the first display for the console when none is primary', () => {
    const plan = planScreenWindows(demo(), [hd(11, 1920, 0), hd(12, 3840, 0)]);
    expect(plan.console?.displayId).toBe(11);
    expect(placement(plan)).toEqual({ A1: 12 });
  });

  it('tells the shell which windows to open, close and move after displays change', () => {
    const first = planScreenWindows(demo(), fourOutputs);
    const after = [primary, hd(11, 1920, 0, { scaleFactor: 2 }), hd(12, 3840, 100), hd(13, 1920, 1080)];
    const second = planScreenWindows(demo(), after, first);
    expect(second.changes).toEqual({ open: [], close: ['B2'], move: ['A1', 'A2'] });
    const third = planScreenWindows(demo(), [...after, hd(14, 3840, 1080)], second);
    expect(third.changes).toEqual({ open: ['B2'], close: [], move: [] });
  });

  it('maps a 3 × 9 wall onto 27 outputs', () => {
    const outputs: DetectedDisplay[] = [primary];
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 9; col++) outputs.push(hd(100 + row * 9 + col, 1920 + col * 1920, row * 1080));
    }
    const plan = planScreenWindows(gridWall(3, 9), outputs.reverse());
    const expected: Record<string, number> = {};
    for (let row = 0; row < 3; row++) for (let col = 0; col < 9; col++) expected[`R${row}C${col}`] = 100 + row * 9 + col;
    expect(placement(plan)).toEqual(expected);
    expect([plan.missing, plan.extraDisplays, plan.problems]).toEqual([[], [], []]);
  });
});
