import { ACCOUNTS } from './support/accounts.js';
import { expect, test } from './support/console-test.js';
import { ConsolePage } from './pages/console-page.js';
import { LeaderPage } from './pages/leader-page.js';

// Scenarios come from the embedded hub the web host starts (config/scenarios). Roles are checked in the
// main process: an operator's activation is refused there and logged; a leader's goes to every screen.

test.describe('activating a scenario', () => {
  test.slow();

  test('an operator is refused with a message, the wall does not change, and the refusal is logged', async ({ context, wall, screens }) => {
    const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.operator);
    await console_.openArea('leader');
    const leader = new LeaderPage(console_.page);
    await expect(console_.page.getByTestId('leader-note')).toBeVisible();
    await leader.ask('storm');
    await console_.page.keyboard.press('Enter');
    await expect(leader.error()).toHaveAttribute('data-code', 'forbidden');
    await expect(leader.error()).toContainText('lãnh đạo');
    await expect(leader.confirmation()).toHaveCount(0);

    const state = await wall.snapshot();
    expect(state.revision).toBe(wall.revision);
    for (const s of Object.values(screens)) await s.waitForRevision(wall.revision);
    const logged = await wall.admin.request('audit:query', { action: 'scenario:activate', limit: 1 });
    expect(logged).toMatchObject({ ok: true, value: { entries: [{ actor: ACCOUNTS.operator.username, role: 'operator', target: 'storm', ok: false, result: expect.stringMatching(/^refused: forbidden/) }] } });
  });

  test('a leader picks it with its number key, sees what will change, cancels with Escape, confirms with Enter, and every screen switches', async ({ context, wall, screens }) => {
    const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.leader);
    await console_.openArea('leader');
    const leader = new LeaderPage(console_.page);
    await expect(console_.page.getByTestId('leader-note')).toHaveCount(0);

    await leader.ask('storm');
    const changes = console_.page.getByTestId('scenario-changes');
    await expect(changes).toHaveAttribute('data-screens', /A1/);
    await expect(console_.page.getByTestId('changes-screens')).toContainText('màn hình');
    await console_.page.keyboard.press('Escape');
    await expect(leader.confirmation()).toHaveCount(0);
    expect((await wall.snapshot()).revision).toBe(wall.revision);

    await leader.ask('storm');
    await console_.page.keyboard.press('Enter');
    await expect(console_.page.getByTestId('leader-sent')).toHaveAttribute('data-scenario', 'storm');
    await expect(console_.page.getByTestId('summary-scenario')).toHaveAttribute('data-scenario', 'storm');
    // The main process's revision: the console marks its <html> a couple of frames after it draws.
    const revision = (await wall.snapshot()).revision;
    expect(revision).toBeGreaterThan(wall.revision);
    for (const s of Object.values(screens)) await s.waitForRevision(revision);
    await expect(leader.button('storm')).toHaveAttribute('aria-pressed', 'true');
    await expect(console_.page.getByTestId('activation-result')).toHaveAttribute('data-outcome', 'applied');

    const logged = await wall.admin.request('audit:query', { action: 'scenario', limit: 5 });
    const entries = logged.ok ? (logged.value as { entries: Array<{ action: string; actor: string; ok: boolean; target: string }> }).entries : [];
    expect(entries.map((e) => [e.action, e.actor, e.ok, e.target])).toEqual(
      expect.arrayContaining([
        ['scenario:activate', ACCOUNTS.leader.username, true, 'storm'],
        ['scenario:applied', ACCOUNTS.leader.displayName, true, 'storm'],
      ]),
    );
  });
});
