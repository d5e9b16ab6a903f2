import { protocolError } from '../common/protocol/errors.js';
import type { Actor } from '../common/protocol/primitives.js';
import type { Activation, ActivationResult, Scenario, WallAck } from '../common/protocol/scenario.js';
import type { Logger } from '../node-common/log.js';
import type { Command, CommandResult, Sender } from './core.js';
import { errorMessage, storageFailure } from '../node-common/db/errors.js';
import type { HubAuditInput } from './db/hub-audit.js';
import type { HubDatabase } from './db/open.js';
import type { NodeInfo, NodeRegistry } from './registry.js';
import { WallResult } from './results.js';
import { canActivate } from './tokens.js';

// Activations per wall: numbering (every accepted one gets the next revision), the per-screen
// result gathered from the nodes, the wait for late screens, and the auto-revert timer.

export interface ActivationBookOptions {
  db: HubDatabase;
  log: Logger;
  now: () => number;
  sender: Sender;
  registry: NodeRegistry;
  applyDelayMs: number;
  ackTimeoutMs: number;
  onActivated: (activation: Activation) => void;
}

type Source = Activation['source'];
const SYSTEM: Actor = { name: 'hub (auto-revert)', role: 'system' };
const HUB: Actor = { name: 'hub', role: 'system' };

export class ActivationBook {
  private readonly results = new Map<string, WallResult>();
  private readonly waits = new Map<string, NodeJS.Timeout>();
  private readonly reverts = new Map<string, NodeJS.Timeout>();
  /** Per wall, the last outcome written to the audit log ("revision:outcome"), so each is written once. */
  private readonly audited = new Map<string, string>();

  constructor(private readonly o: ActivationBookOptions) {
    for (const wallId of o.db.walls()) {
      const current = o.db.latestActivation(wallId);
      if (current) this.scheduleRevert(current);
    }
  }

  current(wallId: string): Activation | null {
    return this.o.db.latestActivation(wallId);
  }

  result(wallId: string): ActivationResult | null {
    return this.results.get(wallId)?.toMessage() ?? null;
  }

  activate(req: Command & { scenarioId: string; wallId?: string; source: Source; idempotencyKey?: string }): CommandResult {
    const target = `${req.scenarioId} → ${req.wallId ?? '(its wall)'}`;
    if (req.idempotencyKey !== undefined) {
      const first = this.o.db.idempotentAnswer(req.idempotencyKey);
      if (first && first.scenarioId !== req.scenarioId) {
        return protocolError('invalid-payload', `this request id was already used to activate "${first.scenarioId}"; send a new id for a new request`);
      }
      if (first) {
        this.o.log.info('repeated activation request answered with its first result', { revision: first.revision, actor: req.actor.name, origin: req.origin });
        return { ok: true, value: { revision: first.revision, applyAt: first.applyAt } };
      }
    }
    const refuse = (code: Parameters<typeof protocolError>[0], message: string): CommandResult => {
      this.audit(req.actor, 'scenario.activate', target, req.origin, `refused: ${code}: ${message}`);
      this.o.log.warn('activation refused', { code, message, actor: req.actor.name, origin: req.origin });
      return protocolError(code, message);
    };
    // The hub's own rules may switch a wall too, where the scenario allows it (hub/rules/rule-runner.ts decides).
    const byRule = req.actor.role === 'system' && req.source === 'rule';
    if (!canActivate(req.actor.role) && !byRule) return refuse('forbidden', `only a leader may activate a scenario; ${req.actor.name} is ${req.actor.role}`);
    const scenario = this.o.db.scenario(req.scenarioId);
    if (!scenario) return refuse('unknown-scenario', `no scenario "${req.scenarioId}"`);
    if (req.wallId !== undefined && req.wallId !== scenario.layout.wallId) {
      return refuse('wrong-wall', `scenario "${scenario.id}" is for wall "${scenario.layout.wallId}", not "${req.wallId}"`);
    }
    return this.commit(scenario, req, req.source, 'scenario.activate', req.idempotencyKey);
  }

