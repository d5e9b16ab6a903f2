import type { Colour } from './schema.js';

// A screen's colour settings as one SVG feComponentTransfer per channel, type "gamma":
//   out = amplitude · in^exponent + offset   (in, out in 0…1, sRGB values, clamped by the filter)
// gain, gamma, contrast and brightness fold into that one function exactly:
//   out = contrast · (gain · in^(1/gamma) − ½) + ½ + brightness
// so a screen costs one colour lookup per pixel, however many settings are changed.

export interface ChannelTransfer {
  amplitude: number;
  exponent: number;
  offset: number;
}

export interface ColourTransfer {
  r: ChannelTransfer;
  g: ChannelTransfer;
  b: ChannelTransfer;
}

export function colourTransfer(colour: Colour): ColourTransfer {
  const contrast = colour.contrast / 100;
  const exponent = 1 / colour.gamma;
  const offset = 0.5 * (1 - contrast) + colour.brightness / 100;
  const channel = (gain: number): ChannelTransfer => ({ amplitude: round6(contrast * (gain / 100)), exponent: round6(exponent), offset: round6(offset) });
  return { r: channel(colour.gain.r), g: channel(colour.gain.g), b: channel(colour.gain.b) };
}

/** One channel's output for an 8-bit input, as the filter computes it (before the browser's own rounding). */
export function transferValue(t: ChannelTransfer, input: number): number {
  const v = t.amplitude * Math.pow(input / 255, t.exponent) + t.offset;
  return Math.min(255, Math.max(0, v * 255));
}

/** The 256-entry lookup table of one channel, rounded to 8 bits. */
export function transferTable(t: ChannelTransfer): number[] {
  return Array.from({ length: 256 }, (_, i) => Math.round(transferValue(t, i)));
}

/** An sRGB colour through the screen's settings, rounded to 8 bits. */
export function applyColour(colour: Colour, rgb: readonly [number, number, number]): [number, number, number] {
  const t = colourTransfer(colour);
  return [Math.round(transferValue(t.r, rgb[0])), Math.round(transferValue(t.g, rgb[1])), Math.round(transferValue(t.b, rgb[2]))];
}

// Six decimals are far below one 8-bit step and keep the filter attributes short and stable.
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
