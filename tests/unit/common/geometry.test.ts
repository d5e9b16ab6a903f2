import { describe, expect, it } from 'vitest';
import {
  bezelGapPx,
  intersect,
  panelsInViewport,
  screenBezelMm,
  screenPitchMm,
  screenSizePx,
  wallCanvas,
  wallGeometryIssues,
} from '../../../common/wall/geometry.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
// The first demo layout, kept as a fixture: these cuts are worked out by hand for its panels.
import demoLayout from '../fixtures/basic-2x2-layout.json' with { type: 'json' };
import { demo, gridWall, parseScreen, screen, wall } from '../wall/wall-fixtures.js';

const rects = (w: ReturnType<typeof wallCanvas>) => Object.fromEntries(w.viewports.map((v) => [v.screenId, v.rect]));
const asymmetric = { top: 1, right: 2, bottom: 5, left: 3 };

describe('screen after rotation', () => {
  it('swaps width and height at 90° and 270° only', () => {
    expect(screenSizePx(parseScreen(screen('P', { row: 0, col: 0 }, { rotation: 90 })))).toEqual({ width: 1080, height: 1920 });
    expect(screenSizePx(parseScreen(screen('P', { row: 0, col: 0 }, { rotation: 270 })))).toEqual({ width: 1080, height: 1920 });
    expect(screenSizePx(parseScreen(screen('L', { row: 0, col: 0 }, { rotation: 180 })))).toEqual({ width: 1920, height: 1080 });
  });

  it('turns bezels clockwise: at 90° the native left edge is on top', () => {
    const at = (rotation: 0 | 90 | 180 | 270) => screenBezelMm(parseScreen(screen('S', { row: 0, col: 0 }, { rotation, bezelMm: asymmetric })));
    expect(at(0)).toEqual({ top: 1, right: 2, bottom: 5, left: 3 });
    expect(at(90)).toEqual({ top: 3, right: 1, bottom: 2, left: 5 });
    expect(at(180)).toEqual({ top: 5, right: 3, bottom: 1, left: 2 });
    expect(at(270)).toEqual({ top: 2, right: 5, bottom: 3, left: 1 });
  });

  it('swaps pixel pitch axes at 90°', () => {
    const s = screen('S', { row: 0, col: 0 }, { activeAreaMm: { width: 1920, height: 540 } });
    expect(screenPitchMm(parseScreen(s))).toEqual({ x: 1, y: 0.5 });
    expect(screenPitchMm(parseScreen({ ...s, rotation: 90 }))).toEqual({ x: 0.5, y: 1 });
  });
});

describe('bezelGapPx', () => {
  it('is 6 px between demo screens: (2.3 + 1.2) mm / 0.63 mm per px = 5.56', () => {
    const [a1, a2] = demo().screens;
    expect(bezelGapPx(a1!, a2!, 'x')).toBe(6);
    expect(bezelGapPx(a1!, a2!, 'y')).toBe(6);
  });

  it('uses the mean pitch when neighbours differ (4K beside full HD of the same size)', () => {
    const hd = parseScreen(screen('HD', { row: 0, col: 0 }));
    const uhd = parseScreen(screen('UHD', { row: 0, col: 1 }, { resolution: { width: 3840, height: 2160 } }));
    // 3.5 mm / ((0.63 + 0.315) / 2) = 7.41
    expect(bezelGapPx(hd, uhd, 'x')).toBe(7);
  });

  it('uses the rotated edges', () => {
    const land = parseScreen(screen('L', { row: 0, col: 0 }, { bezelMm: asymmetric }));
    const port = parseScreen(screen('P', { row: 0, col: 0 }, { bezelMm: asymmetric, rotation: 90 }));
    expect(bezelGapPx(land, land, 'x')).toBe(8); // right 2 + left 3 = 5 mm
    expect(bezelGapPx(port, port, 'x')).toBe(10); // right 1 + left 5 = 6 mm
    expect(bezelGapPx(port, port, 'y')).toBe(8); // bottom 2 + top 3 = 5 mm
  });
});

