import { z } from 'zod';
import { HexColour } from './colour.js';

export const textProps = z.strictObject({
  /** Vietnamese text first; `textEn` is shown when the wall language is English. */
  text: z.string().min(1).max(2000),
  textEn: z.string().max(2000).optional(),
  color: HexColour.default('#ffffff'),
  background: HexColour.default('#00000000'),
  /** Font size in canvas px, so text keeps its size across screens. */
  fontSize: z.number().positive().max(2000).default(64),
  align: z.enum(['left', 'center', 'right']).default('center'),
});
