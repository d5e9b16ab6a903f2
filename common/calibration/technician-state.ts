import { z } from 'zod';
import { RectSchema } from '../wall/schema.js';
import { ProfileSummarySchema } from './profile.js';
import { CalibrationStateSchema, initialCalibrationState, type Calibration } from './schema.js';
import { TestPatternSchema } from './test-pattern.js';

// The technician's part of the wall state, in one field so the rest of the state stays as it was.

/** An OS display as the Electron shell reports it (DIP bounds, global desktop coordinates). */
export const DetectedDisplaySchema = z.strictObject({
  id: z.number().int(),
  label: z.string().max(200).optional(),
  bounds: RectSchema,
  scaleFactor: z.number().positive(),
  rotation: z.number(),
  primary: z.boolean().optional(),
  internal: z.boolean().optional(),
});

/** A browser page opened at /screen without a screen id, waiting to be given a wall position. */
export const PendingPageSchema = z.strictObject({
  code: z.string().regex(/^[A-Z2-9]{6}$/),
  since: z.number(),
  /** Set by the technician; the page then reopens as that screen. */
  assignedTo: z.string().nullable(),
});
export type PendingPage = z.infer<typeof PendingPageSchema>;

export const TechnicianStateSchema = z.strictObject({
  calibration: CalibrationStateSchema,
  testPattern: TestPatternSchema.nullable(),
  /** The screen selected on the console: it blinks on the wall. */
  selectedScreenId: z.string().nullable(),
  /** null: this host cannot see displays (the web host); the page pairing is used instead. */
  displays: z.array(DetectedDisplaySchema).nullable(),
  pendingPages: z.array(PendingPageSchema),
  profiles: z.array(ProfileSummarySchema),
});
export type TechnicianState = z.infer<typeof TechnicianStateSchema>;

export function initialTechnicianState(applied?: Calibration): TechnicianState {
  return {
    calibration: initialCalibrationState(applied),
    testPattern: null,
    selectedScreenId: null,
    displays: null,
    pendingPages: [],
    profiles: [],
  };
}
