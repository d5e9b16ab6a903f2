// How the app comes back after an unrecoverable fault. Under a service manager (systemd sets
// NOTIFY_SOCKET or INVOCATION_ID) it only exits: Restart=always starts it again, and a relaunched
// child would be killed with the old process's cgroup anyway. Elsewhere (Windows, started by hand)
// it relaunches itself, but not in a tight loop: a fault at every start stops after a few tries.

export const RELAUNCH_ENV = 'TOAN_CANH_RELAUNCHES';

export interface RelaunchLimits {
  maxRelaunches: number;
  windowMs: number;
}

export const defaultRelaunchLimits: RelaunchLimits = { maxRelaunches: 5, windowMs: 10 * 60_000 };

export type RestartDecision =
  | { how: 'service-manager' }
  /** Relaunch with RELAUNCH_ENV set to `history` (epoch ms of recent relaunches, this one included). */
  | { how: 'relaunch'; history: string }
  | { how: 'give-up'; reason: string };

/** systemd started us (NOTIFY_SOCKET for Type=notify units, INVOCATION_ID for any unit). */
export function underServiceManager(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.NOTIFY_SOCKET || env.INVOCATION_ID);
}

export function restartDecision(env: NodeJS.ProcessEnv, now: number, limits: RelaunchLimits = defaultRelaunchLimits): RestartDecision {
  if (underServiceManager(env)) return { how: 'service-manager' };
  const recent = (env[RELAUNCH_ENV] ?? '')
    .split(',')
    .map(Number)
    .filter((t) => Number.isFinite(t) && t > 0 && now - t < limits.windowMs);
  if (recent.length >= limits.maxRelaunches) {
    return { how: 'give-up', reason: `relaunched ${recent.length} times within ${Math.round(limits.windowMs / 60_000)} min; not relaunching again` };
  }
  return { how: 'relaunch', history: [...recent, now].join(',') };
}
