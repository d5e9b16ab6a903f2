import type { Actor } from '../common/protocol/primitives.js';
import type { ActivationResult, ScreenOutcome, WallAck } from '../common/protocol/scenario.js';

// What each screen of a wall did with one revision, gathered from every node that drives part of
// the wall. The verdict is final once no screen is pending.

interface ScreenEntry {
  nodeId: string;
  status: ScreenOutcome;
  message?: string;
  at: number;
}

export class WallResult {
  private readonly screens = new Map<string, ScreenEntry>();
  private supersededAt: number | null = null;
  private updatedAt: number;

  constructor(
    readonly wallId: string,
    readonly revision: number,
    readonly scenarioId: string,
    /** Who activated it: the audit entry for the result names them. */
    readonly activatedBy: Actor,
    now: number,
  ) {
    this.updatedAt = now;
  }

  /** Screens a node drives join the result as pending (a node that connects later, too). */
  addScreens(nodeId: string, screenIds: readonly string[], now: number): void {
    for (const id of screenIds) {
      const known = this.screens.get(id);
      if (known && known.nodeId === nodeId) continue;
      if (known && known.status !== 'pending' && known.status !== 'offline' && known.status !== 'timeout') continue;
      this.screens.set(id, { nodeId, status: 'pending', at: now });
    }
    this.updatedAt = now;
  }

  /** A node's report; only the screens that node drives count. Returns whether anything changed. */
  apply(nodeId: string, ack: WallAck, now: number): boolean {
    let changed = false;
    for (const s of ack.screens) {
      const known = this.screens.get(s.screenId);
      if (!known || known.nodeId !== nodeId) continue;
      if (known.status === s.status && known.message === s.message) continue;
      this.screens.set(s.screenId, { nodeId, status: s.status, ...(s.message === undefined ? {} : { message: s.message }), at: now });
      changed = true;
    }
    if (changed) this.updatedAt = now;
    return changed;
  }

  /** Screens still pending when the wait is over. */
  expire(now: number, message: (nodeId: string) => string): boolean {
    let changed = false;
    for (const [id, s] of this.screens) {
      if (s.status !== 'pending') continue;
      this.screens.set(id, { ...s, status: 'timeout', message: message(s.nodeId), at: now });
      changed = true;
    }
    if (changed) this.updatedAt = now;
    return changed;
  }

  supersede(now: number): void {
    this.supersededAt = now;
    this.updatedAt = now;
  }

  get outcome(): ActivationResult['outcome'] {
    if (this.supersededAt !== null) return 'superseded';
    const statuses = [...this.screens.values()].map((s) => s.status);
    if (statuses.includes('pending')) return 'pending';
    const applied = statuses.filter((s) => s === 'applied').length;
    if (applied === 0) return 'failed';
    return applied === statuses.length ? 'applied' : 'partial';
  }

  /** "applied on 3/4 screens; B2 failed: …" for the audit log. */
  summary(): string {
    const all = [...this.screens.entries()];
    const applied = all.filter(([, s]) => s.status === 'applied').length;
    const others = all
      .filter(([, s]) => s.status !== 'applied')
      .map(([id, s]) => `${id} ${s.status}${s.message ? `: ${s.message}` : ''}`);
    const head = all.length === 0 ? 'no screen was connected' : `applied on ${applied}/${all.length} screens`;
    return [head, ...others].join('; ').slice(0, 2000);
  }

  toMessage(): ActivationResult {
    return {
      wallId: this.wallId,
      revision: this.revision,
      scenarioId: this.scenarioId,
      outcome: this.outcome,
      screens: [...this.screens.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([screenId, s]) => ({ screenId, nodeId: s.nodeId, status: s.status, ...(s.message === undefined ? {} : { message: s.message }), at: s.at })),
      updatedAt: this.updatedAt,
    };
  }
}
