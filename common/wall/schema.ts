import { z } from 'zod';
import { WebOriginsSchema } from '../web-origins.js';

// Wall configuration as a technician writes it (config/walls/*.json). Units: px for pixels,
// mm for physical sizes. Strict objects so a misspelt field is an error, not silently ignored.

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'use 1–32 letters, digits, "-" or "_" (e.g. "A1")');
const positiveInt = z.number().int().positive();
const mm = z.number().nonnegative().max(1000);

export const RectSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: positiveInt,
  height: positiveInt,
});
export type Rect = z.infer<typeof RectSchema>;

export const EdgesMmSchema = z.strictObject({ top: mm, right: mm, bottom: mm, left: mm });
export type EdgesMm = z.infer<typeof EdgesMmSchema>;

export const RotationSchema = z.literal([0, 90, 180, 270]);
export type Rotation = z.infer<typeof RotationSchema>;

/** Grid cell (row, col from 0) or an explicit canvas position in px for irregular walls. */
export const ScreenPositionSchema = z.union([
  z.strictObject({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() }),
  z.strictObject({ x: z.number().int(), y: z.number().int() }),
]);
export type ScreenPosition = z.infer<typeof ScreenPositionSchema>;

/** Which OS display shows this screen; `rect` picks a region of a Mosaic/Eyefinity display (DIP). */
export const DisplayAssignmentSchema = z.strictObject({
  id: z.number().int(),
  rect: RectSchema.optional(),
});
export type DisplayAssignment = z.infer<typeof DisplayAssignmentSchema>;

export const ScreenSchema = z
  .strictObject({
    id,
    name: z.string().min(1).max(80),
    number: positiveInt.optional(),
    resolution: z.strictObject({ width: positiveInt.max(16384), height: positiveInt.max(16384) }),
    activeAreaMm: z.strictObject({ width: z.number().positive().max(5000), height: z.number().positive().max(5000) }),
    bezelMm: EdgesMmSchema,
    rotation: RotationSchema.default(0),
    position: ScreenPositionSchema,
    display: DisplayAssignmentSchema.optional(),
  })
  .superRefine((s, ctx) => {
    const { width, height } = s.activeAreaMm;
    if (!(width > 0 && height > 0)) return; // the size itself is already reported
    if (s.bezelMm.left + s.bezelMm.right >= width) {
      ctx.addIssue({
        code: 'custom',
        path: ['bezelMm'],
        message: `left + right bezel (${s.bezelMm.left + s.bezelMm.right} mm) must be less than the active width (${width} mm); bezels are the frame width of one edge, usually 0.5–10 mm`,
      });
    }
    if (s.bezelMm.top + s.bezelMm.bottom >= height) {
      ctx.addIssue({
        code: 'custom',
        path: ['bezelMm'],
        message: `top + bottom bezel (${s.bezelMm.top + s.bezelMm.bottom} mm) must be less than the active height (${height} mm)`,
      });
    }
  });
export type ScreenConfig = z.infer<typeof ScreenSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const WallSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  name: z.string().min(1).max(120),
  bezelCompensation: z.boolean().default(true),
  screens: z.array(ScreenSchema).min(1, 'a wall needs at least one screen').max(256),
  console: z.strictObject({ displayId: z.number().int().optional() }).optional(),
  /** Other origins the wall may load: web page panels (frames) and map tile servers (tiles). */
  webOrigins: WebOriginsSchema.optional(),
  /** The centre's time zone: every date on the console and the wall is shown in it (default Asia/Ho_Chi_Minh). */
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, { message: 'not a time zone known to this system; use an IANA name such as "Asia/Ho_Chi_Minh"' })
    .optional(),
});
export type WallConfig = z.infer<typeof WallSchema>;
/** The JSON as written, before defaults are filled in. */
export type WallConfigInput = z.input<typeof WallSchema>;
