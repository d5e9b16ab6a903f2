import { z } from 'zod';
import { ProfileFileSchema, ProfileNameSchema, ProfileSummarySchema, MAX_PROFILE_TEXT } from './calibration/profile.js';
import { RotationSchema } from './wall/schema.js';
import { TestPatternSchema } from './calibration/test-pattern.js';
import { TECHNICIANS, type ChannelSpec } from './channel-spec.js';
import type { InvokeMaker } from './bind-bridge.js';

// The technician's channels (identify, test patterns, calibration, profiles, display mapping), merged
// into invokeChannels by contract.ts. Calibration values arrive as any finite number: the core clamps
// them into range and says which it moved, rather than refusing the whole change.

const revision = z.number().int().nonnegative();
const finite = z.number().finite();
const screenId = z.string().min(1).max(64);
const profileId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Bezels as seen on the wall (the core turns them back to the panel's own edges for rotated screens). */
const EdgesPatch = z.strictObject({ top: finite.optional(), right: finite.optional(), bottom: finite.optional(), left: finite.optional() });
const XYPatch = z.strictObject({ x: finite.optional(), y: finite.optional() });

export const CalibrationPatchSchema = z.strictObject({
  bezelMm: EdgesPatch.optional(),
  offset: XYPatch.optional(),
  overscan: XYPatch.optional(),
  rotation: RotationSchema.optional(),
  colour: z
    .strictObject({
      brightness: finite.optional(),
      contrast: finite.optional(),
      gamma: finite.optional(),
      gain: z.strictObject({ r: finite.optional(), g: finite.optional(), b: finite.optional() }).optional(),
    })
    .optional(),
  /** null: back to the wall file's display (or the next free one). */
  displayId: z.number().int().nullable().optional(),
});
export type CalibrationPatch = z.infer<typeof CalibrationPatchSchema>;

export const ClampNoteSchema = z.strictObject({
  path: z.string(),
  requested: z.number(),
  applied: z.number(),
  min: z.number(),
  max: z.number(),
  unit: z.string(),
});

export const CalibrationAnswerSchema = z.strictObject({ revision, clamped: z.array(ClampNoteSchema) });
export type CalibrationAnswer = z.infer<typeof CalibrationAnswerSchema>;

export const ResetPartSchema = z.enum(['geometry', 'colour', 'mapping']);

const console_ = ['console'] as const;

export const technicianChannels = {
  /** The selected screen blinks on the wall; null: none. */
  'tech:selectScreen': { request: z.strictObject({ screenId: screenId.nullable() }), response: revision, roles: console_, users: TECHNICIANS },
  'tech:setTestPattern': { request: z.strictObject({ testPattern: TestPatternSchema.nullable() }), response: revision, roles: console_, users: TECHNICIANS },
  /** Change the draft (previewed on the wall); screenId null: every screen. */
  'calibration:set': { request: z.strictObject({ screenId: screenId.nullable(), set: CalibrationPatchSchema }), response: CalibrationAnswerSchema, roles: console_, users: TECHNICIANS },
  'calibration:reset': { request: z.strictObject({ screenId: screenId.nullable(), parts: z.array(ResetPartSchema).min(1) }), response: revision, roles: console_, users: TECHNICIANS },
  /** Apply the draft. A mapping with errors needs acceptIssues. */
  'calibration:confirm': { request: z.strictObject({ acceptIssues: z.boolean() }), response: revision, roles: console_, users: TECHNICIANS },
  'calibration:cancel': { request: z.strictObject({}), response: revision, roles: console_, users: TECHNICIANS },
  /** One step back: the calibration applied before the last confirm. */
  'calibration:undo': { request: z.strictObject({}), response: revision, roles: console_, users: TECHNICIANS },
  'profiles:save': { request: z.strictObject({ name: ProfileNameSchema }), response: ProfileSummarySchema, roles: console_, users: TECHNICIANS },
  /** Load a saved profile into the draft, to preview and then confirm. */
  'profiles:load': { request: z.strictObject({ id: profileId }), response: revision, roles: console_, users: TECHNICIANS },
  'profiles:remove': { request: z.strictObject({ id: profileId }), response: revision, roles: console_, users: TECHNICIANS },
  'profiles:export': { request: z.strictObject({ id: profileId }), response: ProfileFileSchema, roles: console_, users: TECHNICIANS, quiet: true },
  /** A profile file's text: all or nothing, into the draft; refused with every problem, a line each ("path: message"). */
  'profiles:import': { request: z.strictObject({ text: z.string().max(MAX_PROFILE_TEXT) }), response: revision, roles: console_, users: TECHNICIANS },
  /** Give a waiting /screen page a wall position; replace: even if that position already has a page. */
  'pages:assign': { request: z.strictObject({ code: z.string().regex(/^[A-Z2-9]{6}$/), screenId, replace: z.boolean() }), response: revision, roles: console_, users: TECHNICIANS },
} as const satisfies Record<string, ChannelSpec>;

export type TechnicianChannel = keyof typeof technicianChannels;
export type TechnicianRequest<C extends TechnicianChannel> = z.output<(typeof technicianChannels)[C]['request']>;
type Req<C extends TechnicianChannel> = z.input<(typeof technicianChannels)[C]['request']>;

export function isTechnicianChannel(name: string): name is TechnicianChannel {
  return Object.hasOwn(technicianChannels, name);
}

/** The technician's bridge functions, each tied to its one channel; bound with the wall's in contract.ts. */
export const technicianBridgeInvokes = {
  selectScreen: (screenId: string | null) => ['tech:selectScreen', { screenId }],
  setTestPattern: (testPattern: Req<'tech:setTestPattern'>['testPattern']) => ['tech:setTestPattern', { testPattern }],
  setCalibration: (screenId: string | null, set: CalibrationPatch) => ['calibration:set', { screenId, set }],
  resetCalibration: (screenId: string | null, parts: Req<'calibration:reset'>['parts']) => ['calibration:reset', { screenId, parts }],
  confirmCalibration: (acceptIssues: boolean) => ['calibration:confirm', { acceptIssues }],
  cancelCalibration: () => ['calibration:cancel', {}],
  undoCalibration: () => ['calibration:undo', {}],
  saveProfile: (name: string) => ['profiles:save', { name }],
  loadProfile: (id: string) => ['profiles:load', { id }],
  removeProfile: (id: string) => ['profiles:remove', { id }],
  exportProfile: (id: string) => ['profiles:export', { id }],
  importProfile: (text: string) => ['profiles:import', { text }],
  assignPage: (code: string, screenId: string, replace: boolean) => ['pages:assign', { code, screenId, replace }],
} as const satisfies Record<string, InvokeMaker<TechnicianChannel>>;
