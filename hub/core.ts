import { DEFAULT_APPLY_DELAY_MS } from '../common/scenario-swap.js';
import { chunkEntries } from '../common/protocol/chunk.js';
import type { DataEntry } from '../common/protocol/data.js';
import { protocolError, type Ack } from '../common/protocol/errors.js';
import type { HubEvent, HubPayload, NodePayload } from '../common/protocol/events.js';
import { HEARTBEAT, type HandshakeAuth, type Hello } from '../common/protocol/handshake.js';
import type { Actor } from '../common/protocol/primitives.js';
import type { Activation, Proposal, Scenario, WallAck } from '../common/protocol/scenario.js';
import { MAX_EVENT_BYTES } from '../common/protocol/validate.js';
import { DataCache } from '../node-common/data-cache.js';
import type { Logger } from '../node-common/log.js';
import { ActivationBook } from './activations.js';
import type { HubDatabase } from './db/open.js';
import { RefusalSummary, summaryText } from '../node-common/audit/refusal-summary.js';
import { NodeRegistry, type NodeInfo } from './registry.js';
import { RuleRunner } from './rules/rule-runner.js';
import { SocBook, type SocIngest } from './soc/soc-book.js';
import type { Rule } from '../common/rules/rule-schema.js';
import type { RuleStatus } from '../common/rules/rule-status.js';
import { WallHealthBook } from './wall-health.js';
import type { NodeHealth } from '../common/protocol/health.js';

// The hub's state and rules, without a transport: sockets.ts and rest.ts call in, and the hub
// sends through a Sender. Every command answers with an Ack and leaves an audit entry.

export interface Sender {
  toWall<E extends HubEvent>(wallId: string, event: E, payload: HubPayload<E>): void;
  toAll<E extends HubEvent>(event: E, payload: HubPayload<E>): void;
}

export interface HubCoreOptions {
  db: HubDatabase;
  log: Logger;
  hubId: string;
  now?: () => number;
  /** How far ahead of the activation every screen swaps (ms). */
  applyDelayMs?: number;
  /** How long after the apply time a screen may take to acknowledge before it counts as timed out. */
  ackTimeoutMs?: number;
  /** The centre's rules (config/rules): they propose, activate and revert scenarios. */
  rules?: readonly Rule[];
}

export type Command = { actor: Actor; origin: string; via?: string };
export type CommandResult = Ack<{ revision: number; applyAt: number }>;

export class HubCore {
  readonly registry = new NodeRegistry();
  readonly activations: ActivationBook;
  /** Every node of each wall, connected or not, and its screens' health (for the consoles and REST). */
  readonly health: WallHealthBook;
  /** Refusals of unauthenticated or repeated requests, one summary row per source a minute. */
  readonly refusals: RefusalSummary;
  private readonly data = new DataCache();
  private readonly proposals = new Map<string, Proposal>();
  private readonly rules: RuleRunner;
  private readonly soc = new SocBook();
  private proposalSeq = 0;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(private readonly options: HubCoreOptions, private readonly sender: Sender) {
    this.now = options.now ?? Date.now;
    this.log = options.log;
    this.activations = new ActivationBook({
      db: options.db,
      log: options.log,
      now: this.now,
      sender,
      registry: this.registry,
      applyDelayMs: options.applyDelayMs ?? DEFAULT_APPLY_DELAY_MS,
      ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
      onActivated: (a) => this.closeProposalsFulfilledBy(a),
    });
    this.refusals = new RefusalSummary({
      now: this.now,
      write: (w) => this.audit({ name: 'hub', role: 'system' }, 'refusals.summary', w.source, w.source, summaryText(w), { count: w.count, from: w.from, to: w.to, examples: w.examples }),
    });
    this.rules = new RuleRunner(options.rules ?? [], {
      now: this.now,
      data: () => this.data.list(),
      scenario: (id) => this.options.db.scenario(id),
      currentScenarioId: (wallId) => this.activations.current(wallId)?.scenario.id ?? null,
      propose: (ruleId, scenarioId, reason) => this.propose(ruleId, scenarioId, reason),
      withdraw: (ruleId, scenarioId) => this.withdraw(ruleId, scenarioId),
      activate: (ruleId, scenario) => {
        const done = this.activate({ scenarioId: scenario.id, wallId: scenario.layout.wallId, actor: ruleActor(ruleId), origin: `rule ${ruleId}`, source: 'rule' });
        return done.ok ? { ok: true } : { ok: false, message: done.error.message };
      },
      revert: (ruleId, wallId) => {
        const done = this.revert({ wallId, actor: ruleActor(ruleId), origin: `rule ${ruleId}`, source: 'rule' });
        return done.ok ? { ok: true } : { ok: false, message: done.error.message };
      },
      audit: (ruleId, action, target, result, detail) => this.audit(ruleActor(ruleId), action, target, `rule ${ruleId}`, result, detail),
      changed: () => this.sender.toAll('rule:list', { rules: this.rules.list() }),
    });
    this.health = new WallHealthBook({ now: this.now, send: (h) => sender.toWall(h.wallId, 'wall:health', h) });
  }

