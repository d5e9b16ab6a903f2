import { z } from 'zod';
import { HexColour } from './colour.js';

export const clockProps = z.strictObject({
  timeZone: z.string().min(1).default('Asia/Ho_Chi_Minh'),
  showSeconds: z.boolean().default(true),
  showDate: z.boolean().default(true),
  color: HexColour.default('#ffffff'),
  background: HexColour.default('#00000000'),
  fontSize: z.number().positive().max(2000).default(96),
});
