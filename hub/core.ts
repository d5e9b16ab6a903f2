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
import { StoreUnavailable, type HubStore } from './store/hub-store.js';
import { RefusalSummary, summaryText } from '../node-common/audit/refusal-summary.js';
import { NodeRegistry, type NodeInfo } from './registry.js';
import { RuleRunner, type RuleHost } from './rules/rule-runner.js';
import { SocBook, type SocIngest } from './soc/soc-book.js';
import type { Rule } from '../common/rules/rule-schema.js';
import type { RuleStatus } from '../common/rules/rule-status.js';
import { WallHealthBook } from './wall-health.js';
import type { NodeHealth } from '../common/protocol/health.js';

// The hub's state and rules, without a transport: sockets.ts and rest.ts call in, and the hub
// sends through a Sender. Every command answers with an Ack and leaves an audit entry.

export interface Sender {
  /** To every node of the wall, on every hub; `local`: only those connected to this hub. */
  toWall<E extends HubEvent>(wallId: string, event: E, payload: HubPayload<E>, options?: { local?: boolean }): void;
  toAll<E extends HubEvent>(event: E, payload: HubPayload<E>): void;
}

export interface HubCoreOptions {
  store: HubStore;
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

export type Command = { actor: Actor; origin: string; via?: string; idempotencyKey?: string };
export type CommandResult = Ack<{ revision: number; applyAt: number }>;

export class HubCore {
  readonly registry = new NodeRegistry();
  readonly activations: ActivationBook;
  /** Every node of each wall, connected or not, and its screens' health (for the consoles and REST). */
  readonly health: WallHealthBook;
  /** Refusals of unauthenticated or repeated requests, one summary row per source a minute. */
  readonly refusals: RefusalSummary;
  private readonly data = new DataCache();
  /** Open proposals, written through to the store; loaded from it at start. */
  private readonly proposals = new Map<string, Proposal>();
  /** The stored scenarios as the rules read them (synchronously): loaded at start, kept on publish. */
  private readonly scenarioView = new Map<string, Scenario>();
  private readonly rules: RuleRunner;
  private readonly soc = new SocBook();
  /** Rule activations and reverts still waiting for the store. */
  private readonly ruleCommands = new Set<Promise<unknown>>();
  private proposalSeq = 0;
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(private readonly options: HubCoreOptions, private readonly sender: Sender) {
    this.now = options.now ?? Date.now;
    this.log = options.log;
    this.activations = new ActivationBook({
      store: options.store,
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
    this.rules = new RuleRunner(options.rules ?? [], this.ruleHost());
    this.health = new WallHealthBook({ now: this.now, send: (h) => sender.toWall(h.wallId, 'wall:health', h) });
  }

  get store(): HubStore {
    return this.options.store;
  }

  get hubId(): string {
    return this.options.hubId;
  }

  /** Loads what the store holds: scenarios and open proposals for the rules, timers for auto-reverts. */
  async start(): Promise<void> {
    for (const s of await this.store.scenarios()) this.scenarioView.set(s.id, s);
    for (const p of await this.store.openProposals()) this.proposals.set(p.id, p);
    await this.activations.start();
  }

  /** Register a node and return what it must receive, in order, to be fully in step. */
  async connectNode(auth: HandshakeAuth, protocol: number, connectionId: string, address: string): Promise<Ack<{ replaced: NodeInfo | null; resync: Array<[HubEvent, unknown]> }>> {
    const info: NodeInfo = { nodeId: auth.nodeId, wallId: auth.wallId, screens: auth.screens, connectionId, address, protocol, connectedAt: this.now() };
    const registered = this.registry.register(info);
    if (!registered.ok) return protocolError('forbidden', registered.message);
    try {
      if (auth.current) await this.activations.adopt(auth.wallId, auth.current, `node ${auth.nodeId} (${address})`);
      await this.activations.nodeJoined(info);
      this.health.connected(info);
      const hello: Hello = {
        protocol,
        hubId: this.options.hubId,
        hubTime: this.now(),
        revision: await this.store.revision(auth.wallId),
        heartbeat: { ...HEARTBEAT },
        maxEventBytes: MAX_EVENT_BYTES,
      };
      const resync: Array<[HubEvent, unknown]> = [
        ['hub:hello', hello],
        ['scenario:catalog', { wallId: auth.wallId, scenarios: await this.scenariosOf(auth.wallId) }],
      ];
      const current = await this.activations.current(auth.wallId);
      if (current) resync.push(['wall:activation', current]);
      const result = this.activations.result(auth.wallId);
      if (result) resync.push(['activation:result', result]);
      resync.push(['proposal:list', { wallId: auth.wallId, proposals: this.proposalsOf(auth.wallId) }]);
      resync.push(['rule:list', { rules: this.rules.list() }]);
      for (const entries of chunkEntries(this.data.list())) resync.push(['data:snapshot', { entries }]);
      resync.push(['wall:health', this.health.of(auth.wallId)]);
      this.log.info('node connected', { nodeId: info.nodeId, wallId: info.wallId, screens: info.screens, address, protocol });
      return { ok: true, value: { replaced: registered.replaced, resync } };
    } catch (error) {
      // Without its store the hub cannot tell the node the truth: turn it away, it tries another hub.
      this.registry.unregister(info.nodeId, connectionId);
      return this.storeError('connect a node', error);
    }
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

  activate(req: Command & { scenarioId: string; wallId?: string; source: 'console' | 'rest' | 'rule' }): Promise<CommandResult> {
    return this.guard('activate', () => this.activations.activate(req));
  }

  revert(req: Command & { wallId: string; source?: 'rule' }): Promise<CommandResult> {
    return this.guard('revert', () => this.activations.revert(req));
  }

  async acknowledge(node: NodeInfo, ack: WallAck): Promise<Ack<null>> {
    if (ack.wallId !== node.wallId) return protocolError('wrong-wall', `node "${node.nodeId}" drives wall "${node.wallId}", not "${ack.wallId}"`);
    const foreign = ack.screens.filter((s) => !node.screens.includes(s.screenId)).map((s) => s.screenId);
    if (foreign.length) return protocolError('forbidden', `node "${node.nodeId}" does not drive screen(s) ${foreign.join(', ')}`);
    return this.guard('acknowledge', async () => {
      await this.activations.acknowledge(node.nodeId, ack);
      return { ok: true, value: null };
    });
  }

  reportLocalActivation(node: NodeInfo, report: NodePayload<'node:local-activation'>): Ack<null> {
    if (report.wallId !== node.wallId) return protocolError('wrong-wall', `node "${node.nodeId}" drives wall "${node.wallId}", not "${report.wallId}"`);
    this.audit(report.actor, 'scenario.local-activate', `${report.scenarioId} → ${report.wallId}`, `node ${node.nodeId} (${node.address})`,
      `applied on this node only while offline; replaced by revision ${report.replacedByRevision} on reconnect`, { localAt: report.localAt });
    return { ok: true, value: null };
  }

  /** Keep a scenario from a console (a new one, or the next version of one) and send the wall its catalog. */
  publishScenario(req: Command & { scenario: Scenario }): Promise<Ack<{ version: number }>> {
    return this.guard('publish a scenario', async () => {
      const { scenario, actor } = req;
      if (actor.role !== 'leader' && actor.role !== 'admin') {
        this.audit(actor, 'scenario.publish', scenario.id, req.origin, 'refused: forbidden');
        return protocolError('forbidden', `only a leader may publish a scenario; ${actor.name} is ${actor.role}`);
      }
      const wallId = scenario.layout.wallId;
      const catalog = await this.scenariosOf(wallId);
      if (!catalog.some((s) => s.id === scenario.id) && catalog.length >= 100) {
        this.audit(actor, 'scenario.publish', scenario.id, req.origin, 'refused: too-many');
        return protocolError('too-large', `wall "${wallId}" already has 100 scenarios, the most a catalog carries; remove one first`);
      }
      const stored = await this.store.scenario(scenario.id);
      if (stored && stored.layout.wallId !== wallId) {
        this.audit(actor, 'scenario.publish', scenario.id, req.origin, 'refused: wrong-wall');
        return protocolError('wrong-wall', `scenario "${scenario.id}" belongs to wall "${stored.layout.wallId}"; give this one another id`);
      }
      const version = (stored?.version ?? 0) + 1;
      await this.store.saveScenario({ ...scenario, version });
      this.scenarioView.set(scenario.id, { ...scenario, version });
      this.audit(actor, 'scenario.publish', `${scenario.id} → ${wallId}`, req.origin, `stored: version ${version}`);
      this.sender.toWall(wallId, 'scenario:catalog', { wallId, scenarios: await this.scenariosOf(wallId) });
      return { ok: true, value: { version } };
    });
  }

  confirmProposal(req: Command & { proposalId: string }): Promise<CommandResult> {
    return this.guard('confirm a proposal', async () => {
      const proposal = this.proposals.get(req.proposalId);
      if (!proposal) {
        this.audit(req.actor, 'proposal.confirm', req.proposalId, req.origin, 'refused: unknown-proposal');
        return protocolError('unknown-proposal', `no open proposal "${req.proposalId}"; it may have been confirmed or dismissed already`);
      }
      const result = await this.activations.activate({ ...req, scenarioId: proposal.scenarioId, wallId: proposal.wallId, source: 'rule' });
      this.audit(req.actor, 'proposal.confirm', `${proposal.id} (${proposal.scenarioId} → ${proposal.wallId})`, req.origin,
        result.ok ? `accepted: revision ${result.value.revision}` : `refused: ${result.error.code}`);
      return result;
    });
  }

  dismissProposal(req: Command & { proposalId: string }): Promise<Ack<null>> {
    return this.guard('dismiss a proposal', async () => {
      const proposal = this.proposals.get(req.proposalId);
      if (!proposal) return protocolError('unknown-proposal', `no open proposal "${req.proposalId}"`);
      if (req.actor.role !== 'leader' && req.actor.role !== 'admin') {
        this.audit(req.actor, 'proposal.dismiss', proposal.id, req.origin, 'refused: forbidden');
        return protocolError('forbidden', `only a leader may dismiss a proposal; ${req.actor.name} is ${req.actor.role}`);
      }
      this.closeProposal(proposal);
      this.audit(req.actor, 'proposal.dismiss', `${proposal.id} (${proposal.scenarioId} → ${proposal.wallId})`, req.origin, 'dismissed');
      this.sendProposals(proposal.wallId);
      return { ok: true, value: null };
    });
  }

  /** New values from a feed: kept for late joiners, sent to every node, checked by the rules; settles when what the rules did is stored. */
  publish(entries: readonly DataEntry[]): Promise<void> {
    this.data.merge(entries);
    for (const chunk of chunkEntries(entries)) this.sender.toAll('data:update', { entries: chunk });
    this.rules.onData(entries);
    return this.rulesSettled();
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

  /** Look at every rule now (their timer does this by itself; tests on a fake clock call it); settles when what they did is stored. */
  checkRules(): Promise<void> {
    this.rules.check();
    return this.rulesSettled();
  }

  /** Settles when every rule activation or revert under way is stored (or refused). */
  async rulesSettled(): Promise<void> {
    while (this.ruleCommands.size) await Promise.allSettled([...this.ruleCommands]);
  }

  private track<T>(command: Promise<T>): Promise<T> {
    this.ruleCommands.add(command);
    void command.finally(() => this.ruleCommands.delete(command));
    return command;
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

  async scenariosOf(wallId: string): Promise<Scenario[]> {
    return (await this.store.scenarios()).filter((s) => s.layout.wallId === wallId);
  }

  proposalsOf(wallId: string): Proposal[] {
    return [...this.proposals.values()].filter((p) => p.wallId === wallId);
  }

  allProposals(): Proposal[] {
    return [...this.proposals.values()];
  }

  /** Written when the store answers; if it cannot be written, the hub's log says so. */
  audit(actor: Actor | { name: string; role: string | null }, action: string, target: string | null, origin: string, result: string, detail?: Record<string, unknown>): void {
    this.store.audit({ at: this.now(), actor: actor.name, role: actor.role, action, target, origin, result, ...(detail ? { detail } : {}) }).catch((error: unknown) =>
      this.log.error('audit entry not written', { action, target, result: result.slice(0, 200), error: String(error) }),
    );
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

  /** A command whose store is away is refused plainly: nothing was stored, no revision handed out. */
  private async guard<T>(what: string, run: () => Promise<Ack<T>>): Promise<Ack<T>> {
    try {
      return await run();
    } catch (error) {
      return this.storeError(what, error);
    }
  }

  private storeError(what: string, error: unknown): Ack<never> {
    const unavailable = error instanceof StoreUnavailable;
    this.log.error(`cannot ${what}`, { error: String(error) });
    return unavailable
      ? protocolError('store-unavailable', `${error.message}. Nothing was changed; try again, or through another hub.`)
      : protocolError('internal', `the hub failed to ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** What the rules may do, synchronously, as RuleRunner asks; commands settle when the store answers. */
  private ruleHost(): RuleHost {
    return {
      now: this.now,
      data: () => this.data.list(),
      scenario: (id) => this.scenarioView.get(id) ?? null,
      currentScenarioId: (wallId) => this.activations.shownScenarioId(wallId),
      propose: (ruleId, scenarioId, reason) => this.propose(ruleId, scenarioId, reason),
      withdraw: (ruleId, scenarioId) => this.withdraw(ruleId, scenarioId),
      activate: (ruleId, scenario) =>
        this.track(this.activate({ scenarioId: scenario.id, wallId: scenario.layout.wallId, actor: ruleActor(ruleId), origin: `rule ${ruleId}`, source: 'rule' }).then(done)),
      revert: (ruleId, wallId) => this.track(this.revert({ wallId, actor: ruleActor(ruleId), origin: `rule ${ruleId}`, source: 'rule' }).then(done)),
      audit: (ruleId, action, target, result, detail) => this.audit(ruleActor(ruleId), action, target, `rule ${ruleId}`, result, detail),
      changed: () => this.sender.toAll('rule:list', { rules: this.rules.list() }),
    };
  }

  private propose(ruleId: string, scenarioId: string, reason: Proposal['reason']): 'proposed' | 'already-open' | 'already-active' {
    const wallId = this.scenarioView.get(scenarioId)?.layout.wallId ?? '';
    if (this.activations.shownScenarioId(wallId) === scenarioId) return 'already-active';
    if (this.proposalsOf(wallId).some((p) => p.scenarioId === scenarioId)) return 'already-open';
    const proposal: Proposal = { id: `p${this.now().toString(36)}-${this.options.hubId.slice(-8)}-${++this.proposalSeq}`, wallId, scenarioId, reason, ruleId, createdAt: this.now() };
    this.proposals.set(proposal.id, proposal);
    this.store.addProposal(proposal).catch((error: unknown) => this.log.error('proposal not stored; it stays open on this hub only', { proposal: proposal.id, error: String(error) }));
    this.audit(ruleActor(ruleId), 'proposal.create', `${scenarioId} → ${wallId}`, `rule ${ruleId}`, 'proposed', { reason: reason.en });
    this.log.info('scenario proposed', { proposal: proposal.id, scenarioId, wallId });
    this.sendProposals(wallId);
    return 'proposed';
  }

  private withdraw(ruleId: string, scenarioId: string): number {
    const open = [...this.proposals.values()].filter((p) => p.ruleId === ruleId && p.scenarioId === scenarioId);
    for (const p of open) {
      this.closeProposal(p);
      this.audit(ruleActor(ruleId), 'proposal.withdraw', `${p.id} (${p.scenarioId} → ${p.wallId})`, `rule ${ruleId}`, 'withdrawn');
    }
    for (const wallId of new Set(open.map((p) => p.wallId))) this.sendProposals(wallId);
    return open.length;
  }

  private closeProposal(p: Proposal): void {
    this.proposals.delete(p.id);
    this.store.closeProposal(p.id).catch((error: unknown) => this.log.error('proposal not closed in the store', { proposal: p.id, error: String(error) }));
  }

  private closeProposalsFulfilledBy(a: Activation): void {
    const fulfilled = this.proposalsOf(a.wallId).filter((p) => p.scenarioId === a.scenario.id);
    for (const p of fulfilled) this.closeProposal(p);
    if (fulfilled.length) this.sendProposals(a.wallId);
  }

  private sendProposals(wallId: string): void {
    this.sender.toWall(wallId, 'proposal:list', { wallId, proposals: this.proposalsOf(wallId) });
  }
}

const ruleActor = (ruleId: string): Actor => ({ name: `rule ${ruleId}`, role: 'system' });
const done = (answer: CommandResult): { ok: true } | { ok: false; message: string } => (answer.ok ? { ok: true } : { ok: false, message: answer.error.message });
