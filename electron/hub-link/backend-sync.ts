import { DEFAULT_APPLY_DELAY_MS } from '../../common/scenario-swap.js';
import type { Ack } from '../../common/protocol/errors.js';
import type { Actor } from '../../common/protocol/primitives.js';
import type { Activation, ActivationResult, Proposal, Scenario } from '../../common/protocol/scenario.js';
import { fail, ok, type Result } from '../../common/result.js';
import type { ScenarioCommandAnswer } from '../../common/scenario-view.js';
import { BackendLink, type BackendLinkOptions, type HubMessage } from './backend-link.js';
import { validateLayout } from '../startup/config-loader.js';
import type { Logger } from '../../node-common/log.js';
import { ScenarioAcks } from './scenario-acks.js';
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
  url: string;
  token: string;
  nodeId: string;
  /** Screens this node drives (default: all of the wall's). */
  screens?: string[];
  allowLocalActivation?: boolean;
  /** How long after the apply time screens may take to confirm (ms). */
  ackTimeoutMs?: number;
  link?: Partial<Pick<BackendLinkOptions, 'syncIntervalMs' | 'deadAfterMs' | 'reconnectDelayMs' | 'reconnectDelayMaxMs' | 'refusedRetryMs' | 'requestTimeoutMs'>>;
  now?: () => number;
}

export interface BackendSync {
  link: BackendLink;
  service: ScenarioService;
  close(): void;
}

const LOCAL_APPLY_DELAY_MS = DEFAULT_APPLY_DELAY_MS;

