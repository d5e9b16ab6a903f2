import type { InvokeRequest } from '../../common/contract.js';
import type { Actor } from '../../common/protocol/primitives.js';
import type { Scenario } from '../../common/protocol/scenario.js';
import { fail, type Result } from '../../common/result.js';
import type { Logger } from '../../node-common/log.js';
import type { ScenarioCommandAnswer } from '../../common/scenario-view.js';

/** What the console's scenario commands call: the backend link (backend-sync.ts) implements it. */
export interface ScenarioService {
  /** requestId: the console's id for this one decision; sent again (a double-click), it gets the first answer. */
  activate(scenarioId: string, actor: Actor, localOnly: boolean, requestId?: string): Promise<Result<ScenarioCommandAnswer>>;
  revert(actor: Actor): Promise<Result<ScenarioCommandAnswer>>;
  confirm(proposalId: string, actor: Actor): Promise<Result<ScenarioCommandAnswer>>;
  dismiss(proposalId: string, actor: Actor): Promise<Result<null>>;
  /** Hand a scenario from the console's library to the hub; answers the version the hub keeps. */
  publish(scenario: Scenario, actor: Actor): Promise<Result<{ version: number }>>;
}

/**
 * Who acts through a console client. Until console accounts exist (issue 5), whoever holds the
 * console token may change the wall, so an unsigned console acts as a leader named after its connection.
 */
export function actorOf(client: { id: string; actor?: Actor }): Actor {
  return client.actor ?? { name: `console ${client.id}`, role: 'leader' };
}

export type ScenarioChannel = 'scenario:activate' | 'scenario:revert' | 'proposal:confirm' | 'proposal:dismiss';

export const noBackend = (): Result<never> =>
  fail('backend-off', 'No backend is configured for this wall; scenarios come from the hub.');

/** Run a console scenario command (payload already checked against the contract). */
export function runScenarioCommand(service: ScenarioService | null, actor: Actor, channel: ScenarioChannel, request: unknown, log: Logger): Promise<Result<unknown>> {
  if (!service) return Promise.resolve(noBackend());
  log.info('scenario command', { channel, actor: actor.name, role: actor.role });
  if (channel === 'scenario:activate') {
    const req = request as InvokeRequest<'scenario:activate'>;
    return service.activate(req.scenarioId, actor, req.localOnly ?? false, req.requestId);
  }
  if (channel === 'scenario:revert') return service.revert(actor);
  const { proposalId } = request as InvokeRequest<'proposal:confirm'>;
  return channel === 'proposal:confirm' ? service.confirm(proposalId, actor) : service.dismiss(proposalId, actor);
}
