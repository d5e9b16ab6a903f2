import type { Scenario } from '../../common/protocol/scenario.js';
import type { ScenarioLayout } from '../../common/scenario-view.js';
import type { WallConfig } from '../../common/wall/schema.js';
import { validateLayout } from '../startup/config-loader.js';

// The layouts a screen may be switched to, as main would send them (checked against the wall the same
// way an activation is), so each screen can draw their maps once, hidden, before the first switch: in
// a flood the first switch is the one that matters. A layout that does not fit is left out; activating
// it is refused with its reason anyway.

let last: { scenarios: readonly Scenario[]; wall: WallConfig; layouts: ScenarioLayout[] } | null = null;

export function scenarioLayouts(scenarios: readonly Scenario[], wall: WallConfig): ScenarioLayout[] {
  if (last?.scenarios === scenarios && last.wall === wall) return last.layouts;
  const layouts: ScenarioLayout[] = [];
  for (const s of scenarios) {
    const fits = validateLayout(s.layout, wall);
    if (fits.ok) layouts.push({ scenarioId: s.id, severity: s.severity, layout: fits.value });
  }
  last = { scenarios, wall, layouts };
  return layouts;
}
