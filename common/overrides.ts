import { z } from 'zod';
import { CameraSource, CameraTour, cameraProps } from './panels/camera.js';
import type { CameraEntry } from './protocol/data.js';
import { IdSchema, ScreenIdSchema } from './protocol/primitives.js';
import type { WallCanvas } from './wall/geometry.js';
import type { Layout, Panel } from './wall/layout-schema.js';
import { RectSchema, type Rect } from './wall/schema.js';

// Temporary overrides of the layout on the wall: cameras an operator put on it by hand. The layout as
// saved (a scenario's, a library one) never changes; the wall shows it with these applied on top, in
// order. The next activation clears them unless the scenario says to keep them.

const CameraId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a camera id from the catalogue, e.g. "cau-song-han"');
export const MAX_OVERRIDES = 50;
export const ENLARGE_SECONDS = { min: 10, max: 3600, default: 60 } as const;

/** What the console asks for; the core resolves camera ids in the hub's catalogue. */
export const OverrideRequestSchema = z.discriminatedUnion('action', [
  /** Replace the camera in one cell of a camera tile (cell 0 for a one-camera tile). */
  z.strictObject({ action: z.literal('place'), cameraId: CameraId, panelId: IdSchema, cell: z.number().int().min(0).max(15) }),
  /** A new one-camera tile at a point of the wall canvas, snapped to a quarter of the screen under it. */
  z.strictObject({ action: z.literal('add'), cameraId: CameraId, x: z.number().finite(), y: z.number().finite() }),
  /** The camera over a whole screen or an area, for `seconds`, then gone by itself. */
  z.strictObject({
    action: z.literal('enlarge'),
    cameraId: CameraId,
    target: z.union([z.strictObject({ screenId: ScreenIdSchema }), z.strictObject({ rect: RectSchema })]),
    seconds: z.number().int().min(ENLARGE_SECONDS.min).max(ENLARGE_SECONDS.max),
  }),
  /** A camera tile cycles these cameras every dwellSeconds. */
  z.strictObject({ action: z.literal('tour'), panelId: IdSchema, cameraIds: z.array(CameraId).min(2).max(16), dwellSeconds: z.number().int().min(3).max(3600) }),
]);
export type OverrideRequest = z.infer<typeof OverrideRequestSchema>;

const base = { id: IdSchema, by: z.string().min(1).max(120), at: z.number() };
export const OverrideSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('place'), ...base, panelId: IdSchema, cell: z.number().int().min(0).max(15), camera: CameraSource }),
  z.strictObject({ kind: z.literal('add'), ...base, panelId: IdSchema, rect: RectSchema, camera: CameraSource }),
  z.strictObject({ kind: z.literal('enlarge'), ...base, panelId: IdSchema, rect: RectSchema, camera: CameraSource, until: z.number() }),
  z.strictObject({ kind: z.literal('tour'), ...base, panelId: IdSchema, tour: CameraTour }),
]);
export type Override = z.infer<typeof OverrideSchema>;
export const OverridesSchema = z.array(OverrideSchema).max(MAX_OVERRIDES);

/** A catalogue entry as a camera panel names it. */
export function cameraSourceOf(entry: CameraEntry): CameraSource {
  return { id: entry.id, name: entry.name.vi, nameEn: entry.name.en, ...(entry.url ? { url: entry.url } : {}) };
}

function cameraPanel(id: string, rect: Rect, z: number, camera: CameraSource, title: string): Panel {
  return { id, type: 'camera', title, rect, z, props: { cameras: [camera], grid: 1 } };
}

function withCamera(panel: Panel, cell: number, camera: CameraSource): Panel | null {
  const parsed = cameraProps.safeParse(panel.props);
  if (panel.type !== 'camera' || !parsed.success || cell >= parsed.data.grid) return null;
  // Cells fill in order and an id appears once: the camera leaves any other cell it was in.
  const others = parsed.data.cameras.filter((c) => c.id !== camera.id);
  const at = Math.min(cell, others.length);
  const cameras = [...others.slice(0, at), camera, ...others.slice(at + (at < others.length ? 1 : 0))];
  const { tour: _tour, ...rest } = panel.props as Record<string, unknown>;
  return { ...panel, props: { ...rest, cameras } };
}

