import { protocolError } from '../common/protocol/errors.js';
import type { Actor } from '../common/protocol/primitives.js';
import type { Activation, ActivationResult, Scenario, WallAck } from '../common/protocol/scenario.js';
import type { Logger } from '../node-common/log.js';
import type { Command, CommandResult, Sender } from './core.js';
import type { HubAuditInput } from './db/hub-audit.js';
import type { HubStore } from './store/hub-store.js';
import type { NodeInfo, NodeRegistry } from './registry.js';
import { WallResult } from './results.js';
import { canActivate } from './tokens.js';

// Activations per wall: numbering (the store allocates every accepted one the next revision), the
// per-screen result gathered from this hub's nodes, the wait for late screens, and the auto-revert timer.

export interface ActivationBookOptions {
  store: HubStore;
  log: Logger;
  now: () => number;
  sender: Sender;
  registry: NodeRegistry;
  applyDelayMs: number;
  ackTimeoutMs: number;
  onActivated: (activation: Activation) => void;
}

type Source = Activation['source'];
type Code = Parameters<typeof protocolError>[0];
const SYSTEM: Actor = { name: 'hub (auto-revert)', role: 'system' };

export class ActivationBook {
  private readonly results = new Map<string, WallResult>();
  private readonly waits = new Map<string, NodeJS.Timeout>();
  private readonly reverts = new Map<string, NodeJS.Timeout>();
  /** Per wall, the last outcome written to the audit log ("revision:outcome"), so each is written once. */
  private readonly audited = new Map<string, string>();
  /** Per wall, the latest activation this hub has read or made, for the rules' synchronous look. */
  private readonly shown = new Map<string, Activation>();

  constructor(private readonly o: ActivationBookOptions) {}

  /** Auto-revert timers for what the walls show now (after a restart, or on a hub joining others). */
  async start(): Promise<void> {
    for (const wallId of await this.o.store.walls()) {
      const current = await this.o.store.latestActivation(wallId);
      if (current) {
        this.note(current);
        this.scheduleRevert(current);
      }
    }
  }

  async current(wallId: string): Promise<Activation | null> {
    const latest = await this.o.store.latestActivation(wallId);
    if (latest) this.note(latest);
    return latest;
  }

  /** The scenario the wall shows as far as this hub has seen (the store may already know a newer one). */
  shownScenarioId(wallId: string): string | null {
    return this.shown.get(wallId)?.scenario.id ?? null;
  }

  result(wallId: string): ActivationResult | null {
    return this.results.get(wallId)?.toMessage() ?? null;
  }

  async activate(req: Command & { scenarioId: string; wallId?: string; source: Source; idempotencyKey?: string }): Promise<CommandResult> {
    const target = `${req.scenarioId} → ${req.wallId ?? '(its wall)'}`;
    const refuse = (code: Code, message: string): CommandResult => {
      this.audit(req.actor, 'scenario.activate', target, req.origin, `refused: ${code}: ${message}`);
      this.o.log.warn('activation refused', { code, message, actor: req.actor.name, origin: req.origin });
      return protocolError(code, message);
    };
    // The hub's own rules may switch a wall too, where the scenario allows it (hub/rules/rule-runner.ts decides).
    const byRule = req.actor.role === 'system' && req.source === 'rule';
    if (!canActivate(req.actor.role) && !byRule) return refuse('forbidden', `only a leader may activate a scenario; ${req.actor.name} is ${req.actor.role}`);
    const scenario = await this.o.store.scenario(req.scenarioId);
    if (!scenario) return refuse('unknown-scenario', `no scenario "${req.scenarioId}"`);
    if (req.wallId !== undefined && req.wallId !== scenario.layout.wallId) {
      return refuse('wrong-wall', `scenario "${scenario.id}" is for wall "${scenario.layout.wallId}", not "${req.wallId}"`);
    }
    return this.commit(scenario, req, req.source, 'scenario.activate');
  }

