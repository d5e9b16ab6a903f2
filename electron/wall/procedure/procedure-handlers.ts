import { mayTick, type Procedure, type ProcedureStepState } from '../../../common/procedure.js';
import { fail, failWith, ok, type Result } from '../../../common/result.js';
import { actorOf } from '../../hub-link/scenario-service.js';
import type { CoreClient } from '../client.js';
import type { CoreHandlers } from '../core-handlers.js';
import type { WallCore } from '../wall-core.js';
import type { ProcedureTable } from './procedure-table.js';

// Ticks and notes on the live procedure. The gate has checked the sign-in and writes the audit entry;
// here: is there a procedure, is there such a step, may this person tick it.

export function procedureHandlers(core: WallCore, table: ProcedureTable, now: () => number = Date.now): CoreHandlers {
  const change = (client: CoreClient, stepId: string, command: string, edit: (step: ProcedureStepState) => ProcedureStepState | null): Result<number> => {
    const p = core.state.procedure;
    if (!p) return fail('procedure/none', 'No response procedure is running: the active scenario has no checklist.');
    const step = p.steps.find((s) => s.id === stepId);
    if (!step) return failWith('procedure/no-step', `The procedure of "${p.scenarioId}" has no step "${stepId}".`, { stepId });
    const actor = actorOf(client);
    if (!mayTick(step, actor.role)) {
      return failWith('procedure/not-your-step', `Step "${stepId}" is assigned to the role ${step.role ?? '-'}; ${actor.name} (${actor.role}) may not change it.`, { role: step.role ?? '' });
    }
    const next = edit(step);
    if (!next) return ok(core.state.revision);
    const procedure: Procedure = { ...p, steps: p.steps.map((s) => (s.id === stepId ? next : s)) };
    table.save(core.state.wall.id, procedure);
    return ok(core.setProcedure(procedure, { by: actor.name, command }));
  };

  return {
    'procedure:tick': (client, { stepId, done }) =>
      change(client, stepId, 'procedure:tick', (step) => {
        // The first tick stays: a second person ticking the same step at once changes nothing.
        if (done === (step.done !== null)) return null;
        return { ...step, done: done ? { by: actorOf(client), at: now() } : null };
      }),
    'procedure:note': (client, { stepId, note }) =>
      change(client, stepId, 'procedure:note', (step) => {
        const text = note.trim();
        if (text === (step.note?.text ?? '')) return null;
        return { ...step, note: text ? { text, by: actorOf(client), at: now() } : null };
      }),
    'procedure:history': (_client, { limit }) => ok(table.history(core.state.wall.id, limit)),
  };
}
