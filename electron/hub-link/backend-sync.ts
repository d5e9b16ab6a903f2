import { DEFAULT_APPLY_DELAY_MS } from '../../common/scenario-swap.js';
import type { Ack } from '../../common/protocol/errors.js';
import type { Actor } from '../../common/protocol/primitives.js';
import type { Activation, ActivationResult, Proposal, Scenario } from '../../common/protocol/scenario.js';
import { fail, failWith, ok, type Result } from '../../common/result.js';
import type { ScenarioCommandAnswer } from '../../common/scenario-view.js';
import type { RuleStatus } from '../../common/rules/rule-status.js';
import { BackendLink, type BackendLinkOptions, type HubMessage } from './backend-link.js';
import { validateLayout } from '../startup/config-loader.js';
import type { Logger } from '../../node-common/log.js';
import { ScenarioAcks } from './scenario-acks.js';
import { HealthReport, wallHealthToLocal } from './health-report.js';
import type { ScenarioService } from './scenario-service.js';
import { scenarioStateOf, supersedes } from './scenario-state.js';
import type { WallCore } from '../wall/wall-core.js';

// Joins the backend link to the wall core: activations become layout + scenario changes (ordered,
// idempotent), screen reports become acknowledgements, data goes to the cache, and the console's
// scenario commands go to the hub. Offline, a leader's activation is refused with a clear message
// unless this node allows local-only activation; see docs/protocol.md, "Offline".

export interface BackendSyncOptions {
  core: WallCore;
  log: Logger;
  /** The hub's URL, or several tried in order (docs/protocol.md §6.1). */
  url: string | readonly string[];
  token: string;
  /** The CA the hub's certificate is checked against (https hubs). */
  ca?: Buffer;
  nodeId: string;
  /** Screens this node drives (default: all of the wall's). */
  screens?: string[];
  allowLocalActivation?: boolean;
  /** How long after the apply time screens may take to confirm (ms). */
  ackTimeoutMs?: number;
  link?: Partial<Pick<BackendLinkOptions, 'syncIntervalMs' | 'deadAfterMs' | 'reconnectDelayMs' | 'reconnectDelayMaxMs' | 'refusedRetryMs' | 'requestTimeoutMs' | 'healthIntervalMs'>>;
  now?: () => number;
}

const LOCAL_APPLY_DELAY_MS = DEFAULT_APPLY_DELAY_MS;

export function startBackendSync(o: BackendSyncOptions): BackendSync {
  const sync = new BackendSync(o);
  sync.start();
  return sync;
}

export class BackendSync {
  readonly link: BackendLink;
  /** The console's scenario commands, as the core calls them (set on the core by start()). */
  readonly service: ScenarioService;
  private readonly core: WallCore;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly wallId: string;
  private readonly screens: string[];
  private readonly acks: ScenarioAcks;
  private catalog: Scenario[] = [];
  private proposals: Proposal[] = [];
  private rules: RuleStatus[] = [];
  private result: ActivationResult | null = null;
  private localReports: Array<{ scenarioId: string; actor: Actor; localAt: number }> = [];
  private expiry: NodeJS.Timeout | undefined;
  private stopScreens: (() => void) | null = null;
  private health: HealthReport | null = null;

  constructor(private readonly o: BackendSyncOptions) {
    const { core } = o;
    this.core = core;
    this.log = o.log;
    this.now = o.now ?? Date.now;
    this.wallId = core.state.wall.id;
    this.screens = o.screens ?? core.state.wall.screens.map((s) => s.id);
    this.acks = new ScenarioAcks(this.screens, this.now);
    this.link = new BackendLink({
      url: o.url, token: o.token, ...(o.ca ? { ca: o.ca } : {}), nodeId: o.nodeId, wallId: this.wallId, screens: this.screens, log: this.log.child('link'), now: this.now, ...o.link,
      current: () => {
        const s = core.state.scenario;
        return s && !s.local && s.revision > 0 ? { revision: s.revision, scenarioId: s.id } : null;
      },
      handlers: {
        // A node showing a hub's scenario kept from before a restart was connected before: a failed attempt means the hub is away.
        state: (state, since, message) => core.setBackend({ state: state === 'connecting' && message && core.state.scenario?.local === false ? 'lost' : state, since, hubUrl: this.link.url, ...(message ? { message } : {}) }),
        message: (m) => this.onMessage(m),
        badActivation: (w, revision, reason) => {
          if (w !== this.wallId || revision <= (core.state.scenario?.revision ?? 0)) return;
          this.refuse(revision, `this wall node cannot take activation ${revision}: ${reason}`.slice(0, 500), 'scenario/invalid', 'hub activation');
        },
      },
    });
    this.service = {
      activate: (scenarioId, actor, localOnly, requestId) => this.activate(scenarioId, actor, localOnly, requestId),
      revert: (actor) => this.revert(actor),
      confirm: (proposalId, actor) => this.confirm(proposalId, actor),
      dismiss: (proposalId, actor) => this.dismiss(proposalId, actor),
      publish: (scenario, actor) => this.publish(scenario, actor),
    };
  }

