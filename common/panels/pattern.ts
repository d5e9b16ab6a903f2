import { z } from 'zod';
import { HexColour } from './colour.js';

// Patterns drawn in canvas coordinates, so a pattern spanning screens shows whether seams line up.
export const patternProps = z.strictObject({
  kind: z.enum(['crosshatch']).default('crosshatch'),
  /** Distance between grid lines in canvas px, measured from the panel's top-left corner. */
  spacing: z.number().int().min(4).max(4000).default(120),
  lineWidth: z.number().int().min(1).max(64).default(1),
  lineColor: HexColour.default('#2f5d8a'),
  background: HexColour.default('#0a1626'),
  /** Diagonal lines at ±45°, which show a misaligned seam best. */
  diagonals: z.boolean().default(false),
});
