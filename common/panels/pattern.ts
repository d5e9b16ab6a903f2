import { z } from 'zod';
import { HexColour } from './colour.js';

// Test patterns, drawn with integer pixel fills. Crosshatch, moving bar and seam patches are in canvas
// coordinates, so one pattern spanning screens shows whether the seams line up; the others fill the
// panel they are given (the technician overlay gives each screen its own).

const crosshatch = z.strictObject({
  kind: z.literal('crosshatch'),
  /** Distance between grid lines in canvas px, measured from the panel's top-left corner. */
  spacing: z.number().int().min(4).max(4000).default(120),
  lineWidth: z.number().int().min(1).max(64).default(1),
  lineColor: HexColour.default('#2f5d8a'),
  background: HexColour.default('#0a1626'),
  /** Diagonal lines at ±45°, which show a misaligned seam best. */
  diagonals: z.boolean().default(false),
});

/** White, yellow, cyan, green, magenta, red, blue, black, at 75 % or 100 % level. */
const colourBars = z.strictObject({
  kind: z.literal('colour-bars'),
  level: z.literal([75, 100]).default(100),
});

const greyRamp = z.strictObject({
  kind: z.literal('grey-ramp'),
  /** Grey levels from black to white; 256 is a smooth ramp. */
  steps: z.number().int().min(2).max(256).default(11),
  direction: z.enum(['horizontal', 'vertical']).default('horizontal'),
});

const solid = z.strictObject({
  kind: z.literal('solid'),
  color: HexColour.default('#ffffff'),
});

const checkerboard = z.strictObject({
  kind: z.literal('checkerboard'),
  /** Square size in px; 1 is a pixel checkerboard, which shows any scaling at once. */
  cell: z.number().int().min(1).max(512).default(1),
  colorA: HexColour.default('#ffffff'),
  colorB: HexColour.default('#000000'),
});

const movingBar = z.strictObject({
  kind: z.literal('moving-bar'),
  /** Bar thickness in px. */
  width: z.number().int().min(1).max(2000).default(64),
  /** px per second along the panel; tearing shows as a broken bar edge. */
  speed: z.number().int().min(10).max(20000).default(960),
  /** horizontal: a vertical bar moving left to right; vertical: a horizontal bar moving down. */
  direction: z.enum(['horizontal', 'vertical']).default('horizontal'),
  color: HexColour.default('#ffffff'),
  background: HexColour.default('#000000'),
});

/** The same colour on both sides of every seam, for matching neighbours by eye. */
const seamPatches = z.strictObject({
  kind: z.literal('seam-patches'),
  /** Patch size in px on each side of the seam. */
  size: z.number().int().min(8).max(1000).default(120),
  background: HexColour.default('#000000'),
});

export const patternKinds = ['crosshatch', 'colour-bars', 'grey-ramp', 'solid', 'checkerboard', 'moving-bar', 'seam-patches'] as const;
export type PatternKind = (typeof patternKinds)[number];

// Layouts written before there were kinds leave it out: they mean the crosshatch.
const withKind = (v: unknown): unknown => (typeof v === 'object' && v !== null && !Array.isArray(v) && !('kind' in v) ? { kind: 'crosshatch', ...v } : v);

export const patternProps = z.preprocess(
  withKind,
  z.discriminatedUnion('kind', [crosshatch, colourBars, greyRamp, solid, checkerboard, movingBar, seamPatches]),
);
export type PatternProps = z.output<typeof patternProps>;
export type PatternOf<K extends PatternKind> = Extract<PatternProps, { kind: K }>;

/** Kinds drawn in canvas coordinates across screens; the others are drawn on each screen whole. */
export const spanningKinds: readonly PatternKind[] = ['crosshatch', 'moving-bar', 'seam-patches'];