  get db(): HubDatabase {
    return this.options.db;
  }

  /** Register a node and return what it must receive, in order, to be fully in step. */
  connectNode(auth: HandshakeAuth, protocol: number, connectionId: string, address: string): Ack<{ replaced: NodeInfo | null; resync: Array<[HubEvent, unknown]> }> {
    const info: NodeInfo = { nodeId: auth.nodeId, wallId: auth.wallId, screens: auth.screens, connectionId, address, protocol, connectedAt: this.now() };
    const registered = this.registry.register(info);
    if (!registered.ok) return protocolError('forbidden', registered.message);
    if (auth.current) this.activations.adopt(auth.wallId, auth.current, `node ${auth.nodeId} (${address})`);
    this.activations.nodeJoined(info);
    this.health.connected(info);
    this.log.info('node connected', { nodeId: info.nodeId, wallId: info.wallId, screens: info.screens, address, protocol });

    const hello: Hello = {
      protocol,
      hubId: this.options.hubId,
      hubTime: this.now(),
      revision: this.options.db.revision(auth.wallId),
      heartbeat: { ...HEARTBEAT },
      maxEventBytes: MAX_EVENT_BYTES,
    };
    const resync: Array<[HubEvent, unknown]> = [
      ['hub:hello', hello],
      ['scenario:catalog', { wallId: auth.wallId, scenarios: this.scenariosOf(auth.wallId) }],
    ];
    const current = this.activations.current(auth.wallId);
    if (current) resync.push(['wall:activation', current]);
    const result = this.activations.result(auth.wallId);
    if (result) resync.push(['activation:result', result]);
    resync.push(['proposal:list', { wallId: auth.wallId, proposals: this.proposalsOf(auth.wallId) }]);
    resync.push(['rule:list', { rules: this.rules.list() }]);
    for (const entries of chunkEntries(this.data.list())) resync.push(['data:snapshot', { entries }]);
    resync.push(['wall:health', this.health.of(auth.wallId)]);
    return { ok: true, value: { replaced: registered.replaced, resync } };
  }

  disconnectNode(nodeId: string, connectionId: string, reason: string): void {
    const node = this.registry.unregister(nodeId, connectionId);
    if (!node) return;
    this.log.info('node disconnected', { nodeId, wallId: node.wallId, reason });
    this.health.disconnected(node);
  }

  /** A node's report of its screens' health. */
  reportHealth(node: NodeInfo, report: NodeHealth): Ack<null> {
    return this.health.report(node, report);
  }

  activate(req: Command & { scenarioId: string; wallId?: string; source: 'console' | 'rest' | 'rule'; idempotencyKey?: string }): CommandResult {
    return this.activations.activate(req);
  }

  revert(req: Command & { wallId: string; source?: 'rule' }): CommandResult {
    return this.activations.revert(req);
  }

  acknowledge(node: NodeInfo, ack: WallAck): Ack<null> {
    if (ack.wallId !== node.wallId) return protocolError('wrong-wall', `node "${node.nodeId}" drives wall "${node.wallId}", not "${ack.wallId}"`);
    const foreign = ack.screens.filter((s) => !node.screens.includes(s.screenId)).map((s) => s.screenId);
    if (foreign.length) return protocolError('forbidden', `node "${node.nodeId}" does not drive screen(s) ${foreign.join(', ')}`);
    this.activations.acknowledge(node.nodeId, ack);
    return { ok: true, value: null };
  }

