import { z } from 'zod';

/** CSS hex colour (#rgb, #rrggbb or #rrggbbaa): the only colour form config accepts. */
export const HexColour = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'use a hex colour such as "#0b3d91"');
