import type { Activation } from '../../common/protocol/scenario.js';
import type { ScenarioState } from '../../common/state.js';

// Ordering of scenario activations on a node: a newer hub revision replaces the shown one, the same
// revision is a no-op, an older one never wins. A local-only activation (hub unreachable) builds on
// the current revision, and the hub's state replaces it on reconnect even at the same revision.

export function supersedes(next: ScenarioState, current: ScenarioState | null | undefined): boolean {
  if (!current) return true;
  if (next.local) return next.revision >= current.revision;
  return next.revision > current.revision || (next.revision === current.revision && current.local);
}

/** The state for a hub activation, its times converted to this node's clock. */
export function scenarioStateOf(a: Activation, toLocal: (hubMs: number) => number): ScenarioState {
  return {
    id: a.scenario.id,
    name: a.scenario.name,
    severity: a.scenario.severity,
    revision: a.revision,
    activatedBy: a.activatedBy,
    source: a.source,
    activatedAt: Math.round(toLocal(a.activatedAt)),
    applyAt: Math.round(toLocal(a.applyAt)),
    local: false,
  };
}
