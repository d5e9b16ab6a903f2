import { rectsOverlap } from '../wall/geometry.js';
import { planScreenWindows, type DetectedDisplay } from '../wall/plan.js';
import type { WallConfig } from '../wall/schema.js';

// Checking a display mapping before it is applied: every wall position needs a display of its own,
// and every connected display should be part of the wall (or be the console's).

export type MappingIssueCode = 'no-display' | 'unknown-display' | 'shared-display' | 'outside-display' | 'unused-display';

export interface MappingIssue {
  code: MappingIssueCode;
  /** 'error' blocks applying without an explicit "apply anyway"; 'warning' does not. */
  severity: 'error' | 'warning';
  screenIds: string[];
  displayId: number | null;
  message: string;
}

export interface MappingCheck {
  /** What each position would show: its display, and whether it was picked automatically. */
  assignments: Record<string, { displayId: number; auto: boolean } | null>;
  issues: MappingIssue[];
  consoleDisplayId: number | null;
}

/** `displays` null: the host cannot see displays (the web host), so only the wall's own ids are checked. */
export function checkMapping(wall: WallConfig, displays: readonly DetectedDisplay[] | null): MappingCheck {
  const issues: MappingIssue[] = [];
  const screens = wall.screens;
  for (let i = 0; i < screens.length; i++) {
    for (let j = i + 1; j < screens.length; j++) {
      const [a, b] = [screens[i]!, screens[j]!];
      if (!a.display || !b.display || a.display.id !== b.display.id) continue;
      if (a.display.rect && b.display.rect && !rectsOverlap(a.display.rect, b.display.rect)) continue;
      issues.push({
        code: 'shared-display', severity: 'error', screenIds: [a.id, b.id], displayId: a.display.id,
        message: `${a.id} and ${b.id} are both on display ${a.display.id}; give one of them another display`,
      });
    }
  }
  if (displays === null) {
    const assignments = Object.fromEntries(screens.map((s) => [s.id, s.display ? { displayId: s.display.id, auto: false } : null]));
    return { assignments, issues, consoleDisplayId: null };
  }

  const plan = planScreenWindows(wall, displays);
  const assignments: MappingCheck['assignments'] = Object.fromEntries(screens.map((s) => [s.id, null]));
  for (const w of plan.windows) {
    const screen = screens.find((s) => s.id === w.screenId);
    assignments[w.screenId] = { displayId: w.displayId, auto: screen?.display === undefined };
  }
  const connected = new Set(displays.map((d) => d.id));
  for (const m of plan.missing) {
    const wanted = screens.find((s) => s.id === m.screenId)?.display?.id ?? null;
    if (wanted !== null && !connected.has(wanted)) {
      issues.push({ code: 'unknown-display', severity: 'error', screenIds: [m.screenId], displayId: wanted, message: `${m.screenId} is set to display ${wanted}, which is not connected` });
    } else if (wanted !== null) {
      issues.push({ code: 'outside-display', severity: 'error', screenIds: [m.screenId], displayId: wanted, message: `${m.screenId}: its part of display ${wanted} lies outside it` });
    } else {
      issues.push({ code: 'no-display', severity: 'error', screenIds: [m.screenId], displayId: null, message: `${m.screenId} has no display: drag a display onto it` });
    }
  }
  for (const id of plan.extraDisplays) {
    issues.push({ code: 'unused-display', severity: 'warning', screenIds: [], displayId: id, message: `display ${id} is connected but not part of the wall` });
  }
  return { assignments, issues, consoleDisplayId: plan.console?.displayId ?? null };
}

/** A stable text for the applied mapping, to see whether windows must be planned again. */
export function mappingKey(wall: WallConfig): string {
  return wall.screens.map((s) => `${s.id}:${s.display ? `${s.display.id}` : '-'}`).join(',');
}
