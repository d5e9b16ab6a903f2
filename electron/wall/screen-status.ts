import type { PanelFault, ScreenFrames, ScreenReport, ScreenStatus } from '../../common/state.js';
import type { WallConfig } from '../../common/wall/schema.js';
import type { WindowShape } from '../../common/wall/window-shape.js';

/** What each of this node's screens last told us: online, applied revision, errors, frames. Read by the console. */
export class ScreenStatusBoard {
  private readonly statuses = new Map<string, ScreenStatus>();
  private own: ReadonlySet<string> | null = null;

  constructor(private wall: WallConfig, private readonly now: () => number) {
    this.reset(wall);
  }

  reset(wall: WallConfig): void {
    this.wall = wall;
    const old = new Map(this.statuses);
    this.statuses.clear();
    for (const s of wall.screens) {
      if (this.own && !this.own.has(s.id)) continue;
      this.statuses.set(s.id, old.get(s.id) ?? { screenId: s.id, online: false, appliedRevision: null, state: 'waiting', lastSeen: null, transport: null });
    }
  }

  /** Only these screens are this node's (a wall of several PCs); null: all of the wall's. */
  restrict(own: ReadonlySet<string> | null): void {
    this.own = own;
    this.reset(this.wall);
  }

  /** A page opened as this screen; `pages` is how many are open as it now. */
  connected(screenId: string, transport: 'electron' | 'browser', pages: number): void {
    this.update(screenId, { online: true, transport, lastSeen: this.now(), pages });
  }

  disconnected(screenId: string, pages: number): void {
    if (pages > 0) return this.update(screenId, { pages });
    const prev = this.statuses.get(screenId);
    if (!prev) return;
    const { frames: _frames, shape: _shape, ...rest } = prev;
    this.statuses.set(screenId, { ...rest, online: false, lastSeen: this.now(), faults: [], pages: 0 });
  }

  frames(frames: ScreenFrames): void {
    const { screenId, ...rest } = frames;
    this.update(screenId, { frames: rest, lastSeen: this.now() });
  }

  /** Take a screen's faults whole; returns what appeared and what cleared since its last word. */
  faults(screenId: string, faults: PanelFault[]): { added: PanelFault[]; cleared: PanelFault[] } {
    const prev = this.statuses.get(screenId);
    if (!prev) return { added: [], cleared: [] };
    const before = prev.faults ?? [];
    const key = (f: PanelFault) => `${f.panelId}/${f.subject}/${f.kind}`;
    const had = new Set(before.map(key));
    const has = new Set(faults.map(key));
    this.update(screenId, { faults, lastSeen: this.now() });
    return { added: faults.filter((f) => !had.has(key(f))), cleared: before.filter((f) => !has.has(key(f))) };
  }

  /** `shape`: the window's shape when it is not the screen's (a fault), null when it fits. */
  report(report: ScreenReport, shape: WindowShape | null): void {
    const { message } = report;
    const id = screenId(report);
    this.update(id, {
      appliedRevision: report.appliedRevision,
      state: report.state,
      lastSeen: this.now(),
      ...(message === undefined ? {} : { message }),
    });
    const now = this.statuses.get(id);
    if (!now) return;
    if (shape) this.statuses.set(id, { ...now, shape });
    else if (now.shape && report.viewport) {
      const { shape: _gone, ...rest } = now;
      this.statuses.set(id, rest);
    }
  }

  list(): ScreenStatus[] {
    return [...this.statuses.values()];
  }

  private update(id: string, change: Partial<ScreenStatus>): void {
    const prev = this.statuses.get(id);
    if (!prev) return;
    const next: ScreenStatus = { ...prev, ...change };
    if (change.state === 'ready') delete next.message;
    this.statuses.set(id, next);
  }
}

const screenId = (r: ScreenReport): string => r.screenId;