  revert(req: Command & { wallId: string; source?: Source }): CommandResult {
    const refuse = (code: Parameters<typeof protocolError>[0], message: string): CommandResult => {
      this.audit(req.actor, 'scenario.revert', req.wallId, req.origin, `refused: ${code}: ${message}`);
      return protocolError(code, message);
    };
    if (!canActivate(req.actor.role) && req.actor.role !== 'system') return refuse('forbidden', `only a leader may revert a scenario; ${req.actor.name} is ${req.actor.role}`);
    const current = this.current(req.wallId);
    if (!current) return refuse('unknown-wall', `nothing has been activated on wall "${req.wallId}" yet`);
    const previous = this.o.db.previousActivation(req.wallId, current.revision, current.scenario.id);
    const scenario = previous ? this.o.db.scenario(previous.scenario.id) : null;
    if (!scenario) return refuse('unknown-scenario', `wall "${req.wallId}" has no earlier scenario to return to`);
    return this.commit(scenario, req, req.source ?? (req.origin.startsWith('rest') ? 'rest' : 'console'), 'scenario.revert');
  }

  /** A node shows a revision the hub does not know (its database was lost or restored): continue from it. */
  adopt(wallId: string, shown: { revision: number; scenarioId: string }, origin: string): void {
    if (shown.revision <= this.o.db.revision(wallId)) return;
    const scenario = this.o.db.scenario(shown.scenarioId);
    if (scenario && scenario.layout.wallId === wallId) {
      const now = this.o.now();
      const activation: Activation = { wallId, revision: shown.revision, scenario, activatedBy: { name: 'hub (adopted)', role: 'system' }, source: 'adopted', via: origin, activatedAt: now, applyAt: now };
      this.o.db.recordActivation(activation, this.entry(HUB, 'scenario.adopt', `${shown.scenarioId} → ${wallId}`, origin, `continued from revision ${shown.revision} shown by the wall`));
    } else {
      this.o.db.raiseRevision(wallId, shown.revision);
      this.audit(HUB, 'scenario.adopt', `${shown.scenarioId} → ${wallId}`, origin, `continued from revision ${shown.revision} shown by the wall`);
    }
    this.o.log.warn('wall is ahead of the hub; continuing its numbering', { wallId, revision: shown.revision, origin });
  }

  nodeJoined(node: NodeInfo): void {
    let result = this.results.get(node.wallId);
    const current = this.current(node.wallId);
    if (!current) return;
    if (!result || result.revision !== current.revision) {
      result = new WallResult(node.wallId, current.revision, current.scenario.id, current.activatedBy, this.o.now());
      this.results.set(node.wallId, result);
    }
    if (result.outcome === 'superseded') return;
    result.addScreens(node.nodeId, node.screens, this.o.now());
    this.waitFor(result, this.o.ackTimeoutMs);
  }

  acknowledge(nodeId: string, ack: WallAck): void {
    const result = this.results.get(ack.wallId);
    // An answer about an older revision changes nothing: that one is superseded.
    if (!result || result.revision !== ack.revision) return;
    if (result.apply(nodeId, ack, this.o.now())) this.publish(result);
  }

  close(): void {
    for (const t of [...this.waits.values(), ...this.reverts.values()]) clearTimeout(t);
    this.waits.clear();
    this.reverts.clear();
  }

