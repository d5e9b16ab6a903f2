import { randomUUID } from 'node:crypto';
import type { Procedure } from '../../../common/procedure.js';
import type { Scenario } from '../../../common/protocol/scenario.js';
import type { ScenarioState } from '../../../common/state.js';
import type { AuditTable } from '../../../node-common/audit/audit-table.js';
import type { Logger } from '../../../node-common/log.js';
import type { WallCore } from '../wall-core.js';
import type { ProcedureTable } from './procedure-table.js';

// Opens a procedure when a scenario with a checklist becomes active and closes it (with a record in the
// database and the audit log) when another scenario replaces it. A node restarted during a response
// picks its open procedure up again, ticks and all.

export interface ProcedureKeeperOptions {
  core: WallCore;
  table: ProcedureTable;
  audit: AuditTable;
  log: Logger;
  now?: () => number;
}

const belongsTo = (p: Procedure, s: ScenarioState | null) => s !== null && s.id === p.scenarioId && s.revision === p.hubRevision;

export function newProcedure(s: ScenarioState, scenario: Scenario, id: string = randomUUID()): Procedure | null {
  if (!scenario.checklist?.length) return null;
  return {
    id,
    scenarioId: s.id,
    scenarioName: s.name,
    hubRevision: s.revision,
    startedAt: s.activatedAt,
    steps: scenario.checklist.map((c) => ({ id: c.id, text: c.text, role: c.role ?? null, dueMinutes: c.dueMinutes ?? null, done: null, note: null })),
    closed: null,
  };
}

export function keepProcedure({ core, table, audit, log, now = Date.now }: ProcedureKeeperOptions): { close(): void } {
  const wallId = () => core.state.wall.id;
  /** The activation last looked up without finding its checklist: tried again only when the catalogue changes. */
  let missed: string | null = null;

  const record = (p: Procedure, action: string, detail: object, actor: string) => {
    try {
      audit.append({ actor, role: 'system', action, target: p.scenarioId, detail: JSON.stringify(detail), origin: 'core', ok: true, result: 'ok' });
    } catch (err) {
      log.error('could not write the audit log', { action, error: String(err) });
    }
  };

  const close = (p: Procedure, next: ScenarioState | null) => {
    const by = next?.activatedBy.name ?? 'core';
    const closed: Procedure = { ...p, closed: { at: now(), nextScenarioId: next?.id ?? null, by } };
    table.save(wallId(), closed);
    const done = p.steps.filter((st) => st.done).length;
    record(p, 'procedure:closed', { procedure: p.id, done, total: p.steps.length, next: next?.id ?? null }, by);
    log.info('response procedure closed', { procedure: p.id, scenarioId: p.scenarioId, done, total: p.steps.length, next: next?.id });
  };

  const open = (s: ScenarioState): Procedure | null => {
    let found: Procedure | null = null;
    for (const p of table.open(wallId())) {
      if (!found && belongsTo(p, s)) found = p;
      else close(p, s);
    }
    if (found) {
      log.info('response procedure resumed', { procedure: found.id, scenarioId: s.id });
      return found;
    }
    const scenario = core.scenarioOverview.scenarios.find((x) => x.id === s.id);
    const created = scenario ? newProcedure(s, scenario) : null;
    if (!created) {
      missed = `${s.id}:${s.revision}`;
      return null;
    }
    table.save(wallId(), created);
    record(created, 'procedure:opened', { procedure: created.id, steps: created.steps.length }, s.activatedBy.name);
    log.info('response procedure opened', { procedure: created.id, scenarioId: s.id, steps: created.steps.length });
    return created;
  };

  const sync = () => {
    const s = core.state.scenario ?? null;
    const p = core.state.procedure ?? null;
    if (p && belongsTo(p, s)) return;
    if (!p && s && missed === `${s.id}:${s.revision}`) return;
    try {
      if (p) close(p, s);
      const next = s ? open(s) : null;
      if (!s) for (const stale of table.open(wallId())) close(stale, null);
      if (p || next) core.setProcedure(next, { by: s?.activatedBy.name ?? 'core', command: next ? 'procedure:open' : 'procedure:close' });
    } catch (err) {
      log.error('response procedure not kept', { error: String(err) });
    }
  };

  // After the change that triggered it has reached every window: never a commit inside a commit.
  const later = () => queueMicrotask(sync);
  const stopChange = core.onChange((_, change) => {
    if (change.scenario !== undefined) later();
  });
  const stopOverview = core.onOverview(() => {
    missed = null;
    later();
  });
  later();
  return {
    close() {
      stopChange();
      stopOverview();
    },
  };
}
