// What to do when Chromium's GPU process dies. Chromium starts a new one, but pages that drew with
// it (WebGL maps, decoded video) may stay black: re-create the windows. A GPU that keeps dying would
// black the wall in a loop; past a few deaths in a short time, restart the whole app instead.

export interface GpuPolicyOptions {
  /** Window re-creations allowed inside `windowMs`; one more death restarts the app. */
  maxRecreates: number;
  windowMs: number;
  /** Let the new GPU process start before the windows are made again. */
  delayMs: number;
}

export const defaultGpuPolicy: GpuPolicyOptions = { maxRecreates: 3, windowMs: 10 * 60_000, delayMs: 1000 };

export type GpuDecision =
  | { action: 'recreate-windows'; delayMs: number; attempt: number }
  | { action: 'restart-app'; reason: string }
  | { action: 'none' };

/** Chromium ends the GPU process itself at times (clean-exit); only deaths are acted on. */
const normalExits = new Set(['clean-exit']);

export class GpuPolicy {
  private recreates: number[] = [];

  constructor(
    private readonly options: GpuPolicyOptions = defaultGpuPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  gone(reason: string): GpuDecision {
    if (normalExits.has(reason)) return { action: 'none' };
    const now = this.now();
    const { maxRecreates, windowMs, delayMs } = this.options;
    this.recreates = this.recreates.filter((t) => now - t < windowMs);
    if (this.recreates.length >= maxRecreates) {
      return { action: 'restart-app', reason: `GPU process gone ${this.recreates.length + 1} times within ${Math.round(windowMs / 60_000)} min (last: ${reason})` };
    }
    this.recreates.push(now);
    return { action: 'recreate-windows', delayMs, attempt: this.recreates.length };
  }
}
