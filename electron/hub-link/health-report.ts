import type { NodeHealth, ScreenHealth, ScreenHealthFault, WallHealth } from '../../common/protocol/health.js';
import type { ScreenStatus } from '../../common/state.js';
import type { Logger } from '../../node-common/log.js';
import type { WallCore } from '../wall/wall-core.js';
import type { BackendLink } from './backend-link.js';

// This node's screens as the hub's wall-level view needs them (`node:health`, docs/protocol.md §3.12):
// every few seconds, and soon after a screen comes, goes or changes. And the other way: the hub's
// `wall:health` turned to this node's clock for the consoles.

const EVERY_MS = 5000;
const SOON_MS = 1000;
const KEPT_REVISIONS = 16;

export interface HealthReportOptions {
  core: WallCore;
  link: BackendLink;
  screens: readonly string[];
  log: Logger;
  now: () => number;
  everyMs?: number;
}

export class HealthReport {
  private readonly timer: NodeJS.Timeout;
  private soon: NodeJS.Timeout | undefined;
  private readonly stops: Array<() => void> = [];
  /** Which hub revision each state revision carried, newest last: a screen shows the newest it has reached. */
  private readonly revisions: Array<{ local: number; hub: number }> = [];
  private unsupported = false;
  private readonly startedAt: number;

  constructor(private readonly o: HealthReportOptions) {
    this.startedAt = o.now();
    const shown = o.core.state.scenario;
    if (shown) this.revisions.push({ local: o.core.state.revision, hub: shown.revision });
    this.stops.push(
      o.core.onChange((state, change) => {
        if (!change.scenario) return;
        this.revisions.push({ local: state.revision, hub: change.scenario.revision });
        this.revisions.splice(0, Math.max(0, this.revisions.length - KEPT_REVISIONS));
      }),
      o.core.onScreens(() => this.sendSoon()),
    );
    this.timer = setInterval(() => this.send(), o.everyMs ?? EVERY_MS);
    this.timer.unref();
  }

  /** The hub link (re)connected: the hub hears from this node at once. */
  connected(): void {
    this.unsupported = false;
    this.send();
  }

  /** The report as it would be sent now. */
  build(): NodeHealth {
    const { core, link } = this.o;
    const statuses = new Map(core.screenStatuses.map((s) => [s.screenId, s]));
    const mem = process.memoryUsage();
    return {
      wallId: core.state.wall.id,
      screens: this.o.screens.map((id) => this.screen(id, statuses.get(id))),
      process: {
        rssMb: round(mem.rss / 2 ** 20),
        uptimeS: Math.round((this.o.now() - this.startedAt) / 1000),
        clockOffsetMs: link.clock.offset === null ? null : round(link.clock.offset),
        clockRoundTripMs: link.clock.roundTrip === null ? null : round(link.clock.roundTrip),
      },
    };
  }

  close(): void {
    clearInterval(this.timer);
    clearTimeout(this.soon);
    for (const stop of this.stops.splice(0)) stop();
  }

  private sendSoon(): void {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.send();
    }, SOON_MS);
    this.soon.unref();
  }

  private send(): void {
    const { link, log } = this.o;
    if (this.unsupported || link.state.state !== 'connected' || this.o.screens.length === 0) return;
    void link.request('node:health', this.build()).then((answer) => {
      if (answer.ok) return;
      // A hub from before the wall-level view: say it once, and stop asking until the next connection.
      if (answer.error.code === 'unknown-event') {
        this.unsupported = true;
        log.info('the hub does not take screen health (node:health); consoles show only this node\'s screens');
      } else if (answer.error.code !== 'backend-offline') log.warn('screen health refused', { ...answer.error });
    });
  }

  private screen(screenId: string, s: ScreenStatus | undefined): ScreenHealth {
    return {
      screenId,
      online: s?.online ?? false,
      revision: this.shownRevision(s?.appliedRevision ?? null),
      state: s?.state ?? 'waiting',
      lastSeen: s?.lastSeen ?? null,
      fps: s?.online && s.frames ? s.frames.fps : null,
      droppedFrames: s?.online && s.frames ? s.frames.droppedFrames : null,
      memoryMb: s?.online && s.frames ? s.frames.memoryMb : null,
      pages: s?.pages ?? (s?.online ? 1 : 0),
      faults: s ? screenFaults(s) : [],
    };
  }

  private shownRevision(applied: number | null): number | null {
    if (applied === null) return null;
    let hub: number | null = null;
    for (const r of this.revisions) if (r.local <= applied) hub = r.hub;
    return hub;
  }
}

/** What the console must show as wrong with a screen: its panels' faults, an error, a squeezed window, two pages. */
export function screenFaults(s: ScreenStatus): ScreenHealthFault[] {
  const faults: ScreenHealthFault[] = [];
  if ((s.pages ?? 0) > 1) faults.push({ code: 'duplicate-screen', subject: '', message: `${s.pages ?? 0} pages are open as screen ${s.screenId}` });
  if (s.shape) {
    const { window: w, screen: c, usedPercent } = s.shape;
    faults.push({ code: 'window-shape', subject: '', message: `window ${w.width}×${w.height} for a ${c.width}×${c.height} screen: the content fills ${usedPercent} % of it` });
  }
  if (s.state === 'error') faults.push({ code: 'screen-error', subject: '', message: (s.message ?? '').slice(0, 300) });
  for (const f of s.faults ?? []) faults.push({ code: f.kind === 'crashed' ? 'panel-crashed' : f.kind, subject: (f.subject || f.panelId).slice(0, 64), message: f.message.slice(0, 300) });
  return faults.slice(0, 50);
}

/** The hub's wall health with its times on this node's clock. */
export function wallHealthToLocal(health: WallHealth, toLocal: (hubMs: number) => number): WallHealth {
  const t = (ms: number) => Math.max(0, Math.round(toLocal(ms)));
  return {
    ...health,
    at: t(health.at),
    nodes: health.nodes.map((n) => ({
      ...n,
      connectedAt: t(n.connectedAt),
      lastSeen: t(n.lastSeen),
      disconnectedAt: n.disconnectedAt === null ? null : t(n.disconnectedAt),
      health: n.health.map((h) => ({ ...h, lastSeen: h.lastSeen === null ? null : t(h.lastSeen) })),
    })),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
