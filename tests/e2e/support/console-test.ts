import { test as wallTest } from './fixtures.js';
import { startWebHostProcess, type WebHostProcess } from './web-host-process.js';

// The console's specs (layouts, scenarios, audit) on the demo wall with a light layout: what they check
// is the console and where panels land, and four screens of maps would only slow every wait down.
export const test = wallTest.extend<object, { host: WebHostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startWebHostProcess({ layout: 'tests/e2e/support/console-layout.json' });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

export { expect } from './fixtures.js';
