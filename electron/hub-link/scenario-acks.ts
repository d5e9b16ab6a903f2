import type { ScreenResult } from '../../common/protocol/scenario.js';
import type { ScreenStatus } from '../../common/state.js';

// Which of this node's screens have applied the hub revision the wall now shows. A screen has
// applied it once it reports a state revision at or after the one that carried the scenario.

export interface Tracked {
  /** The hub's revision. */
  revision: number;
  /** The state revision that carried it to the windows. */
  localRevision: number;
  /** Local time the state changed: an error reported before it is about something older. */
  committedAt: number;
}

export class ScenarioAcks {
  private tracked: Tracked | null = null;
  private sent = '';
  private expired = false;

  constructor(private readonly screens: readonly string[], private readonly now: () => number) {}

  track(tracked: Tracked): void {
    this.tracked = tracked;
    this.sent = '';
    this.expired = false;
  }

  get revision(): number | null {
    return this.tracked?.revision ?? null;
  }

  /** The wait is over: screens still pending count as timed out. */
  expire(): void {
    this.expired = true;
  }

  /** Each screen's result now, and whether it differs from the last one returned. */
  compute(statuses: readonly ScreenStatus[]): { screens: ScreenResult[]; changed: boolean } | null {
    const t = this.tracked;
    if (!t) return null;
    const at = this.now();
    const screens = this.screens.map((screenId): ScreenResult => {
      const s = statuses.find((x) => x.screenId === screenId);
      return { screenId, ...this.outcome(s, t), at };
    });
    const signature = JSON.stringify(screens.map(({ screenId, status, message }) => [screenId, status, message]));
    const changed = signature !== this.sent;
    this.sent = signature;
    return { screens, changed };
  }

  private outcome(s: ScreenStatus | undefined, t: Tracked): Pick<ScreenResult, 'status' | 'message'> {
    if (s?.appliedRevision != null && s.appliedRevision >= t.localRevision) return { status: 'applied' };
    if (!s?.online) return { status: 'offline', message: 'the screen is not connected to its wall node' };
    if (s.state === 'error' && s.lastSeen !== null && s.lastSeen >= t.committedAt) {
      return { status: 'failed', message: (s.message ?? 'the screen reported an error').slice(0, 500) };
    }
    return this.expired ? { status: 'timeout', message: 'the screen did not confirm in time' } : { status: 'pending' };
  }
}