  reportLocalActivation(node: NodeInfo, report: NodePayload<'node:local-activation'>): Ack<null> {
    if (report.wallId !== node.wallId) return protocolError('wrong-wall', `node "${node.nodeId}" drives wall "${node.wallId}", not "${report.wallId}"`);
    this.audit(report.actor, 'scenario.local-activate', `${report.scenarioId} → ${report.wallId}`, `node ${node.nodeId} (${node.address})`,
      `applied on this node only while offline; replaced by revision ${report.replacedByRevision} on reconnect`, { localAt: report.localAt });
    return { ok: true, value: null };
  }

  /** Keep a scenario from a console (a new one, or the next version of one) and send the wall its catalog. */
  publishScenario(req: Command & { scenario: Scenario }): Ack<{ version: number }> {
    const { scenario, actor } = req;
    if (actor.role !== 'leader' && actor.role !== 'admin') {
      this.audit(actor, 'scenario.publish', scenario.id, req.origin, 'refused: forbidden');
      return protocolError('forbidden', `only a leader may publish a scenario; ${actor.name} is ${actor.role}`);
    }
    const wallId = scenario.layout.wallId;
    if (!this.scenariosOf(wallId).some((s) => s.id === scenario.id) && this.scenariosOf(wallId).length >= 100) {
      this.audit(actor, 'scenario.publish', scenario.id, req.origin, 'refused: too-many');
      return protocolError('too-large', `wall "${wallId}" already has 100 scenarios, the most a catalog carries; remove one first`);
    }
    const stored = this.options.db.scenario(scenario.id);
    if (stored && stored.layout.wallId !== wallId) {
      this.audit(actor, 'scenario.publish', scenario.id, req.origin, 'refused: wrong-wall');
      return protocolError('wrong-wall', `scenario "${scenario.id}" belongs to wall "${stored.layout.wallId}"; give this one another id`);
    }
    const version = (stored?.version ?? 0) + 1;
    this.options.db.saveScenario({ ...scenario, version });
    this.audit(actor, 'scenario.publish', `${scenario.id} → ${wallId}`, req.origin, `stored: version ${version}`);
    this.sender.toWall(wallId, 'scenario:catalog', { wallId, scenarios: this.scenariosOf(wallId) });
    return { ok: true, value: { version } };
  }

  confirmProposal(req: Command & { proposalId: string }): CommandResult {
    const proposal = this.proposals.get(req.proposalId);
    if (!proposal) {
      this.audit(req.actor, 'proposal.confirm', req.proposalId, req.origin, 'refused: unknown-proposal');
      return protocolError('unknown-proposal', `no open proposal "${req.proposalId}"; it may have been confirmed or dismissed already`);
    }
    const result = this.activate({ ...req, scenarioId: proposal.scenarioId, wallId: proposal.wallId, source: 'rule' });
    this.audit(req.actor, 'proposal.confirm', `${proposal.id} (${proposal.scenarioId} → ${proposal.wallId})`, req.origin,
      result.ok ? `accepted: revision ${result.value.revision}` : `refused: ${result.error.code}`);
    return result;
  }

  dismissProposal(req: Command & { proposalId: string }): Ack<null> {
    const proposal = this.proposals.get(req.proposalId);
    if (!proposal) return protocolError('unknown-proposal', `no open proposal "${req.proposalId}"`);
    if (req.actor.role !== 'leader' && req.actor.role !== 'admin') {
      this.audit(req.actor, 'proposal.dismiss', proposal.id, req.origin, 'refused: forbidden');
      return protocolError('forbidden', `only a leader may dismiss a proposal; ${req.actor.name} is ${req.actor.role}`);
    }
    this.proposals.delete(proposal.id);
    this.audit(req.actor, 'proposal.dismiss', `${proposal.id} (${proposal.scenarioId} → ${proposal.wallId})`, req.origin, 'dismissed');
    this.sendProposals(proposal.wallId);
    return { ok: true, value: null };
  }

  /** New values from a feed: kept for late joiners, sent to every node, checked by the rules. */
  publish(entries: readonly DataEntry[]): void {
    this.data.merge(entries);
    for (const chunk of chunkEntries(entries)) this.sender.toAll('data:update', { entries: chunk });
    this.rules.onData(entries);
  }

