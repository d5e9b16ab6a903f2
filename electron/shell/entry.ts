import path from 'node:path';
import { app } from 'electron';
import { electronUserArgs } from '../startup/cli-args.js';
import { serviceLaunch } from '../shell-policy/service-mode.js';

// The binary's entry (bundled to dist/electron/main.cjs): the wall app (./main.ts), or with
// --service=web|hub the web host or the hub in this main process, without a window (service-mode.ts).

const launch = serviceLaunch(electronUserArgs(process.argv, process.defaultApp === true));
if (!launch.ok) {
  console.error(`toan-canh: ${launch.error.message}`);
  process.exit(2);
} else if (launch.value) {
  // Nothing is drawn: no GPU process, no display needed (the units add --ozone-platform=headless).
  app.disableHardwareAcceleration();
  const bundle = path.join(__dirname, '..', launch.value.bundle);
  // The service reads its options from process.argv after the script, as under Node.
  process.argv = [process.argv[0] ?? process.execPath, bundle, ...launch.value.args];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, loaded at run time
  require(bundle);
} else {
  void import('./main.js');
}
