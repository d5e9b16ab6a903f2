import type { ScenarioLayout } from './scenario-view.js';
import { intersect } from './wall/geometry.js';
import type { Rect } from './wall/schema.js';
import type { Layout } from './wall/layout-schema.js';

// A screen draws, hidden and once, the maps of each scenario it may be switched to, before any switch:
// a map's first frame on a fresh WebGL context compiles its shaders and builds its layers, seconds on a
// software renderer, and in a flood the first switch is the one that matters. Only the maps: cameras
// start in well under a switch's lead time, and a rehearsal should not pull streams.

const SEVERITY_ORDER = { normal: 0, advisory: 1, warning: 2, emergency: 3 } as const;

export interface Rehearsal {
  scenarioId: string;
  /** The scenario's layout with only the map panels this screen shows. */
  layout: Layout;
}

/**
 * What `screen` rehearses, in order: the most severe last, so the layers kept warm after the rehearsals
 * are those of the scenario most likely to be needed fast; among equals, the one the catalogue lists
 * first (the leader's first button) last. The scenario shown already is left out.
 */
export function rehearsalPlan(layouts: readonly ScenarioLayout[], screen: Rect, shownScenarioId: string | null): Rehearsal[] {
  const plan: (Rehearsal & { rank: number; order: number })[] = [];
  layouts.forEach((s, order) => {
    if (s.scenarioId === shownScenarioId) return;
    const panels = s.layout.panels.filter((p) => p.type === 'map' && intersect(p.rect, screen) !== null);
    if (panels.length === 0) return;
    plan.push({ scenarioId: s.scenarioId, layout: { ...s.layout, panels }, rank: SEVERITY_ORDER[s.severity], order });
  });
  plan.sort((a, b) => a.rank - b.rank || b.order - a.order);
  return plan.map(({ scenarioId, layout }) => ({ scenarioId, layout }));
}
