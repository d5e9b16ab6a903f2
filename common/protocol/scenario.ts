import { z } from 'zod';
import { LayoutSchema } from '../wall/layout-schema.js';
import { AlertSeveritySchema, DataKeySchema } from './data.js';
import { ActorSchema, IdSchema, latitude, LocalizedSchema, longitude, MillisSchema, RevisionSchema, RoleSchema, text } from './primitives.js';

// A scenario is a prepared response: a layout for one wall plus what the leader needs to know.
// `version` counts edits of the scenario itself; activations are numbered per wall (`revision`).

export const SeveritySchema = z.enum(['normal', 'advisory', 'warning', 'emergency']);
export type Severity = z.infer<typeof SeveritySchema>;

const MapExtentSchema = z
  .strictObject({ west: longitude, south: latitude, east: longitude, north: latitude })
  .refine((e) => e.west < e.east && e.south < e.north, { message: 'west must be less than east and south less than north' });

/**
 * One step of the response procedure. `role`: the console role that takes care of it (a leader or an
 * administrator may tick any step); `dueMinutes`: overdue when not done this long after activation.
 */
export const ChecklistStepSchema = z.strictObject({
  id: IdSchema,
  text: LocalizedSchema,
  role: RoleSchema.exclude(['system']).optional(),
  dueMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
});
export type ChecklistStep = z.infer<typeof ChecklistStepSchema>;

const BindingSchema = z.strictObject({
  key: DataKeySchema,
  /** The panel that shows it; absent for keys the scenario needs without a panel (rules, the console). */
  panelId: IdSchema.optional(),
  label: LocalizedSchema.optional(),
});

export const ScenarioSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: IdSchema,
    version: z.number().int().positive(),
    name: LocalizedSchema,
    description: LocalizedSchema.optional(),
    severity: SeveritySchema,
    layout: LayoutSchema,
    mapExtent: MapExtentSchema,
    dataBindings: z.array(BindingSchema).max(500),
    /** Steps of the response: shown with the confirmation, then ticked live while the scenario is active. */
    checklist: z.array(ChecklistStepSchema).max(50).optional(),
    /** Return to the previous scenario after this long, unless another activation came first. */
    autoRevertSeconds: z.number().int().min(60).max(7 * 24 * 3600).optional(),
    /** A rule may switch the wall to this scenario without a leader when its finding is at least this severe; absent: rules only propose it. */
    ruleActivation: z.strictObject({ minSeverity: AlertSeveritySchema }).optional(),
    /** Cameras operators put on the wall by hand: cleared when this scenario is activated (default), or kept where they fit. */
    handCameras: z.enum(['clear', 'keep']).optional(),
  })
  .superRefine((s, ctx) => {
    const panels = new Set(s.layout.panels.map((p) => p.id));
    s.dataBindings.forEach((b, i) => {
      if (b.panelId !== undefined && !panels.has(b.panelId)) {
        ctx.addIssue({ code: 'custom', path: ['dataBindings', i, 'panelId'], message: `no panel "${b.panelId}" in the layout` });
      }
    });
  });
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

export const ActivationSourceSchema = z.enum(['console', 'rest', 'rule', 'auto-revert', 'adopted']);

/** One activation of a scenario on one wall; `applyAt` is the moment every screen swaps (hub clock). */
export const ActivationSchema = z.strictObject({
  wallId: IdSchema,
  revision: RevisionSchema,
  scenario: ScenarioSchema,
  activatedBy: ActorSchema,
  source: ActivationSourceSchema,
  /** The node the request came through, when it came through one. */
  via: text(200).optional(),
  activatedAt: MillisSchema,
  applyAt: MillisSchema,
});
export type Activation = z.infer<typeof ActivationSchema>;

export const ScreenOutcomeSchema = z.enum(['pending', 'applied', 'failed', 'offline', 'timeout']);
export type ScreenOutcome = z.infer<typeof ScreenOutcomeSchema>;

const ScreenResultSchema = z.strictObject({
  screenId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/),
  status: ScreenOutcomeSchema,
  message: z.string().max(500).optional(),
  at: MillisSchema,
});
export type ScreenResult = z.infer<typeof ScreenResultSchema>;

/** A node's report of how far each of its screens got with one revision. */
export const WallAckSchema = z.strictObject({
  wallId: IdSchema,
  revision: RevisionSchema,
  screens: z.array(ScreenResultSchema).min(1).max(256),
});
export type WallAck = z.infer<typeof WallAckSchema>;

/** The hub's verdict across all nodes of a wall, sent to every node of it (for the console). */
export const ActivationResultSchema = z.strictObject({
  wallId: IdSchema,
  revision: RevisionSchema,
  scenarioId: IdSchema,
  /** applied: every screen; partial: some; failed: none (or no screen at all); superseded: a newer revision came first. */
  outcome: z.enum(['pending', 'applied', 'partial', 'failed', 'superseded']),
  screens: z.array(ScreenResultSchema.extend({ nodeId: IdSchema })).max(256),
  updatedAt: MillisSchema,
});
export type ActivationResult = z.infer<typeof ActivationResultSchema>;

export const ScenarioCatalogSchema = z.strictObject({ wallId: IdSchema, scenarios: z.array(ScenarioSchema).max(100) });
export type ScenarioCatalog = z.infer<typeof ScenarioCatalogSchema>;

export const ProposalSchema = z.strictObject({
  id: IdSchema,
  wallId: IdSchema,
  scenarioId: IdSchema,
  reason: LocalizedSchema,
  ruleId: IdSchema,
  createdAt: MillisSchema,
});
export type Proposal = z.infer<typeof ProposalSchema>;
