import { describe, expect, it } from 'vitest';
import { checkMapping } from '../../../common/calibration/mapping.js';
import { clampTo, calibrationRanges as R } from '../../../common/calibration/ranges.js';
import { defaultScreenCalibration, type Calibration } from '../../../common/calibration/schema.js';
import { calibratedWall, fitCalibration, nativeEdges, wallEdges } from '../../../common/calibration/wall.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { planScreenWindows, type DetectedDisplay } from '../../../common/wall/plan.js';
import { clampPatch, patchScreen, resetScreen, sameCalibration, updateScreens } from '../../../electron/wall/technician/reducers.js';
import { demo, parseScreen, screen, wall } from '../wall/wall-fixtures.js';

describe('ranges', () => {
  it('round to the step and clamp, saying when a value left the range', () => {
    expect(clampTo(R.offsetPx, 3.4)).toEqual({ value: 3, clamped: false });
    expect(clampTo(R.gamma, 2.234)).toEqual({ value: 2.23, clamped: false });
    expect(clampTo(R.gamma, 9)).toEqual({ value: 2.5, clamped: true });
    expect(clampTo(R.brightness, -80)).toEqual({ value: -50, clamped: true });
    expect(clampTo(R.bezelMm, -0.01)).toEqual({ value: 0, clamped: false });
  });

  it('note every clamped value of a patch with its path and the range', () => {
    const { patch, clamped } = clampPatch({ colour: { gamma: 3, gain: { r: 10, g: 100 } }, offset: { x: 900 } }, 'A1');
    expect(patch).toEqual({ colour: { gamma: 2.5, gain: { r: 50, g: 100 } }, offset: { x: 500 } });
    expect(clamped.map((n) => `${n.path} ${n.requested}→${n.applied} (${n.min}–${n.max})`)).toEqual([
      'A1.offset.x 900→500 (-500–500)',
      'A1.colour.gamma 3→2.5 (0.5–2.5)',
      'A1.colour.gain.r 10→50 (50–150)',
    ]);
  });
});

describe('reducers', () => {
  const portrait = parseScreen(screen('P', { row: 0, col: 0 }, { rotation: 90, bezelMm: { top: 1, right: 2, bottom: 3, left: 4 } }));

  it('take bezels as seen on the wall and store them in the panel’s own edges', () => {
    expect(wallEdges(portrait.bezelMm, 90)).toEqual({ top: 4, right: 1, bottom: 2, left: 3 });
    for (const r of [0, 90, 180, 270] as const) expect(nativeEdges(wallEdges(portrait.bezelMm, r), r)).toEqual(portrait.bezelMm);
    const next = patchScreen(defaultScreenCalibration(), portrait, { bezelMm: { top: 9 } });
    // The top as seen on the wall is the native left edge of a panel turned 90°.
    expect(next.bezelMm).toEqual({ top: 1, right: 2, bottom: 3, left: 9 });
  });

  it('change every screen for the whole wall, and drop screens back at the defaults', () => {
    const w = demo();
    let c: Calibration = { screens: {} };
    c = updateScreens(c, w, null, (cur, s) => patchScreen(cur, s, { colour: { brightness: 10 } }));
    expect(Object.keys(c.screens)).toEqual(['A1', 'A2', 'B1', 'B2']);
    c = updateScreens(c, w, 'A2', (cur) => resetScreen(cur, ['colour']));
    expect(Object.keys(c.screens)).toEqual(['A1', 'B1', 'B2']);
    expect(sameCalibration(c, JSON.parse(JSON.stringify(c)) as Calibration)).toBe(true);
  });

  it('reset geometry, colour and mapping separately', () => {
    const s = demo().screens[0]!;
    const set = patchScreen(defaultScreenCalibration(), s, { bezelMm: { left: 3 }, offset: { x: 2 }, colour: { gamma: 2 }, displayId: 7 });
    expect(resetScreen(set, ['geometry'])).toEqual({ ...defaultScreenCalibration(), colour: set.colour, displayId: 7 });
    expect(resetScreen(set, ['colour', 'mapping']).colour).toEqual(defaultScreenCalibration().colour);
    expect(resetScreen(set, ['mapping']).displayId).toBeUndefined();
  });
});

