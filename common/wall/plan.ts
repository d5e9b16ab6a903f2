import type { Rect, Rotation, ScreenConfig, WallConfig } from './schema.js';
import { screenSizePx, wallCanvas } from './geometry.js';

// Which OS display each screen window opens on. Pure: the shell feeds it screen.getAllDisplays()
// and applies the result, so the decisions can be tested without Electron.

/** One OS display, as Electron reports it. Bounds are in DIP, in global desktop coordinates. */
export interface DetectedDisplay {
  id: number;
  label?: string;
  bounds: Rect;
  scaleFactor: number;
  rotation: number;
  primary?: boolean;
  internal?: boolean;
}

export interface PlannedWindow {
  screenId: string;
  displayId: number;
  bounds: Rect;
  scaleFactor: number;
  /** Set when the display's pixels differ from the screen's resolution: the page will be scaled. */
  mismatch?: string;
}

export interface WindowPlan {
  windows: PlannedWindow[];
  missing: { screenId: string; reason: string }[];
  /** Connected displays showing no screen and not the console. */
  extraDisplays: number[];
  console: { displayId: number; bounds: Rect } | null;
  problems: string[];
  /** Screen ids compared with the previous plan. */
  changes: { open: string[]; close: string[]; move: string[] };
}

const within = (inner: Rect, outer: Rect): boolean =>
  inner.x >= 0 && inner.y >= 0 && inner.x + inner.width <= outer.width && inner.y + inner.height <= outer.height;

const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export interface PlanOptions {
  /** The screens this PC drives (its node configuration); the wall's other screens get no window here. Default: all. */
  screens?: readonly string[];
  /** The clockwise turn the renderer gives a screen's picture (technician calibration) for a display the OS does not rotate. */
  contentRotation?: (screenId: string) => Rotation;
}

function windowOn(screen: ScreenConfig, display: DetectedDisplay, bounds: Rect, options: PlanOptions): PlannedWindow {
  const px = { width: Math.round(bounds.width * display.scaleFactor), height: Math.round(bounds.height * display.scaleFactor) };
  const upright = screenSizePx(screen);
  const turn = options.contentRotation?.(screen.id) ?? 0;
  // Content turned a quarter by the renderer fills a display the OS left unrotated.
  const want = turn === 90 || turn === 270 ? { width: upright.height, height: upright.width } : upright;
  const win: PlannedWindow = { screenId: screen.id, displayId: display.id, bounds, scaleFactor: display.scaleFactor };
  if (px.width !== want.width || px.height !== want.height) {
    const turned = screen.rotation ? ` (after ${screen.rotation}° rotation)` : '';
    const sideways = px.width === upright.height && px.height === upright.width;
    const fix = sideways ? 'the page will be scaled to fit unless the display is rotated in the OS or the screen gets a content rotation (technician tools)' : 'the page will be scaled to fit';
    win.mismatch = `display ${display.id} gives ${px.width}×${px.height} px but screen ${screen.id} is ${want.width}×${want.height} px${turned}; ${fix}`;
  }
  return win;
}

export function planScreenWindows(wall: WallConfig, displays: readonly DetectedDisplay[], previous?: WindowPlan, options: PlanOptions = {}): WindowPlan {
  const byId = new Map(displays.map((d) => [d.id, d]));
  const connected = displays.length ? displays.map((d) => d.id).sort((a, b) => a - b).join(', ') : 'none';
  const problems: string[] = [];
  const missing: WindowPlan['missing'] = [];
  const windows: PlannedWindow[] = [];

  // Row-major by canvas position, so auto-assignment fills the wall left to right, top to bottom.
  const { viewports } = wallCanvas(wall);
  const mine = options.screens ? new Set(options.screens) : null;
  const order = wall.screens
    .map((screen, i) => ({ screen, rect: viewports[i]?.rect ?? { x: 0, y: 0, width: 0, height: 0 } }))
    .sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x)
    .map((e) => e.screen)
    .filter((screen) => !mine || mine.has(screen.id));

  let consoleDisplay: DetectedDisplay | undefined;
  const wanted = wall.console?.displayId;
  if (wanted !== undefined) {
    consoleDisplay = byId.get(wanted);
    if (!consoleDisplay) problems.push(`console display ${wanted} is not connected (connected: ${connected}); using the primary display`);
  }
  consoleDisplay ??= displays.find((d) => d.primary) ?? displays[0];

  const claimed = new Set<number>(consoleDisplay ? [consoleDisplay.id] : []);
  const unassigned: ScreenConfig[] = [];
  for (const screen of order) {
    const assigned = screen.display;
    if (!assigned) {
      unassigned.push(screen);
      continue;
    }
    const display = byId.get(assigned.id);
    if (!display) {
      missing.push({ screenId: screen.id, reason: `assigned display ${assigned.id} not connected` });
      problems.push(`screen ${screen.id}: display ${assigned.id} is not connected (connected: ${connected}); reconnect it, or change or remove display.id`);
      continue;
    }
    claimed.add(display.id);
    const rect = assigned.rect;
    if (rect && !within(rect, display.bounds)) {
      const { width, height } = display.bounds;
      missing.push({ screenId: screen.id, reason: `display.rect lies outside display ${display.id}` });
      problems.push(`screen ${screen.id}: display.rect ${rect.width}×${rect.height} at (${rect.x}, ${rect.y}) does not fit inside display ${display.id} (${width}×${height} DIP); fix the rect`);
      continue;
    }
    const bounds = rect ? { ...rect, x: display.bounds.x + rect.x, y: display.bounds.y + rect.y } : { ...display.bounds };
    windows.push(windowOn(screen, display, bounds, options));
  }

  const free = displays
    .filter((d) => !d.primary && !claimed.has(d.id))
    .sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x);
  unassigned.forEach((screen, i) => {
    const display = free[i];
    if (display) {
      windows.push(windowOn(screen, display, { ...display.bounds }, options));
      return;
    }
    missing.push({ screenId: screen.id, reason: 'no free display' });
    problems.push(`screen ${screen.id}: no free display to show it (${free.length} free non-primary displays for ${unassigned.length} unassigned screens of this PC); connect a display, set display.id, or give the screen to another PC in the node configuration`);
  });

  const used = new Set(windows.map((w) => w.displayId));
  const extraDisplays = displays.filter((d) => !used.has(d.id) && d.id !== consoleDisplay?.id).map((d) => d.id);

  const before = new Map((previous?.windows ?? []).map((w) => [w.screenId, w]));
  const now = new Set(windows.map((w) => w.screenId));
  const changes = {
    open: windows.filter((w) => !before.has(w.screenId)).map((w) => w.screenId),
    close: [...before.keys()].filter((id) => !now.has(id)),
    move: windows
      .filter((w) => {
        const old = before.get(w.screenId);
        return old !== undefined && (old.displayId !== w.displayId || old.scaleFactor !== w.scaleFactor || !sameRect(old.bounds, w.bounds));
      })
      .map((w) => w.screenId),
  };

  return {
    windows,
    missing,
    extraDisplays,
    console: consoleDisplay ? { displayId: consoleDisplay.id, bounds: { ...consoleDisplay.bounds } } : null,
    problems,
    changes,
  };
}
