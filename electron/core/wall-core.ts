import {
  describeIssues,
  invokeChannels,
  isInvokeChannel,
  MAX_MESSAGE_BYTES,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
} from '../../common/contract.js';
import { fail, ok, type Result } from '../../common/result.js';
import type { Problem, ScreenReport, WallState } from '../../common/state.js';
import type { Layout } from '../../common/wall/layout-schema.js';
import type { WallConfig } from '../../common/wall/schema.js';
import type { CoreClient } from './client.js';
import { commands, type StateChange } from './commands.js';
import type { Logger } from './log.js';
import { ScreenStatusBoard } from './screen-status.js';

export interface WallCoreOptions {
  wall: WallConfig;
  layout: Layout;
  language?: WallState['language'];
  log: Logger;
  now?: () => number;
  /** Called after every committed change, e.g. to save settings. */
  onCommit?: (state: WallState, change: StateChange) => void;
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
    if (client.role === 'screen' && (client.screenId === undefined || !this.hasScreen(client.screenId))) {
      throw new Error(`unknown screen "${client.screenId ?? ''}"; known screens: ${this.screenIds().join(', ')}`);
    }
    this.clients.add(client);
    this.log.info('client connected', { client: client.id, role: client.role, screenId: client.screenId, transport: client.transport });
    client.send('state:snapshot', this.current);
    if (client.role === 'screen' && client.screenId) this.board.connected(client.screenId, client.transport);
    if (client.role === 'console') client.send('screens:status', this.board.list());
    this.broadcastStatuses();
    return () => this.disconnect(client);
  }

  private disconnect(client: CoreClient): void {
    if (!this.clients.delete(client)) return;
    this.log.info('client disconnected', { client: client.id, role: client.role, screenId: client.screenId });
    if (client.role === 'screen' && client.screenId) {
      const stillThere = [...this.clients].some((c) => c.role === 'screen' && c.screenId === client.screenId);
      if (!stillThere) this.board.disconnected(client.screenId);
      this.broadcastStatuses();
    }
  }

  /** Handle one request from a client: never throws, always answers with a Result. */
  async handle(client: CoreClient, channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isInvokeChannel(channel)) {
      this.log.warn('unknown channel refused', { client: client.id, channel: String(channel).slice(0, 80) });
      return fail('unknown-channel', `unknown channel "${String(channel).slice(0, 80)}"`);
    }
    const spec = invokeChannels[channel];
    if (!(spec.roles as readonly string[]).includes(client.role)) {
      this.log.warn('channel refused for role', { client: client.id, channel, role: client.role });
      return fail('forbidden', `a ${client.role} window may not call ${channel}`);
    }
    if (approxSize(payload) > MAX_MESSAGE_BYTES) return fail('too-large', `payload for ${channel} is larger than ${MAX_MESSAGE_BYTES} bytes`);
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      const message = describeIssues(parsed.error);
      this.log.warn('invalid payload refused', { client: client.id, channel, message });
      return fail('invalid-payload', `${channel}: ${message}`);
    }
    try {
      return this.dispatch(client, channel, parsed.data as InvokeRequest<typeof channel>);
    } catch (err) {
      this.log.error('command failed', { client: client.id, channel, error: String(err) });
      return fail('internal', `${channel} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private dispatch<C extends InvokeChannel>(client: CoreClient, channel: C, request: InvokeRequest<C>): Result<InvokeResponse<C>> {
    switch (channel) {
      case 'state:snapshot':
        return ok(this.current as InvokeResponse<C>);
      case 'screens:status':
        return ok(this.board.list() as InvokeResponse<C>);
      case 'screen:report':
        return this.report(client, request as ScreenReport) as Result<InvokeResponse<C>>;
      default: {
        const command = commands[channel as keyof typeof commands];
        const change = command(this.current, request as never);
        return ok(this.commit(change, { by: client.id, command: channel }) as InvokeResponse<C>);
      }
    }
  }

  private report(client: CoreClient, report: ScreenReport): Result<null> {
    if (report.screenId !== client.screenId) {
      this.log.warn('screen report for another screen refused', { client: client.id, own: client.screenId, claimed: report.screenId });
      return fail('forbidden', `this window shows screen ${client.screenId ?? '?'}, not ${report.screenId}`);
    }
    this.board.report(report);
    this.broadcastStatuses();
    return ok(null);
  }

  /** Replace the wall and layout (config reloaded); clears config problems. */
  replaceWall(wall: WallConfig, layout: Layout): number {
    this.board.reset(wall);
    return this.commit({ wall, layout, problems: this.current.problems.filter((p) => !p.code.startsWith('config')) }, { by: 'config', command: 'config:reload' });
  }

  setLayout(layout: Layout, by: string): number {
    return this.commit({ layout }, { by, command: 'layout:set' });
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
  }

  private hasScreen(id: string): boolean {
    return this.current.wall.screens.some((s) => s.id === id);
  }

  private screenIds(): string[] {
    return this.current.wall.screens.map((s) => s.id);
  }
}

function approxSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