describe('the calibrated wall', () => {
  it('moves screens on the canvas by the bezels the technician set, not the file’s', () => {
    const w = demo();
    expect(wallCanvas(w).viewports[1]!.rect.x).toBe(1926);
    const wide = { screens: Object.fromEntries(w.screens.map((s) => [s.id, { ...defaultScreenCalibration(), bezelMm: { top: 2.5, right: 2.5, bottom: 2.5, left: 2.5 } }])) };
    // (2.5 + 2.5) mm / 0.63 mm per px = 7.9 → 8 px.
    expect(wallCanvas(calibratedWall(w, wide)).viewports[1]!.rect.x).toBe(1928);
    expect(calibratedWall(w, { screens: {} })).toBe(w);
  });

  it('forgets screens the wall no longer has', () => {
    const c = { screens: { A1: defaultScreenCalibration(), Z9: defaultScreenCalibration() } };
    expect(fitCalibration(c, demo())).toEqual({ calibration: { screens: { A1: defaultScreenCalibration() } }, dropped: ['Z9'] });
  });
});

describe('display mapping check', () => {
  const d = (id: number, x: number, primary = false): DetectedDisplay => ({ id, bounds: { x, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0, primary });
  const two = wall([screen('L', { row: 0, col: 0 }), screen('R', { row: 0, col: 1 })]);

  it('assigns free displays in reading order and flags a display the wall does not use', () => {
    const check = checkMapping(two, [d(1, 0, true), d(2, 1920), d(3, 3840), d(4, 5760)]);
    expect(check.assignments).toEqual({ L: { displayId: 2, auto: true }, R: { displayId: 3, auto: true } });
    expect(check.issues.map((i) => `${i.code}:${i.displayId}`)).toEqual(['unused-display:4']);
    expect(check.consoleDisplayId).toBe(1);
  });

  it('flags a position left without a display, and one set to a display that is not connected', () => {
    const mapped = calibratedWall(two, { screens: { R: { ...defaultScreenCalibration(), displayId: 9 } } });
    const check = checkMapping(mapped, [d(1, 0, true)]);
    expect(check.issues.map((i) => `${i.code}:${i.screenIds.join(',')}:${i.severity}`).sort()).toEqual(['no-display:L:error', 'unknown-display:R:error']);
  });

  it('flags two positions on one display before anything is applied', () => {
    const both = calibratedWall(two, { screens: { L: { ...defaultScreenCalibration(), displayId: 2 }, R: { ...defaultScreenCalibration(), displayId: 2 } } });
    const check = checkMapping(both, [d(1, 0, true), d(2, 1920)]);
    expect(check.issues.filter((i) => i.code === 'shared-display').map((i) => i.screenIds)).toEqual([['L', 'R']]);
    // Without display information (the web host) the shared display is still seen.
    expect(checkMapping(both, null).issues.map((i) => i.code)).toEqual(['shared-display']);
  });
});

describe('window plan with content rotation', () => {
  const portrait = wall([screen('P', { row: 0, col: 0 }, { rotation: 90 })]);
  const landscape: DetectedDisplay[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1, rotation: 0, primary: true }, { id: 2, bounds: { x: 1280, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0 }];

  it('says a portrait screen on an unrotated display needs turning, in the OS or by content rotation', () => {
    const plan = planScreenWindows(portrait, landscape);
    expect(plan.windows[0]?.mismatch).toBe('display 2 gives 1920×1080 px but screen P is 1080×1920 px (after 90° rotation); the page will be scaled to fit unless the display is rotated in the OS or the screen gets a content rotation (technician tools)');
  });

  it('has nothing to say once the renderer turns the picture', () => {
    const plan = planScreenWindows(portrait, landscape, undefined, { contentRotation: () => 270 });
    expect(plan.windows[0]?.mismatch).toBeUndefined();
  });
});