  /** Security alerts from the centre's SIEM (Wazuh JSON): kept, and published as security events and alerts. */
  ingestWazuh(body: unknown): SocIngest {
    const { result, entries } = this.soc.ingest(body, this.now());
    if (entries.length) this.publish(entries);
    return result;
  }

  /** Each rule, where it is in its life, and what it last did. */
  ruleList(): RuleStatus[] {
    return this.rules.list();
  }

  /** Look at every rule now (their timer does this by itself; tests on a fake clock call it). */
  checkRules(): void {
    this.rules.check();
  }

  /** The source of these keys is failing: their last values go out again marked stale (rules are not run). */
  markStale(keys: readonly string[]): void {
    const stale: DataEntry[] = [];
    for (const key of keys) {
      const e = this.data.get(key);
      if (e && !e.stale) stale.push({ ...e, stale: true });
    }
    if (!stale.length) return;
    this.data.merge(stale);
    for (const chunk of chunkEntries(stale)) this.sender.toAll('data:update', { entries: chunk });
  }

  dataValue(key: string): DataEntry | undefined {
    return this.data.get(key);
  }

  scenariosOf(wallId: string) {
    return this.options.db.scenarios().filter((s) => s.layout.wallId === wallId);
  }

  proposalsOf(wallId: string): Proposal[] {
    return [...this.proposals.values()].filter((p) => p.wallId === wallId);
  }

  allProposals(): Proposal[] {
    return [...this.proposals.values()];
  }

  audit(actor: Actor | { name: string; role: string | null }, action: string, target: string | null, origin: string, result: string, detail?: Record<string, unknown>): void {
    this.options.db.audit({ at: this.now(), actor: actor.name, role: actor.role, action, target, origin, result, ...(detail ? { detail } : {}) });
  }

  /** A refusal at the door (bad token, no token, too many requests): written in full once a minute per source, else counted. */
  refused(source: string, actor: { name: string; role: string | null }, action: string, target: string | null, origin: string, result: string): void {
    if (this.refusals.admit(source, `${action}: ${result}`)) this.audit(actor, action, target, origin, result);
  }

  close(): void {
    this.rules.close();
    this.activations.close();
    this.health.close();
    this.refusals.close();
  }

  private propose(ruleId: string, scenarioId: string, reason: Proposal['reason']): 'proposed' | 'already-open' | 'already-active' {
    const wallId = this.options.db.scenario(scenarioId)?.layout.wallId ?? '';
    if (this.activations.current(wallId)?.scenario.id === scenarioId) return 'already-active';
    if (this.proposalsOf(wallId).some((p) => p.scenarioId === scenarioId)) return 'already-open';
    const proposal: Proposal = { id: `p${this.now().toString(36)}-${++this.proposalSeq}`, wallId, scenarioId, reason, ruleId, createdAt: this.now() };
    this.proposals.set(proposal.id, proposal);
    this.audit(ruleActor(ruleId), 'proposal.create', `${scenarioId} → ${wallId}`, `rule ${ruleId}`, 'proposed', { reason: reason.en });
    this.log.info('scenario proposed', { proposal: proposal.id, scenarioId, wallId });
    this.sendProposals(wallId);
    return 'proposed';
  }

  private withdraw(ruleId: string, scenarioId: string): number {
    const open = [...this.proposals.values()].filter((p) => p.ruleId === ruleId && p.scenarioId === scenarioId);
    for (const p of open) {
      this.proposals.delete(p.id);
      this.audit(ruleActor(ruleId), 'proposal.withdraw', `${p.id} (${p.scenarioId} → ${p.wallId})`, `rule ${ruleId}`, 'withdrawn');
    }
    for (const wallId of new Set(open.map((p) => p.wallId))) this.sendProposals(wallId);
    return open.length;
  }

  private closeProposalsFulfilledBy(a: Activation): void {
    const fulfilled = this.proposalsOf(a.wallId).filter((p) => p.scenarioId === a.scenario.id);
    for (const p of fulfilled) this.proposals.delete(p.id);
    if (fulfilled.length) this.sendProposals(a.wallId);
  }

  private sendProposals(wallId: string): void {
    this.sender.toWall(wallId, 'proposal:list', { wallId, proposals: this.proposalsOf(wallId) });
  }
}

const ruleActor = (ruleId: string): Actor => ({ name: `rule ${ruleId}`, role: 'system' });
