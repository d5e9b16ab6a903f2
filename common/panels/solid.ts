import { z } from 'zod';
import { HexColour } from './colour.js';

export const solidProps = z.strictObject({ color: HexColour.default('#10243e') });