  async revert(req: Command & { wallId: string; source?: Source; ifRevision?: number; idempotencyKey?: string }): Promise<CommandResult> {
    const refuse = (code: Code, message: string): CommandResult => {
      this.audit(req.actor, 'scenario.revert', req.wallId, req.origin, `refused: ${code}: ${message}`);
      return protocolError(code, message);
    };
    if (!canActivate(req.actor.role) && req.actor.role !== 'system') return refuse('forbidden', `only a leader may revert a scenario; ${req.actor.name} is ${req.actor.role}`);
    const current = await this.current(req.wallId);
    if (!current) return refuse('unknown-wall', `nothing has been activated on wall "${req.wallId}" yet`);
    const previous = await this.o.store.previousActivation(req.wallId, current.revision, current.scenario.id);
    const scenario = previous ? await this.o.store.scenario(previous.scenario.id) : null;
    if (!scenario) return refuse('unknown-scenario', `wall "${req.wallId}" has no earlier scenario to return to`);
    return this.commit(scenario, { ...req, ifRevision: req.ifRevision ?? current.revision }, req.source ?? (req.origin.startsWith('rest') ? 'rest' : 'console'), 'scenario.revert');
  }

  /** A node shows a revision the store does not know (its database was lost or restored): continue from it. */
  async adopt(wallId: string, shown: { revision: number; scenarioId: string }, origin: string): Promise<void> {
    if (shown.revision <= (await this.o.store.revision(wallId))) return;
    const scenario = await this.o.store.scenario(shown.scenarioId);
    const now = this.o.now();
    const activation: Activation | null =
      scenario && scenario.layout.wallId === wallId
        ? { wallId, revision: shown.revision, scenario, activatedBy: { name: 'hub (adopted)', role: 'system' }, source: 'adopted', via: origin, activatedAt: now, applyAt: now }
        : null;
    const adopted = await this.o.store.adopt(wallId, shown.revision, activation,
      this.row({ name: 'hub', role: 'system' }, 'scenario.adopt', `${shown.scenarioId} → ${wallId}`, origin, `continued from revision ${shown.revision} shown by the wall`));
    if (adopted) this.o.log.warn('wall is ahead of the hub; continuing its numbering', { wallId, revision: shown.revision, origin });
  }

  async nodeJoined(node: NodeInfo): Promise<void> {
    const current = await this.current(node.wallId);
    if (!current) return;
    const result = this.resultFor(current);
    if (result.outcome === 'superseded') return;
    result.addScreens(node.nodeId, node.screens, this.o.now());
    this.waitFor(result, this.o.ackTimeoutMs);
  }

  async acknowledge(nodeId: string, ack: WallAck): Promise<void> {
    let result = this.results.get(ack.wallId);
    // A newer revision than this hub's result: another hub activated it; follow it from the store.
    if (!result || ack.revision > result.revision) {
      const current = await this.current(ack.wallId);
      if (!current || current.revision !== ack.revision) return;
      result = this.resultFor(current);
    }
    // An answer about an older revision changes nothing: that one is superseded.
    if (result.revision !== ack.revision) return;
    if (result.apply(nodeId, ack, this.o.now())) this.publish(result);
  }

  close(): void {
    for (const t of [...this.waits.values(), ...this.reverts.values()]) clearTimeout(t);
    this.waits.clear();
    this.reverts.clear();
  }

  /** This hub's result for the wall's current activation, starting a new one (with its nodes' screens) when it moved on. */
  private resultFor(current: Activation): WallResult {
    const known = this.results.get(current.wallId);
    if (known && known.revision >= current.revision) return known;
    const now = this.o.now();
    if (known && known.outcome !== 'superseded') {
      known.supersede(now);
      this.publish(known);
    }
    const result = new WallResult(current.wallId, current.revision, current.scenario.id, current.activatedBy, now);
    for (const node of this.o.registry.nodesOf(current.wallId)) result.addScreens(node.nodeId, node.screens, now);
    this.results.set(current.wallId, result);
    this.waitFor(result, Math.max(0, current.applyAt - now) + this.o.ackTimeoutMs);
    return result;
  }

