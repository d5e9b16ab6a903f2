import { describe, expect, it } from 'vitest';
import { applyColour, colourTransfer, transferTable, transferValue } from '../../../common/calibration/colour.js';
import { isNeutralColour, neutralColour, type Colour } from '../../../common/calibration/schema.js';

// The screen's colour pipeline stated independently: gain, then gamma, then contrast around
// mid-grey, then brightness; out of 0…1 is clipped; 8-bit in and out.
function exact(c: Colour, channel: 'r' | 'g' | 'b', input: number): number {
  const x = input / 255;
  const gained = (c.gain[channel] / 100) * Math.pow(x, 1 / c.gamma);
  const contrasted = (c.contrast / 100) * (gained - 0.5) + 0.5;
  const out = contrasted + c.brightness / 100;
  return Math.min(1, Math.max(0, out)) * 255;
}
const reference = (c: Colour, channel: 'r' | 'g' | 'b', input: number) => Math.round(exact(c, channel, input));
const isTie = (v: number) => Math.abs((v % 1) - 0.5) < 1e-6;

const colour = (change: Partial<Colour>): Colour => ({ ...neutralColour(), ...change });

describe('colour transfer (feComponentTransfer type="gamma")', () => {
  it('is the identity for neutral settings, and neutral is recognised', () => {
    const t = colourTransfer(neutralColour());
    expect(t.r).toEqual({ amplitude: 1, exponent: 1, offset: 0 });
    expect(transferTable(t.g)).toEqual(Array.from({ length: 256 }, (_, i) => i));
    expect(isNeutralColour(neutralColour())).toBe(true);
    expect(isNeutralColour(colour({ gamma: 1.01 }))).toBe(false);
  });

  it('folds brightness, contrast, gamma and gain into one function per channel, exactly', () => {
    const cases: Colour[] = [
      colour({ brightness: 20 }),
      colour({ brightness: -15, contrast: 130 }),
      colour({ gamma: 2.2 }),
      colour({ gamma: 0.6, contrast: 80, gain: { r: 95, g: 100, b: 110 } }),
      { brightness: 5, contrast: 120, gamma: 1.4, gain: { r: 50, g: 150, b: 100 } },
    ];
    for (const c of cases) {
      const t = colourTransfer(c);
      for (const ch of ['r', 'g', 'b'] as const) {
        const table = transferTable(t[ch]);
        // Only a value sitting exactly on .5 may round the other way (floating arithmetic), by one step.
        const wrong = table.flatMap((v, i) => (v === reference(c, ch, i) || (isTie(exact(c, ch, i)) && Math.abs(v - reference(c, ch, i)) === 1) ? [] : [`${i}: ${v} vs ${exact(c, ch, i)}`]));
        expect(wrong, `${JSON.stringify(c)} ${ch}`).toEqual([]);
      }
    }
  });

  it('brightness +20 % lifts mid-grey by 51 levels and clips white', () => {
    expect(applyColour(colour({ brightness: 20 }), [128, 0, 255])).toEqual([179, 51, 255]);
  });

  it('gamma above 1 lifts mid-tones and keeps black and white', () => {
    const t = colourTransfer(colour({ gamma: 2 })).g;
    expect(transferValue(t, 0)).toBe(0);
    expect(transferValue(t, 255)).toBe(255);
    expect(Math.round(transferValue(t, 64))).toBe(Math.round(Math.sqrt(64 / 255) * 255));
  });

  it('gains act on their own channel only', () => {
    expect(applyColour(colour({ gain: { r: 50, g: 100, b: 100 } }), [200, 200, 200])).toEqual([100, 200, 200]);
  });

  it('contrast pivots on mid-grey', () => {
    const c = colour({ contrast: 150 });
    expect(applyColour(c, [128, 128, 128])[0]).toBe(128);
    expect(applyColour(c, [64, 64, 64])[0]).toBe(32);
  });
});
