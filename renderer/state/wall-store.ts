import type { ClientRole, WallBridge } from '../../common/contract.js';
import { LINK_LOST_CODES } from '../bridge/messages.js';
import type { AppError } from '../../common/result.js';
import { setDisplayTimeZone } from '../i18n/locale.js';
import { applyPatch, type ScreenStatus, type StatePatch, type WallState } from '../../common/state.js';
import type { WallHealth } from '../../common/protocol/health.js';

// The page's read-only copy of the wall state: a snapshot, then patches. A patch that does not follow
// the current revision means one was missed, so the store asks for a fresh snapshot.

export interface StoreView {
  status: 'loading' | 'ready' | 'error';
  state: WallState | null;
  /** Why the page cannot show the wall (e.g. the host does not know this screen). */
  error: AppError | null;
  /** Screen statuses, for the console. */
  statuses: ScreenStatus[];
  /** The whole wall, node by node, as the hub last said (consoles); null without a hub. */
  wallHealth: WallHealth | null;
  connected: boolean;
}

export type PatchOutcome = { kind: 'applied'; state: WallState } | { kind: 'stale' } | { kind: 'gap' } | { kind: 'no-state' };

/** What a patch does to `state`: pure, so the rules are testable on their own. */
export function reducePatch(state: WallState | null, patch: StatePatch): PatchOutcome {
  if (!state) return { kind: 'no-state' };
  if (patch.revision <= state.revision) return { kind: 'stale' };
  const next = applyPatch(state, patch);
  return next ? { kind: 'applied', state: next } : { kind: 'gap' };
}

// Losing the link is not a reason to give up (LINK_LOST_CODES): the bridge reconnects and a snapshot follows.
// An unanswered ask on a live link has no reconnect to follow it: a page with no state asks again.
const RETRY_MS = 2000;

export interface StoreOptions {
  role: ClientRole;
  connection?: { subscribe(listener: (connected: boolean) => void): () => void; initiallyConnected: boolean };
}

export class WallStore {
  private view: StoreView;
  private readonly listeners = new Set<() => void>();
  private fetching = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly bridge: WallBridge, private readonly options: StoreOptions) {
    this.view = { status: 'loading', state: null, error: null, statuses: [], wallHealth: null, connected: options.connection?.initiallyConnected ?? true };
  }

  /** Listen to the bridge and fetch the first snapshot; returns the stop function. */
  start(): () => void {
    const stops = [
      this.bridge.onSnapshot((s) => this.receiveSnapshot(s)),
      this.bridge.onPatch((p) => this.receivePatch(p)),
      this.bridge.onScreenStatuses((list) => this.set({ statuses: list })),
      this.bridge.onWallHealth?.((wallHealth) => this.set({ wallHealth })) ?? (() => undefined),
      this.options.connection?.subscribe((connected) => this.set({ connected })) ?? (() => undefined),
      () => {
        this.stopped = true;
        clearTimeout(this.retry);
      },
    ];
    void this.fetchSnapshot();
    if (this.options.role === 'console') {
      void this.bridge.getScreenStatuses().then((r) => r.ok && this.set({ statuses: r.value }));
      void this.bridge.getWallHealth?.().then((r) => r.ok && this.set({ wallHealth: r.value }));
    }
    return () => stops.forEach((stop) => stop());
  }

  getView = (): StoreView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** A snapshot always wins: after a host restart revisions start again from 1. */
  receiveSnapshot(state: WallState): void {
    clearTimeout(this.retry);
    // For the cold-start benchmark (scripts/bench-start.mjs): when the page first had the wall's state.
    if (!this.view.state) performance.mark('tc:first-snapshot');
    setDisplayTimeZone(state.wall.timeZone);
    this.set({ status: 'ready', state, error: null });
  }

  receivePatch(patch: StatePatch): void {
    const outcome = reducePatch(this.view.state, patch);
    if (outcome.kind === 'applied') {
      if (patch.set.wall) setDisplayTimeZone(patch.set.wall.timeZone);
      this.set({ state: outcome.state });
    }
    else if (outcome.kind === 'gap' || outcome.kind === 'no-state') void this.fetchSnapshot();
  }

  private async fetchSnapshot(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    clearTimeout(this.retry);
    try {
      const result = await this.bridge.getSnapshot();
      if (result.ok) this.receiveSnapshot(result.value);
      else if (!LINK_LOST_CODES.has(result.error.code)) this.set({ status: 'error', error: result.error });
      else if (result.error.code === 'timeout' && !this.view.state && !this.stopped) {
        this.retry = setTimeout(() => void this.fetchSnapshot(), RETRY_MS);
      }
    } finally {
      this.fetching = false;
    }
  }

  private set(change: Partial<StoreView>): void {
    this.view = { ...this.view, ...change };
    for (const l of this.listeners) l();
  }
}