function withTour(panel: Panel, tour: CameraTour): Panel | null {
  const parsed = cameraProps.safeParse(panel.props);
  if (panel.type !== 'camera' || !parsed.success) return null;
  return { ...panel, props: { ...panel.props, grid: 1, cameras: [tour.cameras[0]], tour } };
}

/** The panel an override changes or adds, from the panels it applies to; null when it no longer fits. */
function applyOne(panels: Panel[], o: Override): Panel[] | null {
  const topZ = panels.reduce((m, p) => Math.max(m, p.z), 0);
  switch (o.kind) {
    case 'add':
    case 'enlarge':
      if (panels.some((p) => p.id === o.panelId)) return null;
      return [...panels, cameraPanel(o.panelId, o.rect, topZ + 1, o.camera, o.camera.name)];
    case 'place':
    case 'tour': {
      const i = panels.findIndex((p) => p.id === o.panelId);
      const target = panels[i];
      if (!target) return null;
      const changed = o.kind === 'place' ? withCamera(target, o.cell, o.camera) : withTour(target, o.tour);
      if (!changed) return null;
      return panels.map((p, j) => (j === i ? changed : p));
    }
  }
}

/** The layout as the wall shows it: the saved layout with every override that still fits applied in order. */
export function applyOverrides(layout: Layout, overrides: readonly Override[] | undefined): Layout {
  if (!overrides?.length) return layout;
  let panels = layout.panels;
  for (const o of overrides) panels = applyOne(panels, o) ?? panels;
  return { ...layout, panels };
}

/** The overrides that still apply on `layout` (kept over a scenario switch); the rest are dropped. */
export function overridesThatFit(layout: Layout, overrides: readonly Override[]): Override[] {
  const kept: Override[] = [];
  let panels = layout.panels;
  for (const o of overrides) {
    const next = applyOne(panels, o);
    if (next) {
      panels = next;
      kept.push(o);
    }
  }
  return kept;
}

/** Whether an override can apply on top of `layout` with `overrides` (a missing tile, a full grid cell index). */
export function overrideFits(layout: Layout, overrides: readonly Override[], next: Override): boolean {
  return applyOne(applyOverrides(layout, overrides).panels, next) !== null;
}

/** A new tile at canvas point (x, y): a quarter of the screen under it, snapped to that screen's halves. */
export function newTileRect(canvas: WallCanvas, x: number, y: number): Rect | null {
  const screen = canvas.viewports.find((v) => x >= v.rect.x && x < v.rect.x + v.rect.width && y >= v.rect.y && y < v.rect.y + v.rect.height);
  if (!screen) return null;
  const { rect } = screen;
  const width = Math.round(rect.width / 2);
  const height = Math.round(rect.height / 2);
  const col = x - rect.x < width ? 0 : 1;
  const row = y - rect.y < height ? 0 : 1;
  return { x: rect.x + col * width, y: rect.y + row * height, width, height };
}

/** The canvas rect of one screen, for "enlarge to this screen". */
export function screenRect(canvas: WallCanvas, screenId: string): Rect | null {
  return canvas.viewports.find((v) => v.screenId === screenId)?.rect ?? null;
}

/** The topmost panel at a canvas point and, for a camera tile, the grid cell under it. */
export function panelAt(layout: Layout, x: number, y: number): { panel: Panel; cell: number | null } | null {
  const hits = layout.panels.filter((p) => x >= p.rect.x && x < p.rect.x + p.rect.width && y >= p.rect.y && y < p.rect.y + p.rect.height);
  const panel = hits.sort((a, b) => b.z - a.z)[0];
  if (!panel) return null;
  const parsed = panel.type === 'camera' ? cameraProps.safeParse(panel.props) : null;
  if (!parsed?.success) return { panel, cell: null };
  const side = Math.sqrt(parsed.data.grid);
  const col = Math.min(side - 1, Math.floor(((x - panel.rect.x) / panel.rect.width) * side));
  const row = Math.min(side - 1, Math.floor(((y - panel.rect.y) / panel.rect.height) * side));
  return { panel, cell: row * side + col };
}
