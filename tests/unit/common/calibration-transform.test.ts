import { describe, expect, it } from 'vitest';
import { applyMatrix, cssMatrix, fitScale, isIdentity, multiply, rotationMatrix, screenTransform, translation, type ScreenTransformInput } from '../../../common/calibration/transform.js';

const base: ScreenTransformInput = { window: { width: 1920, height: 1080 }, content: { width: 1920, height: 1080 }, offset: { x: 0, y: 0 }, overscan: { x: 0, y: 0 }, rotation: 0 };
const corners = (w: number, h: number) => [[0, 0], [w, 0], [w, h], [0, h]] as const;
const map = (input: ScreenTransformInput, pts: ReadonlyArray<readonly [number, number]>) => pts.map(([x, y]) => applyMatrix(screenTransform(input), x, y));

describe('screen transform', () => {
  it('is the identity for a screen shown at its own resolution with nothing set', () => {
    const m = screenTransform(base);
    expect(isIdentity(m)).toBe(true);
    expect(cssMatrix(m)).toBe('matrix(1, 0, 0, 1, 0, 0)');
  });

  it('fits a window of another size uniformly from the top-left corner (as before calibration)', () => {
    expect(fitScale({ ...base, window: { width: 960, height: 540 } })).toBe(0.5);
    expect(screenTransform({ ...base, window: { width: 960, height: 600 } })).toEqual({ a: 0.5, b: 0, c: 0, d: 0.5, e: 0, f: 0 });
  });

  it('moves the picture by the offset in whole pixels', () => {
    expect(map({ ...base, offset: { x: 3, y: -2 } }, [[0, 0], [100, 50]])).toEqual([{ x: 3, y: -2 }, { x: 103, y: 48 }]);
  });

  it('shrinks the picture into what an overscanning panel leaves visible', () => {
    const got = map({ ...base, overscan: { x: 20, y: 10 } }, corners(1920, 1080)).map((p) => ({ x: Math.round(p.x * 1e6) / 1e6, y: Math.round(p.y * 1e6) / 1e6 }));
    expect(got).toEqual([{ x: 20, y: 10 }, { x: 1900, y: 10 }, { x: 1900, y: 1070 }, { x: 20, y: 1070 }]);
  });

  it('turns the picture clockwise for a display the OS does not rotate', () => {
    // A portrait slice (1080 × 1920) on a landscape window (1920 × 1080): turned, it fills the window.
    const portrait = { ...base, content: { width: 1080, height: 1920 } };
    // 90°: the picture's top-left corner goes to the window's top-right.
    expect(map({ ...portrait, rotation: 90 }, corners(1080, 1920))).toEqual([{ x: 1920, y: 0 }, { x: 1920, y: 1080 }, { x: 0, y: 1080 }, { x: 0, y: 0 }]);
    // 270°: to the bottom-left.
    expect(map({ ...portrait, rotation: 270 }, corners(1080, 1920))).toEqual([{ x: 0, y: 1080 }, { x: 0, y: 0 }, { x: 1920, y: 0 }, { x: 1920, y: 1080 }]);
    // 180° keeps the size and swaps opposite corners.
    expect(map({ ...base, rotation: 180 }, corners(1920, 1080))).toEqual([{ x: 1920, y: 1080 }, { x: 0, y: 1080 }, { x: 0, y: 0 }, { x: 1920, y: 0 }]);
  });

  it('applies offset as seen on the wall, whatever the turn', () => {
    // Upright content moved right by 5 px: on a 90°-turned window that is 5 px down in window pixels.
    const portrait = { ...base, content: { width: 1080, height: 1920 }, rotation: 90 as const };
    const a = map(portrait, [[0, 0]])[0]!;
    const b = map({ ...portrait, offset: { x: 5, y: 0 } }, [[0, 0]])[0]!;
    expect({ dx: b.x - a.x, dy: b.y - a.y }).toEqual({ dx: 0, dy: 5 });
  });

  it('keeps every pixel on whole pixels for whole offsets and turns (no resampling)', () => {
    for (const rotation of [0, 90, 180, 270] as const) {
      const content = rotation % 180 ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 };
      const m = screenTransform({ ...base, content, rotation, offset: { x: 7, y: -3 } });
      for (const v of Object.values(m)) expect(Number.isInteger(v)).toBe(true);
    }
  });

  it('composes matrices in order (apply the right one first)', () => {
    const m = multiply(translation(10, 0), rotationMatrix(90, { width: 4, height: 2 }));
    expect(applyMatrix(m, 0, 0)).toEqual({ x: 12, y: 0 });
  });
});