  /** Gives the core its scenario service, follows the screens' reports, and starts the link. */
  start(): void {
    this.stopScreens = this.core.onScreens(() => this.sendAck(false));
    this.core.setScenarioService(this.service);
    this.core.setBackend({ state: 'connecting', since: this.now(), hubUrl: this.link.url });
    this.health = new HealthReport({ core: this.core, link: this.link, screens: this.screens, log: this.log.child('health'), now: this.now });
    this.link.start();
  }

  /** Stops following the screens, clears the acknowledgement deadline, takes the service back, closes the link. */
  close(): void {
    this.stopScreens?.();
    this.stopScreens = null;
    clearTimeout(this.expiry);
    this.health?.close();
    this.health = null;
    this.core.setScenarioService(null);
    this.link.close();
  }

  private onMessage(m: HubMessage): void {
    switch (m.event) {
      case 'hub:hello':
        if (m.payload.revision === 0 && this.core.state.scenario?.local) this.reportLocal(0);
        this.health?.connected();
        return this.sendAck(true);
      case 'wall:health':
        if (m.payload.wallId === this.wallId) this.core.setWallHealth(wallHealthToLocal(m.payload, (t) => this.link.toLocal(t)));
        return;
      case 'wall:activation':
        return this.apply(m.payload);
      case 'scenario:catalog':
        if (m.payload.wallId === this.wallId) this.catalog = m.payload.scenarios;
        return this.overview();
      case 'proposal:list':
        if (m.payload.wallId === this.wallId) this.proposals = m.payload.proposals;
        return this.overview();
      case 'rule:list':
        this.rules = m.payload.rules;
        return this.overview();
      case 'activation:result':
        if (m.payload.wallId === this.wallId && m.payload.revision >= (this.result?.revision ?? 0)) this.result = m.payload;
        return this.overview();
      case 'data:snapshot':
      case 'data:update':
        return this.core.publishData(m.payload.entries);
      case 'hub:error':
        return;
    }
  }

  private apply(a: Activation): void {
    const { core, log } = this;
    if (a.wallId !== this.wallId) return log.warn('activation for another wall ignored', { wallId: a.wallId });
    const state = scenarioStateOf(a, (t) => this.link.toLocal(t));
    const wasLocal = core.state.scenario?.local === true;
    if (!supersedes(state, core.state.scenario)) {
      log.debug('activation already shown or older', { revision: a.revision, shown: core.state.scenario?.revision });
      return;
    }
    const fits = validateLayout(a.scenario.layout, core.state.wall);
    if (!fits.ok) return this.refuse(a.revision, `the scenario's layout does not fit this wall: ${fits.error.message}`.slice(0, 500), 'scenario/layout-mismatch', `scenario ${a.scenario.id}`);
    const committedAt = this.now();
    const { revision } = core.applyScenario(state, fits.value, { keepOverrides: a.scenario.handCameras === 'keep' });
    log.info('scenario applied', { scenario: a.scenario.id, revision: a.revision, stateRevision: revision, applyAt: state.applyAt });
    this.acks.track({ revision: a.revision, localRevision: revision, committedAt });
    clearTimeout(this.expiry);
    this.expiry = setTimeout(() => (this.acks.expire(), this.sendAck(false)), Math.max(0, state.applyAt - this.now()) + (this.o.ackTimeoutMs ?? 10_000));
    this.expiry.unref();
    this.sendAck(false);
    if (wasLocal) this.reportLocal(a.revision);
  }

  /** Nothing changes on the screens; every screen is reported failed with the reason, and the console shows it. */
  private refuse(revision: number, message: string, code: string, where: string): void {
    this.log.error('activation refused', { revision, message });
    this.core.reportProblem({ code, message, where });
    void this.link.request('wall:ack', { wallId: this.wallId, revision, screens: this.screens.map((screenId) => ({ screenId, status: 'failed' as const, message, at: this.now() })) });
  }