describe('wallCanvas', () => {
  it('places the demo wall with 6 px hidden gaps', () => {
    const canvas = wallCanvas(demo());
    expect(canvas.width).toBe(3846);
    expect(canvas.height).toBe(2166);
    expect(rects(canvas)).toEqual({
      A1: { x: 0, y: 0, width: 1920, height: 1080 },
      A2: { x: 1926, y: 0, width: 1920, height: 1080 },
      B1: { x: 0, y: 1086, width: 1920, height: 1080 },
      B2: { x: 1926, y: 1086, width: 1920, height: 1080 },
    });
  });

  it('butts screens together when compensation is off, whatever the wall says', () => {
    const canvas = wallCanvas(demo(), { bezelCompensation: false });
    expect([canvas.width, canvas.height]).toEqual([3840, 2160]);
    expect(rects(canvas).B2).toEqual({ x: 1920, y: 1080, width: 1920, height: 1080 });
    const off = wall([screen('A', { row: 0, col: 0 }), screen('B', { row: 0, col: 1 })], { bezelCompensation: false });
    expect(wallCanvas(off).width).toBe(3840);
    expect(wallCanvas(off, { bezelCompensation: true }).width).toBe(3846);
  });

  it('lays out portrait screens with rotated size and bezels', () => {
    const w = wall([
      screen('P1', { row: 0, col: 0 }, { rotation: 90, bezelMm: asymmetric }),
      screen('P2', { row: 0, col: 1 }, { rotation: 90, bezelMm: asymmetric }),
    ]);
    const canvas = wallCanvas(w);
    expect(rects(canvas)).toEqual({ P1: { x: 0, y: 0, width: 1080, height: 1920 }, P2: { x: 1090, y: 0, width: 1080, height: 1920 } });
    expect(canvas.viewports.map((v) => v.rotation)).toEqual([90, 90]);
    expect([canvas.width, canvas.height]).toEqual([2170, 1920]);
  });

  it('sizes each column and row to its largest screen when orientations mix', () => {
    const w = wall([
      screen('L', { row: 0, col: 0 }),
      screen('P1', { row: 0, col: 1 }, { rotation: 90 }),
      screen('P2', { row: 1, col: 0 }, { rotation: 90 }),
    ]);
    const canvas = wallCanvas(w);
    // L right 2.3 + P1 left (native bottom) 2.3 = 4.6 mm → 7 px; L bottom 2.3 + P2 top (native left) 1.2 → 6 px
    expect(rects(canvas)).toEqual({
      L: { x: 0, y: 0, width: 1920, height: 1080 },
      P1: { x: 1927, y: 0, width: 1080, height: 1920 },
      P2: { x: 0, y: 1926, width: 1080, height: 1920 },
    });
    expect([canvas.width, canvas.height]).toEqual([3007, 3846]);
  });

  it('places explicit screens exactly where written, beside grid screens', () => {
    const w = wall([screen('A1', { row: 0, col: 0 }), screen('A2', { row: 0, col: 1 }), screen('T', { x: 3852, y: 0 }, { rotation: 270 })]);
    const canvas = wallCanvas(w);
    expect(rects(canvas).T).toEqual({ x: 3852, y: 0, width: 1080, height: 1920 });
    expect([canvas.width, canvas.height]).toEqual([4932, 1920]);
    expect(wallCanvas(w, { bezelCompensation: false }).viewports[2]?.rect.x).toBe(3852);
  });

  it('handles a 3 × 9 wall of 27 screens', () => {
    const canvas = wallCanvas(gridWall(3, 9));
    expect(canvas.viewports).toHaveLength(27);
    expect([canvas.width, canvas.height]).toEqual([9 * 1920 + 8 * 6, 3 * 1080 + 2 * 6]);
    expect(rects(canvas).R2C8).toEqual({ x: 8 * 1926, y: 2 * 1086, width: 1920, height: 1080 });
    expect(rects(canvas).R1C4).toEqual({ x: 4 * 1926, y: 1086, width: 1920, height: 1080 });
    expect(wallGeometryIssues(gridWall(3, 9))).toEqual([]);
  });
});

describe('panelsInViewport', () => {
  const panels = LayoutSchema.parse(demoLayout).panels;
  const view = (id: string) => rects(wallCanvas(demo()))[id]!;
  const summary = (id: string) => panelsInViewport(panels, view(id)).map((p) => [p.panel.id, p.local, p.visible]);

  it('cuts the demo layout for screen A2', () => {
    expect(summary('A2')).toEqual([
      ['backdrop', { x: -1926, y: 0, width: 3846, height: 2166 }, { x: 0, y: 0, width: 1920, height: 1080 }],
      ['banner', { x: -803, y: 883, width: 1600, height: 400 }, { x: 0, y: 883, width: 797, height: 197 }],
    ]);
  });

  it('orders by z, then by layout order', () => {
    expect(summary('A1').map(([id]) => id)).toEqual(['backdrop', 'banner', 'clock']);
    expect(summary('B1').map(([id]) => id)).toEqual(['backdrop', 'status-strip', 'banner']);
    expect(summary('B1')[2]).toEqual(['banner', { x: 1123, y: -203, width: 1600, height: 400 }, { x: 1123, y: 0, width: 797, height: 197 }]);
  });

  it('leaves out a panel that only touches the viewport edge', () => {
    const edge = { rect: { x: 1920, y: 0, width: 6, height: 1080 }, z: 0 };
    expect(panelsInViewport([edge], view('A1'))).toEqual([]);
    expect(intersect(edge.rect, view('A2'))).toBeNull();
  });
});

