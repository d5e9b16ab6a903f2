import {
  describeIssues,
  invokeChannels,
  isInvokeChannel,
  MAX_MESSAGE_BYTES,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '../../common/contract.js';
import { chunkEntries } from '../../common/protocol/chunk.js';
import { jsonBytes } from '../../common/protocol/validate.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../common/json-depth.js';
import { storageFailure } from '../../node-common/db/errors.js';
import type { DataEntry } from '../../common/protocol/data.js';
import { fail, ok, type Result } from '../../common/result.js';
import type { Scenario } from '../../common/protocol/scenario.js';
import type { Procedure } from '../../common/procedure.js';
import type { ScenarioOverview } from '../../common/scenario-view.js';
import type { BackendStatus, Problem, ScenarioState, ScreenFaults, ScreenFrames, ScreenReport, ScreenStatus, WallState } from '../../common/state.js';
import { screenOwner, type WallHealth } from '../../common/protocol/health.js';
import { windowShapeFault } from '../../common/wall/window-shape.js';
import type { Layout } from '../../common/wall/layout-schema.js';
import { overridesThatFit, type Override } from '../../common/overrides.js';
import type { WallConfig } from '../../common/wall/schema.js';
import type { CoreGate } from './auth/gate.js';
import type { CoreClient } from './client.js';
import { initialTechnicianState, type TechnicianState } from '../../common/calibration/technician-state.js';
import { addPendingPage, fitToWall, removePendingPage } from './technician/presence.js';
import { commands, type StateChange } from './commands.js';
import type { CoreHandler, CoreHandlers } from './core-handlers.js';
import { DataCache } from '../../node-common/data-cache.js';
import type { Logger } from '../../node-common/log.js';
import { supersedes } from '../hub-link/scenario-state.js';
import { actorOf, noBackend, runScenarioCommand, type ScenarioService } from '../hub-link/scenario-service.js';
import { scenarioLayouts } from '../hub-link/scenario-layouts.js';
import { ScreenStatusBoard } from './screen-status.js';
import { LiveRelay } from './live-relay.js';
import type { ScreenStills } from '../../common/live-view.js';

export interface WallCoreOptions {
  wall: WallConfig;
  layout: Layout;
  language?: WallState['language'];
  log: Logger;
  now?: () => number;
  /** The technician's state at start (the calibration saved last time, the profiles). */
  technician?: TechnicianState;
  /** Called after every committed change, e.g. to save settings. */
  onCommit?: (state: WallState, change: StateChange) => void;
  /** The database file, named when a change cannot be saved (a full disk). */
  dbFile?: string;
}

/**
 * The one owner of the wall state. Transports (Electron IPC, the web host) hand it validated
 * connections and raw requests; it checks role and payload, applies named commands, and sends
 * every client a snapshot on connect, then patches with consecutive revisions.
 */
export class WallCore {
  private current: WallState;
  private readonly clients = new Set<CoreClient>();
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly board: ScreenStatusBoard;
  private readonly listeners = new Set<(state: WallState, change: StateChange) => void>();
  private readonly screenListeners = new Set<(statuses: ScreenStatus[]) => void>();
  private readonly data = new DataCache();
  private readonly dataListeners = new Set<(entries: readonly DataEntry[]) => void>();
  private readonly overviewListeners = new Set<(overview: ScenarioOverview) => void>();
  private overview: ScenarioOverview = { scenarios: [], proposals: [], result: null };
  private scenarios: ScenarioService | null = null;
  private gate: CoreGate | null = null;
  private readonly handlers = new Map<string, CoreHandler<never>>();
  /** The screens this node drives (node configuration); null: all of the wall's. */
  private own: ReadonlySet<string> | null = null;
  private ownerOf: (screenId: string) => string | null = (id) => screenOwner(this.health, id);
  private health: WallHealth | null = null;
  /** The console's live view: frames relayed while a console watches. */
  readonly live = new LiveRelay(() => this.clients);

  constructor(private readonly options: WallCoreOptions) {
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.current = {
      revision: 1,
      wall: options.wall,
      layout: options.layout,
      language: options.language ?? 'vi',
      identify: false,
      problems: [],
      scenario: null,
      backend: { state: 'off', since: null, hubUrl: null },
      technician: options.technician ?? initialTechnicianState(),
      procedure: null,
      overrides: [],
    };
    this.board = new ScreenStatusBoard(options.wall, this.now);
  }

  get state(): WallState {
    return this.current;
  }

  get screenStatuses() {
    return this.board.list();
  }

  /** Called after every committed change (e.g. the shell re-plans windows when the wall changes). */
  onChange(listener: (state: WallState, change: StateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Register a client; it gets the snapshot now and patches from then on. Returns the disconnect. */
  connect(client: CoreClient): () => void {
    if (client.role === 'screen' && client.screenId === undefined && client.pairCode !== undefined) return this.connectPending(client, client.pairCode);
    if (client.role === 'screen' && (client.screenId === undefined || !this.hasScreen(client.screenId))) {
      throw new Error(`unknown screen "${client.screenId ?? ''}"; known screens: ${this.screenIds().join(', ')}`);
    }
    if (client.role === 'screen' && client.screenId !== undefined && !this.drives(client.screenId)) throw new Error(this.notMine(client.screenId));
    this.clients.add(client);
    this.log.info('client connected', { client: client.id, role: client.role, screenId: client.screenId, transport: client.transport });
    client.send('state:snapshot', this.current);
    const chunks = chunkEntries(this.data.list());
    for (const entries of chunks.length ? chunks : [[]]) client.sendFeed?.('data:snapshot', { entries });
    if (client.role === 'console') client.sendFeed?.('scenarios:overview', this.overview);
    if (client.role === 'screen' && client.screenId) {
      const pages = this.pagesOf(client.screenId);
      if (pages > 1) this.log.warn('more than one page is open as this screen', { screenId: client.screenId, pages, client: client.id, address: client.address });
      this.board.connected(client.screenId, client.transport, pages);
    }
    if (client.role === 'console') client.send('wall:health', this.wallHealth);
    if (client.role === 'console') client.send('screens:status', this.board.list());
    this.live.joined(client);
    this.broadcastStatuses();
    return () => this.disconnect(client);
  }

  private disconnect(client: CoreClient): void {
    if (!this.clients.delete(client)) return;
    this.live.left(client);
    this.log.info('client disconnected', { client: client.id, role: client.role, screenId: client.screenId });
    if (client.role === 'screen' && client.screenId) {
      this.board.disconnected(client.screenId, this.pagesOf(client.screenId));
      this.broadcastStatuses();
    }
  }

  /**
   * Who may call what (signed-in console roles) and the audit log. startApp always installs one;
   * a core without it (unit tests of the core's mechanics) checks window roles and payloads only.
   */
  setGate(gate: CoreGate | null): void {
    this.gate = gate;
  }

  /** Serve channels that are not state commands (accounts, audit, layouts). */
  addHandlers(handlers: CoreHandlers): void {
    for (const [channel, handler] of Object.entries(handlers)) this.handlers.set(channel, handler as CoreHandler<never>);
  }

  /** A /screen page without a screen id: it gets the state, and shows its code until it is given a position. */
  private connectPending(client: CoreClient, code: string): () => void {
    this.clients.add(client);
    this.log.info('page waiting for a position', { client: client.id, code, transport: client.transport });
    client.send('state:snapshot', this.current);
    this.setTechnician(addPendingPage(this.technician, code, this.now()), { by: client.id, command: 'pages:waiting' });
    return () => {
      if (!this.clients.delete(client)) return;
      const next = removePendingPage(this.technician, code);
      if (next) this.setTechnician(next, { by: client.id, command: 'pages:left' });
    };
  }

  private get technician(): TechnicianState {
    return this.current.technician ?? initialTechnicianState();
  }

  /** A technician change (calibration, test pattern, displays, waiting pages): one patch of that field. */
  setTechnician(technician: TechnicianState, meta: { by: string; command: string }): number {
    return this.commit({ technician }, meta);
  }

  /** Handle one request from a client: never throws, always answers with a Result. */
  handle(client: CoreClient, channel: unknown, payload: unknown): Promise<Result<unknown>> {
    const receivedAt = this.now();
    const run = () => this.run(client, channel, payload, receivedAt);
    return this.gate ? this.gate.audited(client, channel, payload, run) : run();
  }

  private async run(client: CoreClient, channel: unknown, payload: unknown, receivedAt: number): Promise<Result<unknown>> {
    if (!isInvokeChannel(channel)) {
      this.log.warn('unknown channel refused', { client: client.id, channel: String(channel).slice(0, 80) });
      return fail('unknown-channel', `unknown channel "${String(channel).slice(0, 80)}"`);
    }
    const spec = invokeChannels[channel];
    if (!(spec.roles as readonly string[]).includes(client.role)) {
      this.log.warn('channel refused for role', { client: client.id, channel, role: client.role });
      return fail('forbidden', `a ${client.role} window may not call ${channel}`);
    }
    // Depth first: a deeply nested value makes JSON.stringify throw, which must not read as "too large".
    if (nestsDeeperThan(payload)) return fail('invalid-payload', `payload for ${channel} nests deeper than ${MAX_JSON_DEPTH} levels; send a flatter value`);
    if (jsonBytes(payload) > MAX_MESSAGE_BYTES) return fail('too-large', `payload for ${channel} is larger than ${MAX_MESSAGE_BYTES} bytes`);
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      const message = describeIssues(parsed.error);
      this.log.warn('invalid payload refused', { client: client.id, channel, message });
      return fail('invalid-payload', `${channel}: ${message}`);
    }
    const refusal = this.gate?.authorize(client, channel);
    if (refusal) {
      this.log.warn('command refused for the signed-in user', { client: client.id, channel, code: refusal.code, actor: client.actor?.name });
      return { ok: false, error: refusal };
    }
    try {
      if (channel === 'clock:sync') return ok({ t0: (parsed.data as InvokeRequest<'clock:sync'>).t0, t1: receivedAt, t2: this.now() });
      return await this.dispatch(client, channel, parsed.data as InvokeRequest<typeof channel>);
    } catch (err) {
      const storage = storageFailure(err, this.options.dbFile ?? 'the database');
      if (storage) {
        // Said once on the console (replacing the last), in the log each time; the wall keeps its state.
        this.log.error('a change could not be saved', { client: client.id, channel, code: storage.code, error: String(err) });
        this.reportProblem(storage);
        return fail(storage.code, storage.message, storage.where);
      }
      this.log.error('command failed', { client: client.id, channel, error: String(err) });
      return fail('internal', `${channel} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private dispatch<C extends InvokeChannel>(client: CoreClient, channel: C, request: InvokeRequest<C>): Result<InvokeResponse<C>> | Promise<Result<unknown>> {
    switch (channel) {
      case 'scenarios:overview':
        return ok(this.overview as InvokeResponse<C>);
      case 'scenarios:layouts':
        return ok(scenarioLayouts(this.overview.scenarios, this.current.wall) as InvokeResponse<C>);
      case 'scenario:activate':
      case 'scenario:revert':
      case 'proposal:confirm':
      case 'proposal:dismiss':
        return runScenarioCommand(this.scenarios, actorOf(client), channel, request, this.log.child('scenario'));
      case 'state:snapshot':
        return ok(this.current as InvokeResponse<C>);
      case 'screens:status':
        return ok(this.board.list() as InvokeResponse<C>);
      case 'screen:faults':
        return this.reportFaults(client, request as ScreenFaults) as Result<InvokeResponse<C>>;
      case 'screen:report':
        return this.report(client, request as ScreenReport) as Result<InvokeResponse<C>>;
      case 'screen:health':
        return this.reportFrames(client, request as ScreenFrames) as Result<InvokeResponse<C>>;
      case 'wall:health':
        return ok(this.wallHealth as InvokeResponse<C>);
      case 'live:watch':
        return this.live.watch(client, (request as InvokeRequest<'live:watch'>).watching) as Result<InvokeResponse<C>>;
      case 'screen:stills':
        return this.live.stills(client, request as ScreenStills) as Result<InvokeResponse<C>>;
      default: {
        const handler = this.handlers.get(channel);
        if (handler) return Promise.resolve(handler(client, request as never));
        const command = commands[channel as keyof typeof commands] as (typeof commands)[keyof typeof commands] | undefined;
        if (!command) return fail('unavailable', `${channel} is not served here`);
        const change = command(this.current, request as never);
        return ok(this.commit(change, { by: client.id, command: channel }) as InvokeResponse<C>);
      }
    }
  }

  /** Where the console's scenario commands go (the backend link); null: none configured. */
  setScenarioService(service: ScenarioService | null): void {
    this.scenarios = service;
  }

  /** Hand a scenario from the console's library to the backend, on behalf of `client`. */
  publishScenario(client: CoreClient, scenario: Scenario): Promise<Result<{ version: number }>> {
    return this.scenarios ? this.scenarios.publish(scenario, actorOf(client)) : Promise.resolve(noBackend());
  }

  /**
   * Show a scenario: its layout and state in one patch. Ordered and idempotent by hub revision. Cameras put
   * on the wall by hand are cleared, or kept where they still fit when the scenario says so.
   */
  applyScenario(scenario: ScenarioState, layout: Layout, opts: { keepOverrides?: boolean } = {}): { applied: boolean; revision: number } {
    if (!supersedes(scenario, this.current.scenario)) return { applied: false, revision: this.current.revision };
    const overrides = opts.keepOverrides ? overridesThatFit(layout, this.current.overrides ?? []) : [];
    const revision = this.commit({ layout, scenario, overrides }, { by: scenario.activatedBy.name, command: 'scenario:apply' });
    return { applied: true, revision };
  }

  setBackend(backend: BackendStatus): number {
    const now = this.current.backend;
    if (now && now.state === backend.state && now.hubUrl === backend.hubUrl && now.message === backend.message) return this.current.revision;
    return this.commit({ backend, ...this.staleness(backend) }, { by: 'backend', command: 'backend:status' });
  }

  /** Data stop being live when the hub is lost; connected again, its data snapshot follows at once. */
  private staleness(backend: BackendStatus): StateChange {
    if (backend.state === 'connected') return this.current.dataStale ? { dataStale: null } : {};
    if (backend.state === 'lost' && !this.current.dataStale && this.data.size > 0) return { dataStale: { since: backend.since ?? this.now() } };
    return {};
  }

  /** New data feed values: cached (newer wins) and sent to every window that takes feed events. */
  publishData(entries: readonly DataEntry[]): void {
    const accepted = this.data.merge(entries);
    if (!accepted.length) return;
    this.sendData(accepted);
    for (const listener of this.dataListeners) {
      try {
        listener(accepted);
      } catch (err) {
        this.log.error('data listener failed', { error: String(err) });
      }
    }
  }

  private sendData(entries: readonly DataEntry[]): void {
    for (const chunk of chunkEntries(entries)) for (const client of this.clients) client.sendFeed?.('data:update', { entries: chunk });
  }

  /** Called with the values publishData accepted (e.g. to keep them in the database). */
  onData(listener: (entries: readonly DataEntry[]) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  /**
   * What this node showed before it stopped (kept in its database): the scenario and its layout again,
   * unless a newer one is already shown, and the data, marked stale until the hub is connected.
   */
  restoreShown(shown: { scenario: ScenarioState; layout: Layout } | null, entries: readonly DataEntry[]): number {
    const change: StateChange = shown && supersedes(shown.scenario, this.current.scenario) ? { scenario: shown.scenario, layout: shown.layout } : {};
    const accepted = this.data.merge(entries);
    if (accepted.length) {
      this.sendData(accepted);
      if (this.current.backend?.state !== 'connected') change.dataStale = { since: this.now() };
    }
    if (!Object.keys(change).length) return this.current.revision;
    return this.commit(change, { by: 'database', command: 'shown:restore' });
  }

  get dataCache(): DataCache {
    return this.data;
  }

  setScenarioOverview(overview: ScenarioOverview): void {
    this.overview = overview;
    for (const client of this.clients) if (client.role === 'console') client.sendFeed?.('scenarios:overview', overview);
    for (const listener of this.overviewListeners) {
      try {
        listener(overview);
      } catch (err) {
        this.log.error('overview listener failed', { error: String(err) });
      }
    }
  }

  /** Called whenever the hub's scenario catalogue, proposals or activation result change. */
  onOverview(listener: (overview: ScenarioOverview) => void): () => void {
    this.overviewListeners.add(listener);
    return () => this.overviewListeners.delete(listener);
  }

  /** The live response procedure (electron/wall/procedure owns its rules): one patch of that field. */
  setProcedure(procedure: Procedure | null, meta: { by: string; command: string }): number {
    return this.commit({ procedure }, meta);
  }

  get scenarioOverview(): ScenarioOverview {
    return this.overview;
  }

  /** Called whenever a screen's status changes (connect, disconnect, report). */
  onScreens(listener: (statuses: ScreenStatus[]) => void): () => void {
    this.screenListeners.add(listener);
    return () => this.screenListeners.delete(listener);
  }

  private report(client: CoreClient, report: ScreenReport): Result<null> {
    if (report.screenId !== client.screenId) {
      this.log.warn('screen report for another screen refused', { client: client.id, own: client.screenId, claimed: report.screenId });
      return fail('forbidden', `this window shows screen ${client.screenId ?? '?'}, not ${report.screenId}`);
    }
    // A rotated screen in a window of the unrotated shape draws squeezed: a fault, not "ready".
    const shape = report.viewport ? windowShapeFault(this.current, report.screenId, report.viewport) : null;
    if (shape && !this.board.list().find((s) => s.screenId === report.screenId)?.shape) {
      this.log.warn('screen window has the wrong shape', { screenId: report.screenId, window: shape.window, screen: shape.screen, usedPercent: shape.usedPercent });
    }
    this.board.report(report, shape);
    this.broadcastStatuses();
    return ok(null);
  }

  private reportFrames(client: CoreClient, frames: ScreenFrames): Result<null> {
    if (frames.screenId !== client.screenId) return fail('forbidden', `this window shows screen ${client.screenId ?? '?'}, not ${frames.screenId}`);
    this.board.frames(frames);
    this.broadcastStatuses();
    return ok(null);
  }

  private pagesOf(screenId: string): number {
    let n = 0;
    for (const c of this.clients) if (c.role === 'screen' && c.screenId === screenId) n++;
    return n;
  }

  /** The whole wall as the hub last said (times on this node's clock); null without a hub. */
  get wallHealth(): WallHealth | null {
    return this.health;
  }

  /** From the hub link: the wall's nodes and screens, for every console; also who drives the screens this node does not. */
  setWallHealth(health: WallHealth | null): void {
    this.health = health;
    for (const client of this.clients) if (client.role === 'console') client.send('wall:health', health);
  }

  private reportFaults(client: CoreClient, report: ScreenFaults): Result<null> {
    if (report.screenId !== client.screenId) {
      this.log.warn('panel faults for another screen refused', { client: client.id, own: client.screenId, claimed: report.screenId });
      return fail('forbidden', `this window shows screen ${client.screenId ?? '?'}, not ${report.screenId}`);
    }
    const { added, cleared } = this.board.faults(report.screenId, report.faults);
    for (const f of added) this.log.warn('panel fault', { screenId: report.screenId, panelId: f.panelId, subject: f.subject, kind: f.kind, message: f.message });
    for (const f of cleared) this.log.info('panel fault cleared', { screenId: report.screenId, panelId: f.panelId, subject: f.subject, kind: f.kind });
    if (added.length || cleared.length) this.broadcastStatuses();
    return ok(null);
  }

  /** Replace the wall and layout (config reloaded); clears config problems. */
  replaceWall(wall: WallConfig, layout: Layout): number {
    this.board.reset(wall);
    const technician = fitToWall(this.technician, wall);
    return this.commit({ wall, layout, technician, overrides: [], problems: this.current.problems.filter((p) => !p.code.startsWith('config')) }, { by: 'config', command: 'config:reload' });
  }

  /** Another layout on the wall: the cameras put there by hand go with the old one. */
  setLayout(layout: Layout, by: string): number {
    return this.commit({ layout, overrides: [] }, { by, command: 'layout:set' });
  }

  /** The cameras put on the wall by hand, whole (electron/wall/overrides). */
  setOverrides(overrides: Override[], meta: { by: string; command: string }): number {
    return this.commit({ overrides }, meta);
  }

  /** Show a problem on the console (replacing any with the same code and place); the wall keeps its state. */
  reportProblem(problem: Omit<Problem, 'at'>): number {
    const others = this.current.problems.filter((p) => !(p.code === problem.code && p.where === problem.where));
    return this.commit({ problems: [...others, { ...problem, at: this.now() }].slice(-50) }, { by: 'core', command: 'problem:report' });
  }

  clearProblems(code: string): number {
    const problems = this.current.problems.filter((p) => p.code !== code);
    if (problems.length === this.current.problems.length) return this.current.revision;
    return this.commit({ problems }, { by: 'core', command: 'problem:clear' });
  }

  private commit(change: StateChange, meta: { by: string; command: string }): number {
    const revision = this.current.revision + 1;
    this.current = { ...this.current, ...change, revision };
    this.log.info('state changed', { revision, ...meta, keys: Object.keys(change) });
    for (const client of this.clients) client.send('state:patch', { revision, set: change });
    this.options.onCommit?.(this.current, change);
    for (const listener of this.listeners) {
      try {
        listener(this.current, change);
      } catch (err) {
        this.log.error('change listener failed', { error: String(err) });
      }
    }
    return revision;
  }

  private broadcastStatuses(): void {
    const list = this.board.list();
    for (const client of this.clients) if (client.role === 'console') client.send('screens:status', list);
    for (const listener of this.screenListeners) {
      try {
        listener(list);
      } catch (err) {
        this.log.error('screen listener failed', { error: String(err) });
      }
    }
  }

  /**
   * This node drives only `screens` of the wall (a wall of several PCs); `ownerOf` names the node that
   * drives another screen when the hub has said so, for the refusal a misdirected page gets.
   */
  setNodeScreens(screens: readonly string[] | null, ownerOf?: (screenId: string) => string | null): void {
    this.own = screens ? new Set(screens) : null;
    this.board.restrict(this.own);
    if (ownerOf) this.ownerOf = ownerOf;
  }

  /** Whether this node drives the screen (every screen of the wall when no node configuration limits it). */
  drives(screenId: string): boolean {
    return this.own === null || this.own.has(screenId);
  }

  /** The node that drives a screen of this wall, as the hub last said; null when not known. */
  screenOwner(screenId: string): string | null {
    return this.ownerOf(screenId);
  }

  /** Why a page for another node's screen is turned away, and where to open it instead. */
  notMine(screenId: string): string {
    const owner = this.ownerOf(screenId);
    const mine = this.own ? [...this.own].join(', ') : '';
    return owner
      ? `screen "${screenId}" is driven by node "${owner}", not this one (this node drives ${mine}); open it on that node's host`
      : `screen "${screenId}" is not driven by this node (it drives ${mine}); open it on the host of the node that drives it`;
  }

  private hasScreen(id: string): boolean {
    return this.current.wall.screens.some((s) => s.id === id);
  }

  private screenIds(): string[] {
    return this.current.wall.screens.map((s) => s.id);
  }
}
