import { ACCOUNTS } from './support/accounts.js';
import { expect, test } from './support/fixtures.js';
import { ConsolePage } from './pages/console-page.js';

// The flood scenario's checklist as a live procedure: two consoles (an operator's and a leader's, in
// separate browser contexts) tick steps and each sees the other's tick, with who; the wall's "Tiến độ
// ứng phó" panel counts them; switching back closes the procedure with a record.

test.describe('the live response procedure', () => {
  // Generous: on a loaded 2-core box a sign-in alone has taken a minute.
  test.setTimeout(480_000);

  test('two consoles tick steps, both see them, the wall panel shows the progress, and switching back closes it', async ({ browser, context, wall, screens }) => {
    expect(await wall.admin.request('scenario:activate', { scenarioId: 'flood-response' })).toMatchObject({ ok: true });
    const operator = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.operator);
    const otherContext = await browser.newContext();
    try {
      const leader = await ConsolePage.open(otherContext, wall.host.consoleUrl, ACCOUNTS.leader);
      // Every console shows the progress in its top bar; a click opens the steps.
      for (const c of [operator, leader]) {
        await expect(c.page.getByTestId('procedure-chip')).toHaveAttribute('data-total', '5');
        await c.page.getByTestId('procedure-chip').click();
        await expect(c.page.getByTestId('procedure')).toBeVisible();
      }
      const panel = screens.A2.page.getByTestId('procedure-panel');
      await expect(panel).toHaveAttribute('data-state', 'running');
      await expect(panel).toHaveAttribute('data-done', '0');

      await operator.page.getByTestId('tick-gauges').click();
      await expect(leader.page.getByTestId('done-gauges')).toContainText(ACCOUNTS.operator.displayName);
      await expect(leader.page.getByTestId('done-gauges')).toHaveText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/);
      // A step assigned to leaders cannot be ticked from the operator's console; the leader's can.
      await expect(operator.page.getByTestId('tick-evacuate')).toBeDisabled();
      await leader.page.getByTestId('tick-evacuate').click();
      await expect(operator.page.getByTestId('done-evacuate')).toContainText(ACCOUNTS.leader.displayName);

      await leader.page.getByTestId('note-rescue').fill('Hai xuồng đã đến xã Hòa Châu');
      await leader.page.getByTestId('note-rescue').press('Enter');
      await expect(operator.page.getByTestId('step-rescue')).toContainText(ACCOUNTS.leader.displayName);
      await expect(operator.page.getByTestId('note-rescue')).toHaveValue('Hai xuồng đã đến xã Hòa Châu');

      for (const c of [operator, leader]) await expect(c.page.getByTestId('procedure-progress')).toHaveAttribute('data-done', '2');
      await expect(panel).toHaveAttribute('data-done', '2');
      await expect(screens.A2.page.getByTestId('procedure-progress')).toHaveText('2/5 bước');
      await expect(panel.locator('[data-step="gauges"]')).toHaveAttribute('data-done', 'true');

      const log = await wall.admin.request('audit:query', { action: 'procedure', limit: 10 });
      const entries = log.ok ? (log.value as { entries: Array<{ action: string; actor: string; target: string; ok: boolean }> }).entries : [];
      expect(entries.map((e) => [e.action, e.actor, e.target, e.ok])).toEqual(
        expect.arrayContaining([
          ['procedure:tick', ACCOUNTS.operator.username, 'gauges', true],
          ['procedure:tick', ACCOUNTS.leader.username, 'evacuate', true],
          ['procedure:note', ACCOUNTS.leader.username, 'rescue', true],
        ]),
      );

      expect(await wall.admin.request('scenario:activate', { scenarioId: 'normal-operations' })).toMatchObject({ ok: true });
      await expect(operator.page.getByTestId('procedure-none')).toBeVisible();
      await expect(operator.page.getByTestId('procedure-chip')).toHaveCount(0);
      await expect(operator.page.getByTestId('procedure-history')).toContainText('2/5');
    } finally {
      await otherContext.close();
    }
  });
});