  private commit(scenario: Scenario, req: Command, source: Source, action: string, idempotencyKey?: string): CommandResult {
    const wallId = scenario.layout.wallId;
    const now = this.o.now();
    const activation: Activation = {
      wallId,
      revision: this.o.db.revision(wallId) + 1,
      scenario,
      activatedBy: req.actor,
      source,
      ...(req.via === undefined ? {} : { via: req.via }),
      activatedAt: now,
      applyAt: now + this.o.applyDelayMs,
    };
    const value = { revision: activation.revision, applyAt: activation.applyAt };
    try {
      const row = this.entry(req.actor, action, `${scenario.id} → ${wallId}`, req.origin, `accepted: revision ${activation.revision}`);
      this.o.db.recordActivation(activation, row, idempotencyKey === undefined ? undefined : { key: idempotencyKey, answer: { scenarioId: scenario.id, ...value } });
    } catch (error) {
      // Nothing was stored and no wall was told: the hub and the wall still agree on the previous revision.
      const failure = storageFailure(error, this.o.db.file);
      const message = failure?.message ?? `the hub could not store the activation (${errorMessage(error)}); nothing was changed. If this repeats, stop the hub and check "${this.o.db.file}" (npm run hub:restore puts a backup back).`;
      this.o.log.error('activation not stored', { wallId, scenario: scenario.id, revision: activation.revision, error: errorMessage(error) });
      return protocolError('internal', message);
    }
    this.o.log.info('scenario activated', { wallId, scenario: scenario.id, revision: activation.revision, actor: req.actor.name, origin: req.origin });

    const previous = this.results.get(wallId);
    if (previous && previous.outcome !== 'superseded') {
      previous.supersede(now);
      this.publish(previous);
    }
    const result = new WallResult(wallId, activation.revision, scenario.id, req.actor, now);
    for (const node of this.o.registry.nodesOf(wallId)) result.addScreens(node.nodeId, node.screens, now);
    this.results.set(wallId, result);
    this.o.sender.toWall(wallId, 'wall:activation', activation);
    this.o.sender.toWall(wallId, 'activation:result', result.toMessage());
    this.waitFor(result, this.o.applyDelayMs + this.o.ackTimeoutMs);
    this.scheduleRevert(activation);
    this.o.onActivated(activation);
    return { ok: true, value };
  }

  /** Screens that have not answered by then count as timed out. */
  private waitFor(result: WallResult, ms: number): void {
    clearTimeout(this.waits.get(result.wallId));
    const timer = setTimeout(() => {
      this.waits.delete(result.wallId);
      const expired = result.expire(this.o.now(), (nodeId) =>
        this.o.registry.get(nodeId) ? `no answer from node ${nodeId} within ${ms} ms` : `node ${nodeId} is disconnected`,
      );
      if (expired) this.publish(result);
    }, ms);
    timer.unref();
    this.waits.set(result.wallId, timer);
  }

  private scheduleRevert(activation: Activation): void {
    clearTimeout(this.reverts.get(activation.wallId));
    this.reverts.delete(activation.wallId);
    const seconds = activation.scenario.autoRevertSeconds;
    if (seconds === undefined) return;
    const due = Math.max(0, activation.activatedAt + seconds * 1000 - this.o.now());
    const timer = setTimeout(() => {
      this.reverts.delete(activation.wallId);
      if (this.current(activation.wallId)?.revision !== activation.revision) return;
      this.revert({ wallId: activation.wallId, actor: SYSTEM, origin: 'hub auto-revert', source: 'auto-revert' });
    }, due);
    timer.unref();
    this.reverts.set(activation.wallId, timer);
  }

  private publish(result: WallResult): void {
    const message = result.toMessage();
    this.o.sender.toWall(result.wallId, 'activation:result', message);
    if (message.outcome === 'pending') return;
    const written = `${result.revision}:${message.outcome}`;
    if (this.audited.get(result.wallId) === written) return;
    this.audited.set(result.wallId, written);
    this.audit(result.activatedBy, 'scenario.result', `${result.scenarioId} → ${result.wallId} #${result.revision}`, 'hub', `${message.outcome}: ${result.summary()}`);
  }

  private entry(actor: Actor, action: string, target: string, origin: string, result: string): HubAuditInput {
    return { at: this.o.now(), actor: actor.name, role: actor.role, action, target, origin, result };
  }

  private audit(actor: Actor, action: string, target: string, origin: string, result: string): void {
    this.o.db.audit(this.entry(actor, action, target, origin, result));
  }
}