  private async commit(scenario: Scenario, req: Command & { ifRevision?: number; idempotencyKey?: string }, source: Source, action: string): Promise<CommandResult> {
    const wallId = scenario.layout.wallId;
    const now = this.o.now();
    const outcome = await this.o.store.commitActivation({
      wallId,
      activation: (revision) => ({
        wallId,
        revision,
        scenario,
        activatedBy: req.actor,
        source,
        ...(req.via === undefined ? {} : { via: req.via }),
        activatedAt: now,
        applyAt: now + this.o.applyDelayMs,
      }),
      audit: (a) => this.row(req.actor, action, `${scenario.id} → ${wallId}`, req.origin, `accepted: revision ${a.revision}`),
      ...(req.ifRevision === undefined ? {} : { ifRevision: req.ifRevision }),
      ...(req.idempotencyKey === undefined ? {} : { idempotencyKey: req.idempotencyKey }),
    });
    if (outcome.kind === 'repeated') {
      if (outcome.scenarioId !== scenario.id) {
        return protocolError('invalid-payload', `this request id was already used to activate "${outcome.scenarioId}"; send a new id for a new request`);
      }
      this.o.log.info('repeated activation request answered with its first result', { revision: outcome.revision, actor: req.actor.name, origin: req.origin });
      return { ok: true, value: { revision: outcome.revision, applyAt: outcome.applyAt } };
    }
    if (outcome.kind === 'moved-on') {
      this.audit(req.actor, action, `${scenario.id} → ${wallId}`, req.origin, `refused: superseded: the wall moved on to revision ${outcome.revision}`);
      return protocolError('unknown-wall', `wall "${wallId}" moved on to revision ${outcome.revision} meanwhile; nothing was changed`);
    }
    const { activation } = outcome;
    this.note(activation);
    this.o.log.info('scenario activated', { wallId, scenario: scenario.id, revision: activation.revision, actor: req.actor.name, origin: req.origin });
    const result = this.resultFor(activation);
    this.o.sender.toWall(wallId, 'wall:activation', activation);
    this.o.sender.toWall(wallId, 'activation:result', result.toMessage(), { local: true });
    this.scheduleRevert(activation);
    this.o.onActivated(activation);
    return { ok: true, value: { revision: activation.revision, applyAt: activation.applyAt } };
  }

  private note(activation: Activation): void {
    const known = this.shown.get(activation.wallId);
    if (!known || known.revision < activation.revision) this.shown.set(activation.wallId, activation);
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
      // Only while the wall still shows it: the store refuses the revert if any hub moved the wall on.
      this.revert({ wallId: activation.wallId, actor: SYSTEM, origin: 'hub auto-revert', source: 'auto-revert', ifRevision: activation.revision }).catch((error: unknown) =>
        this.o.log.error('auto-revert failed', { wallId: activation.wallId, error: String(error) }),
      );
    }, due);
    timer.unref();
    this.reverts.set(activation.wallId, timer);
  }

  private publish(result: WallResult): void {
    const message = result.toMessage();
    this.o.sender.toWall(result.wallId, 'activation:result', message, { local: true });
    if (message.outcome === 'pending') return;
    const written = `${result.revision}:${message.outcome}`;
    if (this.audited.get(result.wallId) === written) return;
    this.audited.set(result.wallId, written);
    this.audit(result.activatedBy, 'scenario.result', `${result.scenarioId} → ${result.wallId} #${result.revision}`, 'hub', `${message.outcome}: ${result.summary()}`);
  }

  private row(actor: Actor, action: string, target: string, origin: string, result: string): HubAuditInput {
    return { at: this.o.now(), actor: actor.name, role: actor.role, action, target, origin, result };
  }

  /** Refusals and results: written when the store answers; a store that is away only costs the log line. */
  private audit(actor: Actor, action: string, target: string, origin: string, result: string): void {
    this.o.store.audit(this.row(actor, action, target, origin, result)).catch((error: unknown) =>
      this.o.log.error('audit entry not written', { action, target, result: result.slice(0, 200), error: String(error) }),
    );
  }
}
