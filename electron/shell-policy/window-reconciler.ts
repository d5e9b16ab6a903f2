import type { DetectedDisplay, WindowPlan } from '../../common/wall/plan.js';
import { wallCanvas } from '../../common/wall/geometry.js';
import type { Rect, WallConfig } from '../../common/wall/schema.js';

// From a display plan to window actions, so the Electron shell only applies them. "wall" windows
// are frameless on their display; "preview" windows are small framed copies of the wall for a
// laptop that has fewer displays than the wall.

export type WindowStyle = 'wall' | 'preview';

export interface ScreenWindowSpec {
  screenId: string;
  displayId: number;
  bounds: Rect;
  style: WindowStyle;
  /** A whole display: the window is made fullscreen there (a Mosaic sub-rect is not). */
  fullscreen: boolean;
}

export interface ConsoleSpec {
  displayId: number | null;
  bounds: Rect;
  /** Fill the display's work area; false in preview mode, where previews share the display. */
  maximize: boolean;
}

export interface WindowLayout {
  mode: WindowStyle;
  screens: ScreenWindowSpec[];
  console: ConsoleSpec;
}

export type DisplayWithWorkArea = DetectedDisplay & { workArea?: Rect };

export type WindowAction =
  | { type: 'open'; want: ScreenWindowSpec }
  | { type: 'close'; screenId: string }
  | { type: 'reopen'; want: ScreenWindowSpec; reason: string }
  | { type: 'move'; want: ScreenWindowSpec }
  | { type: 'keep'; want: ScreenWindowSpec };

const fallbackArea: Rect = { x: 0, y: 0, width: 1280, height: 800 };
const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * Where every window goes. Preview mode when asked (--windowed) or when no screen found a display
 * of its own; otherwise screens without a display stay closed and the plan's problems say why.
 * `ownScreens`: this PC's screens (node configuration); previews are made for those only.
 */
export function layoutWindows(wall: WallConfig, plan: WindowPlan, displays: readonly DisplayWithWorkArea[], windowed: boolean, ownScreens?: readonly string[]): WindowLayout {
  const consoleDisplay = displays.find((d) => d.id === plan.console?.displayId) ?? displays[0];
  const area = consoleDisplay ? (consoleDisplay.workArea ?? consoleDisplay.bounds) : fallbackArea;
  const displayId = consoleDisplay?.id ?? null;

  if (!windowed && plan.windows.length > 0) {
    const byId = new Map(displays.map((d) => [d.id, d]));
    const screens = plan.windows.map((w): ScreenWindowSpec => {
      const display = byId.get(w.displayId);
      const fullscreen = display !== undefined && sameRect(display.bounds, w.bounds);
      return { screenId: w.screenId, displayId: w.displayId, bounds: { ...w.bounds }, style: 'wall', fullscreen };
    });
    return { mode: 'wall', screens, console: { displayId, bounds: { ...area }, maximize: true } };
  }

  // Console on the left two fifths, the wall's previews fitted into the rest, in wall arrangement.
  const consoleWidth = Math.round(area.width * 0.4);
  const previewArea = { x: area.x + consoleWidth, y: area.y, width: area.width - consoleWidth, height: area.height };
  const mine = ownScreens ? new Set(ownScreens) : null;
  const previews = previewBounds(wall, previewArea).filter((p) => !mine || mine.has(p.screenId));
  const specs = previews.map(({ screenId, bounds }): ScreenWindowSpec => ({
    screenId,
    displayId: displayId ?? 0,
    bounds,
    style: 'preview',
    fullscreen: false,
  }));
  return { mode: 'preview', screens: specs, console: { displayId, bounds: { ...area, width: consoleWidth }, maximize: false } };
}

/** The wall canvas scaled into `area`, each screen's window inset a little so the frames stay apart. */
export function previewBounds(wall: WallConfig, area: Rect, inset = 4): { screenId: string; bounds: Rect }[] {
  const canvas = wallCanvas(wall);
  const scale = Math.min(area.width / Math.max(canvas.width, 1), area.height / Math.max(canvas.height, 1));
  return canvas.viewports.map(({ screenId, rect }) => {
    const x = Math.round(area.x + rect.x * scale);
    const y = Math.round(area.y + rect.y * scale);
    const width = Math.max(1, Math.round(rect.width * scale) - 2 * inset);
    const height = Math.max(1, Math.round(rect.height * scale) - 2 * inset);
    return { screenId, bounds: { x: x + inset, y: y + inset, width, height } };
  });
}

/**
 * Actions that turn the open windows into the wanted ones: closes first, then re-creations,
 * moves and opens. A fullscreen window stays on its display by itself when the display's size
 * changes, so only a change of display re-creates it; a preview window the developer may have
 * moved is left where it is.
 */
export function reconcileWindows(open: ReadonlyMap<string, ScreenWindowSpec>, wanted: readonly ScreenWindowSpec[]): WindowAction[] {
  const wantedIds = new Set(wanted.map((w) => w.screenId));
  const closes: WindowAction[] = [...open.keys()].filter((id) => !wantedIds.has(id)).map((screenId) => ({ type: 'close', screenId }));
  const rest: WindowAction[] = wanted.map((want): WindowAction => {
    const have = open.get(want.screenId);
    if (!have) return { type: 'open', want };
    if (have.style !== want.style) return { type: 'reopen', want, reason: `${have.style} window becomes a ${want.style} window` };
    if (have.fullscreen !== want.fullscreen) return { type: 'reopen', want, reason: want.fullscreen ? 'now fills its display' : 'now a part of its display' };
    if (want.style === 'preview') return { type: 'keep', want };
    if (want.fullscreen) {
      if (have.displayId !== want.displayId) return { type: 'reopen', want, reason: `display ${have.displayId} → ${want.displayId}` };
      return { type: 'keep', want };
    }
    const moved = have.displayId !== want.displayId || !sameRect(have.bounds, want.bounds);
    return moved ? { type: 'move', want } : { type: 'keep', want };
  });
  const rank: Record<WindowAction['type'], number> = { close: 0, reopen: 1, move: 2, open: 3, keep: 4 };
  return [...closes, ...rest].sort((a, b) => rank[a.type] - rank[b.type]);
}
