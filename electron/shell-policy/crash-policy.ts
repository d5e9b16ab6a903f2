// What to do when a window's renderer dies or hangs. A control room runs unattended for months, so a
// crashed screen reloads by itself; but a page that crashes on load must not spin in a tight loop,
// so reloads back off and stop after too many in a short time.

export interface CrashPolicyOptions {
  /** First reload delay; doubled for each reload still inside the window. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Reloads allowed inside `windowMs`; one more failure gives up. */
  maxReloads: number;
  windowMs: number;
  /** How long an unresponsive page may stay unresponsive before it is restarted. */
  unresponsiveGraceMs: number;
}

export const defaultCrashPolicy: CrashPolicyOptions = {
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  maxReloads: 5,
  windowMs: 10 * 60_000,
  unresponsiveGraceMs: 15_000,
};

export type CrashDecision =
  /** Reload the page after `delayMs`. */
  | { action: 'reload'; delayMs: number; attempt: number }
  /** Stop reloading; tell a person. */
  | { action: 'give-up'; reason: string }
  /** Unresponsive: ask again (graceElapsed) after `delayMs`. */
  | { action: 'wait'; delayMs: number }
  /** Still unresponsive after the grace period: end the renderer; its "gone" decides the reload. */
  | { action: 'kill' }
  | { action: 'none' };

/** One per wall screen (or the console), kept across window re-creation so history is not lost. */
export class CrashPolicy {
  private reloads: number[] = [];
  private gaveUp: string | null = null;
  private unresponsiveSince: number | null = null;

  constructor(
    private readonly options: CrashPolicyOptions = defaultCrashPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  get givenUp(): boolean {
    return this.gaveUp !== null;
  }

  /** The renderer is gone (crashed, killed, out of memory). */
  gone(reason: string): CrashDecision {
    this.unresponsiveSince = null;
    if (this.gaveUp !== null) return { action: 'none' };
    const now = this.now();
    const { windowMs, maxReloads, baseDelayMs, maxDelayMs } = this.options;
    this.reloads = this.reloads.filter((t) => now - t < windowMs);
    if (this.reloads.length >= maxReloads) {
      const minutes = Math.round(windowMs / 60_000);
      this.gaveUp = `renderer gone ${this.reloads.length + 1} times within ${minutes} min (last: ${reason}); not reloading again`;
      return { action: 'give-up', reason: this.gaveUp };
    }
    const delayMs = Math.min(baseDelayMs * 2 ** this.reloads.length, maxDelayMs);
    this.reloads.push(now);
    return { action: 'reload', delayMs, attempt: this.reloads.length };
  }

  unresponsive(): CrashDecision {
    if (this.gaveUp !== null || this.unresponsiveSince !== null) return { action: 'none' };
    this.unresponsiveSince = this.now();
    return { action: 'wait', delayMs: this.options.unresponsiveGraceMs };
  }

  responsive(): void {
    this.unresponsiveSince = null;
  }

  /** The grace period after `unresponsive` has passed. */
  graceElapsed(): CrashDecision {
    if (this.gaveUp !== null || this.unresponsiveSince === null) return { action: 'none' };
    const left = this.unresponsiveSince + this.options.unresponsiveGraceMs - this.now();
    if (left > 0) return { action: 'wait', delayMs: left };
    this.unresponsiveSince = null;
    return { action: 'kill' };
  }
}