describe('wallGeometryIssues', () => {
  const messages = (w: ReturnType<typeof wall>) => wallGeometryIssues(w).map((i) => [i.path.join('.'), i.message]);

  it('finds nothing wrong with the demo wall', () => {
    expect(wallGeometryIssues(demo())).toEqual([]);
  });

  it('names screens sharing an id, a number or a grid cell', () => {
    const w = wall([
      screen('A1', { row: 0, col: 0 }, { number: 1 }),
      screen('A2', { row: 0, col: 1 }, { number: 1 }),
      screen('A1', { row: 1, col: 0 }),
      screen('A3', { row: 0, col: 1 }),
    ]);
    expect(messages(w)).toEqual([
      ['screens.1.number', 'screens A1 and A2 both have number 1; give each screen its own number'],
      ['screens.2.id', 'screens[0] and screens[2] both have id "A1"; give each screen its own id'],
      ['screens.3.position', 'screens A2 and A3 both use grid cell row 0, col 1; give each screen its own cell'],
    ]);
  });

  it('finds explicit screens overlapping each other or the grid', () => {
    const w = wall([screen('A1', { row: 0, col: 0 }), screen('X', { x: 1000, y: 500 }), screen('Y', { x: 2900, y: 0 })]);
    expect(messages(w)).toEqual([
      ['screens.1.position', 'screens A1 and X overlap on the canvas; move X so the two do not cover the same pixels'],
      ['screens.2.position', 'screens X and Y overlap on the canvas; move Y so the two do not cover the same pixels'],
    ]);
  });

  it('says when an overlap only happens with compensation on', () => {
    // A2 spans 1926–3846 with compensation, 1920–3840 without.
    const w = wall([screen('A1', { row: 0, col: 0 }), screen('A2', { row: 0, col: 1 }), screen('X', { x: 3841, y: 0 })]);
    expect(messages(w)).toEqual([
      ['screens.2.position', 'screens A2 and X overlap on the canvas when bezel compensation is on; move X so the two do not cover the same pixels'],
    ]);
  });

  it('rejects a screen left of or above the canvas origin', () => {
    expect(messages(wall([screen('X', { x: -10, y: 0 })]))).toEqual([
      ['screens.0.position', 'screen X is at (-10, 0); the canvas starts at (0, 0), so use x and y of 0 or more'],
    ]);
  });

  it('finds a display shown by two screens unless their Mosaic regions are apart', () => {
    const left = { x: 0, y: 0, width: 1920, height: 1080 };
    const clash = wall([
      screen('A1', { row: 0, col: 0 }, { display: { id: 7 } }),
      screen('A2', { row: 0, col: 1 }, { display: { id: 7, rect: left } }),
    ]);
    expect(messages(clash)).toEqual([
      ['screens.1.display', 'screens A1 and A2 both show display 7; assign another display, or give each a separate display.rect on a Mosaic/Eyefinity display'],
    ]);
    const overlapping = wall([
      screen('A1', { row: 0, col: 0 }, { display: { id: 7, rect: left } }),
      screen('A2', { row: 0, col: 1 }, { display: { id: 7, rect: { ...left, x: 1919 } } }),
    ]);
    expect(wallGeometryIssues(overlapping).map((i) => i.path)).toEqual([['screens', 1, 'display']]);
    const apart = wall([
      screen('A1', { row: 0, col: 0 }, { display: { id: 7, rect: left } }),
      screen('A2', { row: 0, col: 1 }, { display: { id: 7, rect: { ...left, x: 1920 } } }),
    ]);
    expect(wallGeometryIssues(apart)).toEqual([]);
  });

  it('finds an active area whose shape does not match the resolution', () => {
    const w = wall([screen('S', { row: 0, col: 0 }, { activeAreaMm: { width: 1209.6, height: 1209.6 } })]);
    expect(messages(w)).toEqual([
      [
        'screens.0.activeAreaMm',
        "screen S: 1920×1080 px over 1209.6×1209.6 mm gives pixels 0.56 times wider than tall; activeAreaMm is the lit picture area in the screen's native (unrotated) orientation — check it against the datasheet",
      ],
    ]);
    // 4% off is within tolerance (panels are rarely exactly square-pixelled on paper).
    expect(wallGeometryIssues(wall([screen('S', { row: 0, col: 0 }, { activeAreaMm: { width: 1258, height: 680.4 } })]))).toEqual([]);
  });
});