  private sendAck(force: boolean): void {
    const computed = this.acks.compute(this.core.screenStatuses);
    const revision = this.acks.revision;
    if (!computed || revision === null || (!computed.changed && !force)) return;
    if (!this.connected()) return; // sent again after the reconnect's hello
    void this.link.request('wall:ack', { wallId: this.wallId, revision, screens: computed.screens }).then((answer) => {
      if (!answer.ok) this.log.warn('acknowledgement refused', { revision, ...answer.error });
    });
  }

  private reportLocal(replacedByRevision: number): void {
    for (const r of this.localReports) void this.link.request('node:local-activation', { wallId: this.wallId, ...r, replacedByRevision });
    this.localReports = [];
  }

  private overview(): void {
    this.core.setScenarioOverview({ scenarios: this.catalog, proposals: this.proposals, result: this.result, rules: this.rules });
  }

  private connected(): boolean {
    return this.link.state.state === 'connected';
  }

  private offline(): Result<never> {
    const sinceAt = this.link.state.since;
    return failWith('backend-offline', `Backend connection lost since ${new Date(sinceAt).toISOString()}: nothing was changed, so the wall does not diverge from the centre.`, { sinceAt });
  }

  private answered(a: Ack<{ revision: number; applyAt: number }>): Result<ScenarioCommandAnswer> {
    return a.ok ? ok({ revision: a.value.revision, applyAt: Math.round(this.link.toLocal(a.value.applyAt)), local: false }) : fail(a.error.code, a.error.message);
  }

  private async activate(scenarioId: string, actor: Actor, localOnly: boolean, requestId?: string): Promise<Result<ScenarioCommandAnswer>> {
    if (this.connected()) return this.answered(await this.link.request('scenario:activate', { wallId: this.wallId, scenarioId, actor, ...(requestId ? { requestId } : {}) }));
    if (!localOnly) return this.offline();
    if (!this.o.allowLocalActivation) return failWith('backend-offline/no-local', 'This wall does not allow local-only activation while the backend is unreachable.', {});
    return this.activateLocally(scenarioId, actor);
  }

  private async revert(actor: Actor): Promise<Result<ScenarioCommandAnswer>> {
    return this.connected() ? this.answered(await this.link.request('scenario:revert', { wallId: this.wallId, actor })) : this.offline();
  }

  private async confirm(proposalId: string, actor: Actor): Promise<Result<ScenarioCommandAnswer>> {
    return this.connected() ? this.answered(await this.link.request('proposal:confirm', { proposalId, actor })) : this.offline();
  }

  private async dismiss(proposalId: string, actor: Actor): Promise<Result<null>> {
    if (!this.connected()) return this.offline();
    const a = await this.link.request('proposal:dismiss', { proposalId, actor });
    return a.ok ? ok(null) : fail(a.error.code, a.error.message);
  }

  private async publish(scenario: Scenario, actor: Actor): Promise<Result<{ version: number }>> {
    if (!this.connected()) return failWith('backend-offline/not-sent', 'Backend connection lost: the scenario was not sent; try again once connected.', {});
    const a = await this.link.request('scenario:publish', { scenario, actor });
    return a.ok ? ok(a.value) : fail(a.error.code, a.error.message);
  }

  private activateLocally(scenarioId: string, actor: Actor): Result<ScenarioCommandAnswer> {
    const { core } = this;
    if (actor.role !== 'leader' && actor.role !== 'admin') return fail('forbidden', `only a leader may activate a scenario; ${actor.name} is ${actor.role}`);
    const scenario = this.catalog.find((s) => s.id === scenarioId);
    if (!scenario) return fail('unknown-scenario', `no scenario "${scenarioId}" is known on this node`);
    const fits = validateLayout(scenario.layout, core.state.wall);
    if (!fits.ok) return fail('layout-mismatch', fits.error.message);
    const at = this.now();
    const state = { id: scenario.id, name: scenario.name, severity: scenario.severity, revision: core.state.scenario?.revision ?? 0, activatedBy: actor, source: 'local' as const, activatedAt: at, applyAt: at + LOCAL_APPLY_DELAY_MS, local: true };
    core.applyScenario(state, fits.value, { keepOverrides: scenario.handCameras === 'keep' });
    this.localReports.push({ scenarioId, actor, localAt: at });
    this.log.warn('scenario applied on this node only; the hub is unreachable', { scenario: scenarioId, actor: actor.name });
    return ok({ revision: state.revision, applyAt: state.applyAt, local: true });
  }
}
