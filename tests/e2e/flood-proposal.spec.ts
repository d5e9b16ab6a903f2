import { ACCOUNTS } from './support/accounts.js';
import { test as wallTest, expect, HEAVY_PANEL_TYPES } from './support/fixtures.js';
import { startWebHostProcess, type WebHostProcess } from './support/web-host-process.js';
import { ConsolePage } from './pages/console-page.js';

// The demo's flood, as a control room lives it: the embedded hub's timeline raises the rivers, a gauge
// passes alarm level III, the hub's rule proposes the flood scenario, a leader confirms it on the console
// and every screen switches. The timeline starts at sim hour 16 and runs at 600× (level III comes about
// hour 18: some 12 s later), the only difference from `npm start`.
const test = wallTest.extend<object, { host: WebHostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const host = await startWebHostProcess({ withoutTypes: HEAVY_PANEL_TYPES, env: { TOAN_CANH_SIM_START_HOUR: '16', TOAN_CANH_TIME_SCALE: '600' } });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

test.describe.configure({ timeout: 240_000 });

test('a gauge above alarm level III proposes the flood scenario; a leader confirms it and every screen switches', async ({ context, wall, screens }) => {
  const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.leader);
  await console_.openArea('leader');
  const proposal = console_.page.locator('[data-testid^="proposal-"]:not([data-testid^="proposal-confirm-"])').first();
  await expect(proposal, 'the hub proposes once a river passes level III').toBeVisible({ timeout: 150_000 });
  await expect(proposal).toContainText('Ứng phó lũ lụt');
  await expect(proposal).toContainText('vượt báo động III');
  // Nothing switches on a proposal alone: a leader decides.
  expect((await wall.snapshot()).scenario?.id ?? null).not.toBe('flood-response');

  await proposal.locator('[data-testid^="proposal-confirm-"]').click();
  await expect(console_.page.getByTestId('summary-scenario')).toHaveAttribute('data-scenario', 'flood-response');
  const state = await wall.snapshot();
  expect(state.scenario).toMatchObject({ id: 'flood-response', source: 'rule' }); // a rule's proposal, confirmed by a leader
  for (const s of Object.values(screens)) await s.waitForRevision(state.revision);
  await expect(console_.page.getByTestId('proposals')).toHaveCount(0);

  // The leader's confirmation and the hub's result, both in the audit log.
  const logged = await wall.admin.request('audit:query', { limit: 20 });
  const entries = logged.ok ? (logged.value as { entries: Array<{ action: string; actor: string; ok: boolean; target: string }> }).entries : [];
  const found = (action: string, actor: string, target?: string) => entries.some((e) => e.action === action && e.actor === actor && e.ok && (target === undefined || e.target === target));
  expect(found('proposal:confirm', ACCOUNTS.leader.username), JSON.stringify(entries)).toBe(true);
  expect(found('scenario:applied', ACCOUNTS.leader.displayName, 'flood-response'), JSON.stringify(entries)).toBe(true);
});
