import { z } from 'zod';
import { WallSchema } from './wall/schema.js';
import { LayoutSchema } from './wall/layout-schema.js';
import { ActorSchema, LocalizedSchema } from './protocol/primitives.js';
import { ActivationSourceSchema, SeveritySchema } from './protocol/scenario.js';
import { TechnicianStateSchema } from './calibration/technician-state.js';
import { ProcedureSchema } from './procedure.js';
import { OverridesSchema } from './overrides.js';

// The wall state owned by the main process. Windows hold a read-only copy: a snapshot,
// then patches; each carries the revision it produces.

export const LanguageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const ProblemSchema = z.strictObject({
  code: z.string(),
  message: z.string(),
  where: z.string().optional(),
  at: z.number(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** The scenario the wall shows. Times are on this node's clock (converted from the hub's). */
export const ScenarioStateSchema = z.strictObject({
  id: z.string(),
  name: LocalizedSchema,
  severity: SeveritySchema,
  /** The hub's revision for this wall (not the state revision). */
  revision: z.number().int().nonnegative(),
  activatedBy: ActorSchema,
  source: z.union([ActivationSourceSchema, z.literal('local')]),
  activatedAt: z.number(),
  /** Every screen swaps to the new layout at this moment (prepared off-screen before). */
  applyAt: z.number(),
  /** Applied on this node only, while the hub was unreachable; the hub's state replaces it on reconnect. */
  local: z.boolean(),
});
export type ScenarioState = z.infer<typeof ScenarioStateSchema>;

export const BackendStatusSchema = z.strictObject({
  /** off: no backend configured; lost: was connected, is not now (since `since`). */
  state: z.enum(['off', 'connecting', 'connected', 'lost']),
  since: z.number().nullable(),
  hubUrl: z.string().nullable(),
  /** Why the last attempt failed, for the console. */
  message: z.string().max(500).optional(),
});
export type BackendStatus = z.infer<typeof BackendStatusSchema>;

export const WallStateSchema = z.strictObject({
  revision: z.number().int().nonnegative(),
  wall: WallSchema,
  layout: LayoutSchema,
  language: LanguageSchema,
  /** Screen identification overlay shown on every screen. */
  identify: z.boolean(),
  /** Config problems the console must show (the wall keeps its last good state). */
  problems: z.array(ProblemSchema),
  /** Optional only so states built before scenarios existed still type-check; WallCore always sets both. */
  scenario: ScenarioStateSchema.nullable().optional(),
  backend: BackendStatusSchema.optional(),
  /** Calibration, test pattern, selected screen, displays, waiting pages, profiles; WallCore always sets it. */
  technician: TechnicianStateSchema.optional(),
  /**
   * The data shown are not live: kept from before a restart, or the hub is unreachable (since `since`).
   * Screens mark them with their age; null once the hub is connected again.
   */
  dataStale: z.strictObject({ since: z.number() }).nullable().optional(),
  /** The active scenario's live checklist (electron/wall/procedure); null when none runs. */
  procedure: ProcedureSchema.nullable().optional(),
  /** Cameras put on the wall by hand, over `layout` (which stays as saved): see common/overrides.ts. */
  overrides: OverridesSchema.optional(),
});
export type WallState = z.infer<typeof WallStateSchema>;

export const StatePatchSchema = z.strictObject({
  /** The revision this patch produces; it applies only on top of revision - 1. */
  revision: z.number().int().positive(),
  set: WallStateSchema.omit({ revision: true }).partial(),
});
export type StatePatch = z.infer<typeof StatePatchSchema>;

/** Apply a patch, or return null when it does not follow `state` (the caller then asks for a snapshot). */
export function applyPatch(state: WallState, patch: StatePatch): WallState | null {
  if (patch.revision !== state.revision + 1) return null;
  return { ...state, ...patch.set, revision: patch.revision };
}

export const ScreenReportSchema = z.strictObject({
  screenId: z.string().min(1).max(64),
  appliedRevision: z.number().int().nonnegative(),
  state: z.enum(['ready', 'error']),
  message: z.string().max(500).optional(),
  viewport: z.strictObject({ width: z.number(), height: z.number() }).optional(),
});
export type ScreenReport = z.infer<typeof ScreenReportSchema>;

/** Something wrong with one panel on a screen (a camera without picture, a panel that crashed): for the console and the log. */
export const PanelFaultSchema = z.strictObject({
  panelId: z.string().min(1).max(64),
  /** Which part of the panel: a camera's id in a camera grid; empty for the panel as a whole. */
  subject: z.string().max(64),
  kind: z.enum(['crashed', 'camera', 'map']),
  message: z.string().max(300),
  /** When the page first saw it (ms since the epoch, the page's clock). */
  since: z.number(),
});
export type PanelFault = z.infer<typeof PanelFaultSchema>;
export const MAX_PANEL_FAULTS = 50;
export const ScreenFaultsSchema = z.strictObject({
  screenId: z.string().min(1).max(64),
  faults: z.array(PanelFaultSchema).max(MAX_PANEL_FAULTS),
});
export type ScreenFaults = z.infer<typeof ScreenFaultsSchema>;

/** A screen page's frame rate, missed frames and memory over its last sample (renderer/screen/frame-meter.ts). */
export const ScreenFramesSchema = z.strictObject({
  screenId: z.string().min(1).max(64),
  fps: z.number().min(0).max(1000),
  droppedFrames: z.number().int().min(0).max(1_000_000),
  /** Chromium's performance.memory (JS heap in use), MiB; null where the browser does not say. */
  memoryMb: z.number().min(0).max(1_000_000).nullable(),
});
export type ScreenFrames = z.infer<typeof ScreenFramesSchema>;

export const ScreenStatusSchema = z.strictObject({
  screenId: z.string(),
  online: z.boolean(),
  appliedRevision: z.number().int().nonnegative().nullable(),
  state: z.enum(['ready', 'error', 'waiting']),
  message: z.string().optional(),
  lastSeen: z.number().nullable(),
  /** "electron" window or "browser" page (web host). */
  transport: z.enum(['electron', 'browser']).nullable(),
  /** The shown layout's panel faults, as the screen last reported them; none while it is offline. */
  faults: z.array(PanelFaultSchema).max(MAX_PANEL_FAULTS).optional(),
  /** The page's own account of its drawing and memory (screen:health), the last it sent; none while it is offline. */
  frames: ScreenFramesSchema.omit({ screenId: true }).optional(),
  /** Pages open as this screen now: more than one is a fault (two browsers showing the same screen). */
  pages: z.number().int().nonnegative().optional(),
  /** The window's shape is not the screen's (a rotated screen in an unrotated window): the content is squeezed. */
  shape: z.strictObject({ window: z.strictObject({ width: z.number(), height: z.number() }), screen: z.strictObject({ width: z.number(), height: z.number() }), usedPercent: z.number() }).optional(),
});
export type ScreenStatus = z.infer<typeof ScreenStatusSchema>;