export function startBackendSync(o: BackendSyncOptions): BackendSync {
  const { core, log } = o;
  const now = o.now ?? Date.now;
  const wallId = core.state.wall.id;
  const screens = o.screens ?? core.state.wall.screens.map((s) => s.id);
  const acks = new ScenarioAcks(screens, now);
  let catalog: Scenario[] = [];
  let proposals: Proposal[] = [];
  let result: ActivationResult | null = null;
  let localReports: Array<{ scenarioId: string; actor: Actor; localAt: number }> = [];
  let expiry: NodeJS.Timeout | undefined;

  const link = new BackendLink({
    url: o.url, token: o.token, nodeId: o.nodeId, wallId, screens, log: log.child('link'), now, ...o.link,
    current: () => {
      const s = core.state.scenario;
      return s && !s.local && s.revision > 0 ? { revision: s.revision, scenarioId: s.id } : null;
    },
    handlers: {
      // A node showing a hub's scenario kept from before a restart was connected before: a failed attempt means the hub is away.
      state: (state, since, message) => core.setBackend({ state: state === 'connecting' && message && core.state.scenario?.local === false ? 'lost' : state, since, hubUrl: o.url, ...(message ? { message } : {}) }),
      message: onMessage,
      badActivation: (w, revision, reason) => {
        if (w !== wallId || revision <= (core.state.scenario?.revision ?? 0)) return;
        refuse(revision, `this wall node cannot take activation ${revision}: ${reason}`.slice(0, 500), 'scenario/invalid', 'hub activation');
      },
    },
  });

  function onMessage(m: HubMessage): void {
    switch (m.event) {
      case 'hub:hello':
        if (m.payload.revision === 0 && core.state.scenario?.local) reportLocal(0);
        return sendAck(true);
      case 'wall:activation':
        return apply(m.payload);
      case 'scenario:catalog':
        if (m.payload.wallId === wallId) catalog = m.payload.scenarios;
        return overview();
      case 'proposal:list':
        if (m.payload.wallId === wallId) proposals = m.payload.proposals;
        return overview();
      case 'activation:result':
        if (m.payload.wallId === wallId && m.payload.revision >= (result?.revision ?? 0)) result = m.payload;
        return overview();
      case 'data:snapshot':
      case 'data:update':
        return core.publishData(m.payload.entries);
      case 'hub:error':
        return;
    }
  }

  function apply(a: Activation): void {
    if (a.wallId !== wallId) return log.warn('activation for another wall ignored', { wallId: a.wallId });
    const state = scenarioStateOf(a, (t) => link.toLocal(t));
    const wasLocal = core.state.scenario?.local === true;
    if (!supersedes(state, core.state.scenario)) {
      log.debug('activation already shown or older', { revision: a.revision, shown: core.state.scenario?.revision });
      return;
    }
    const fits = validateLayout(a.scenario.layout, core.state.wall);
    if (!fits.ok) return refuse(a.revision, `the scenario's layout does not fit this wall: ${fits.error.message}`.slice(0, 500), 'scenario/layout-mismatch', `scenario ${a.scenario.id}`);
    const committedAt = now();
    const { revision } = core.applyScenario(state, fits.value);
    log.info('scenario applied', { scenario: a.scenario.id, revision: a.revision, stateRevision: revision, applyAt: state.applyAt });
    acks.track({ revision: a.revision, localRevision: revision, committedAt });
    clearTimeout(expiry);
    expiry = setTimeout(() => (acks.expire(), sendAck(false)), Math.max(0, state.applyAt - now()) + (o.ackTimeoutMs ?? 10_000));
    expiry.unref();
    sendAck(false);
    if (wasLocal) reportLocal(a.revision);
  }

  /** Nothing changes on the screens; every screen is reported failed with the reason, and the console shows it. */
  function refuse(revision: number, message: string, code: string, where: string): void {
    log.error('activation refused', { revision, message });
    core.reportProblem({ code, message, where });
    void link.request('wall:ack', { wallId, revision, screens: screens.map((screenId) => ({ screenId, status: 'failed' as const, message, at: now() })) });
  }

  function sendAck(force: boolean): void {
    const computed = acks.compute(core.screenStatuses);
    const revision = acks.revision;
    if (!computed || revision === null || (!computed.changed && !force)) return;
    if (link.state.state !== 'connected') return; // sent again after the reconnect's hello
    void link.request('wall:ack', { wallId, revision, screens: computed.screens }).then((answer) => {
      if (!answer.ok) log.warn('acknowledgement refused', { revision, ...answer.error });
    });
  }

  function reportLocal(replacedByRevision: number): void {
    for (const r of localReports) void link.request('node:local-activation', { wallId, ...r, replacedByRevision });
    localReports = [];
  }

  function overview(): void {
    core.setScenarioOverview({ scenarios: catalog, proposals, result });
  }

  const offline = (): Result<never> => {
    const since = new Date(link.state.since).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    return fail('backend-offline', `Mất kết nối máy chủ từ ${since}: chưa kích hoạt, để tường không lệch với trung tâm. / Backend connection lost since ${since}: nothing was changed, so the wall does not diverge from the centre.`);
  };
  const answered = (a: Ack<{ revision: number; applyAt: number }>): Result<ScenarioCommandAnswer> =>
    a.ok ? ok({ revision: a.value.revision, applyAt: Math.round(link.toLocal(a.value.applyAt)), local: false }) : fail(a.error.code, a.error.message);
  const connected = () => link.state.state === 'connected';

  const service: ScenarioService = {
    async activate(scenarioId, actor, localOnly) {
      if (connected()) return answered(await link.request('scenario:activate', { wallId, scenarioId, actor }));
      if (!localOnly) return offline();
      if (!o.allowLocalActivation) return fail('backend-offline', 'Tường này không cho phép kích hoạt cục bộ khi mất kết nối. / This wall does not allow local-only activation while the backend is unreachable.');
      return activateLocally(scenarioId, actor);
    },
    async revert(actor) {
      return connected() ? answered(await link.request('scenario:revert', { wallId, actor })) : offline();
    },
    async confirm(proposalId, actor) {
      return connected() ? answered(await link.request('proposal:confirm', { proposalId, actor })) : offline();
    },
    async dismiss(proposalId, actor) {
      if (!connected()) return offline();
      const a = await link.request('proposal:dismiss', { proposalId, actor });
      return a.ok ? ok(null) : fail(a.error.code, a.error.message);
    },
    async publish(scenario, actor) {
      if (!connected()) return fail('backend-offline', 'Mất kết nối máy chủ: chưa gửi được kịch bản, hãy thử lại khi có kết nối. / Backend connection lost: the scenario was not sent; try again once connected.');
      const a = await link.request('scenario:publish', { scenario, actor });
      return a.ok ? ok(a.value) : fail(a.error.code, a.error.message);
    },
  };

  function activateLocally(scenarioId: string, actor: Actor): Result<ScenarioCommandAnswer> {
    if (actor.role !== 'leader' && actor.role !== 'admin') return fail('forbidden', `only a leader may activate a scenario; ${actor.name} is ${actor.role}`);
    const scenario = catalog.find((s) => s.id === scenarioId);
    if (!scenario) return fail('unknown-scenario', `no scenario "${scenarioId}" is known on this node`);
    const fits = validateLayout(scenario.layout, core.state.wall);
    if (!fits.ok) return fail('layout-mismatch', fits.error.message);
    const at = now();
    const state = { id: scenario.id, name: scenario.name, severity: scenario.severity, revision: core.state.scenario?.revision ?? 0, activatedBy: actor, source: 'local' as const, activatedAt: at, applyAt: at + LOCAL_APPLY_DELAY_MS, local: true };
    core.applyScenario(state, fits.value);
    localReports.push({ scenarioId, actor, localAt: at });
    log.warn('scenario applied on this node only; the hub is unreachable', { scenario: scenarioId, actor: actor.name });
    return ok({ revision: state.revision, applyAt: state.applyAt, local: true });
  }

  const stopScreens = core.onScreens(() => sendAck(false));
  core.setScenarioService(service);
  core.setBackend({ state: 'connecting', since: now(), hubUrl: o.url });
  link.start();
  return {
    link,
    service,
    close() {
      stopScreens();
      clearTimeout(expiry);
      core.setScenarioService(null);
      link.close();
    },
  };
}
