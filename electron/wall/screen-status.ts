import type { PanelFault, ScreenReport, ScreenStatus } from '../../common/state.js';
import type { WallConfig } from '../../common/wall/schema.js';

/** What each screen last told us: online, applied revision, errors. Read by the console. */
export class ScreenStatusBoard {
  private readonly statuses = new Map<string, ScreenStatus>();

  constructor(wall: WallConfig, private readonly now: () => number) {
    this.reset(wall);
  }

  reset(wall: WallConfig): void {
    const old = new Map(this.statuses);
    this.statuses.clear();
    for (const s of wall.screens) {
      this.statuses.set(s.id, old.get(s.id) ?? { screenId: s.id, online: false, appliedRevision: null, state: 'waiting', lastSeen: null, transport: null });
    }
  }

  connected(screenId: string, transport: 'electron' | 'browser'): void {
    this.update(screenId, { online: true, transport, lastSeen: this.now() });
  }

  disconnected(screenId: string): void {
    this.update(screenId, { online: false, lastSeen: this.now(), faults: [] });
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

  report(report: ScreenReport): void {
    const { message } = report;
    this.update(screenId(report), {
      appliedRevision: report.appliedRevision,
      state: report.state,
      lastSeen: this.now(),
      ...(message === undefined ? {} : { message }),
    });
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
