import { fail, ok, type Result } from '../../common/result.js';
import { isChromiumSwitch } from '../startup/cli-args.js';

// The packaged binary runs the web host or the hub as a service (packaging/linux/*.service) in its own
// main process, without windows: with the RunAsNode fuse off (electron-builder.yml) it can no longer be
// started as plain Node. `toan-canh --service=hub <hub options>` runs dist/hub-main.cjs with them.

export const SERVICES = { web: 'web-main.cjs', hub: 'hub-main.cjs' } as const;
export type ServiceName = keyof typeof SERVICES;

export interface ServiceLaunch {
  service: ServiceName;
  /** The bundle in dist/ that runs it. */
  bundle: (typeof SERVICES)[ServiceName];
  /** The service's own options: Chromium's switches (e.g. --ozone-platform=headless) left out. */
  args: string[];
}

const isService = (name: string): name is ServiceName => Object.hasOwn(SERVICES, name);

/** null: the wall app itself. A --service flag anywhere but first is refused, so it cannot hide among options. */
export function serviceLaunch(userArgs: readonly string[]): Result<ServiceLaunch | null> {
  const own = userArgs.filter((a) => !isChromiumSwitch(a));
  const first = own[0];
  const named = (a: string) => a === '--service' || a.startsWith('--service=');
  if (first === undefined || !named(first)) {
    return own.some(named) ? fail('cli', '--service=<web|hub> must be the first option') : ok(null);
  }
  const eq = first.indexOf('=');
  const name = eq === -1 ? own[1] : first.slice(eq + 1);
  if (name === undefined || !isService(name)) return fail('cli', `--service takes ${Object.keys(SERVICES).join(' or ')}, not "${name ?? ''}"; e.g. --service=hub --port 4290`);
  return ok({ service: name, bundle: SERVICES[name], args: own.slice(eq === -1 ? 2 : 1) });
}
