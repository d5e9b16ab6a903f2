import type { BrowserContext } from '@playwright/test';
import { ACCOUNTS } from './support/accounts.js';
import { expect, test } from './support/console-test.js';
import { ConsolePage } from './pages/console-page.js';
import { LayoutEditorPage } from './pages/layout-editor-page.js';
import { LeaderPage } from './pages/leader-page.js';
import { ScenariosPage } from './pages/scenarios-page.js';

// An operator makes a scenario from a saved layout, rehearses it on the console (never on the wall),
// duplicates it and edits it again; the library keeps each save with its revision. A leader publishes it
// to the centre and activates it from its button.

/** A new console window, an operator signed in, on the scenarios area. */
async function operatorOnScenarios(context: BrowserContext, url: string) {
  const c = await ConsolePage.open(context, url, ACCOUNTS.operator);
  await c.openArea('scenarios');
  return { page: c.page, scenarios: new ScenariosPage(c.page) };
}

test.describe('the scenario editor', () => {
  test.slow();

  test('an operator creates a scenario from a layout, rehearses it without touching the wall, duplicates and edits it; a leader publishes and activates it', async ({ context, wall, screens }) => {
    const before = await wall.snapshot();
    const onWall = (s: typeof before) => [s.revision, s.layout.id, s.scenario?.id];
    const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.operator);
    await console_.openArea('layouts');
    const layouts = new LayoutEditorPage(console_.page);
    await layouts.createEmpty('E2E bố cục kịch bản');
    const panelId = await layouts.addPanel('solid');
    expect(await layouts.save()).toBe(1);
    const layoutId = (await layouts.editor().getAttribute('data-layout')) ?? '';

    await console_.openArea('scenarios');
    const scenarios = new ScenariosPage(console_.page);
    const id = await scenarios.create(layoutId, 'Diễn tập bão E2E', 'Storm drill E2E');
    expect(id).toBe('dien-tap-bao-e2e');
    await console_.page.getByTestId('scenario-severity').selectOption('warning');
    await expect(console_.page.getByTestId('scenario-hand-cameras')).toHaveValue('clear');
    await console_.page.getByTestId('scenario-hand-cameras').selectOption('keep');
    await console_.page.getByTestId('checklist-add').click();
    expect(await scenarios.save()).toBe(1);

    // Rehearsal: the scenario's layout drawn on the console; the wall keeps its own.
    await console_.page.getByTestId('scenario-rehearse').click();
    const rehearsal = scenarios.rehearsal();
    await expect(rehearsal).toHaveAttribute('data-scenario', id);
    await expect(rehearsal.getByText('không hiện lên tường')).toBeVisible();
    await expect(rehearsal.locator(`[data-testid="rehearsal-preview-screen-A1"] [data-panel-id="${panelId}"]`)).toBeVisible();
    await expect(rehearsal).toHaveAttribute('data-screens', 'A1,A2,B1,B2'); // the wall's backdrop and banner go everywhere
    expect(onWall(await wall.snapshot())).toEqual(onWall(before));
    await console_.page.getByTestId('rehearsal-close').click();
    await scenarios.close();
    await expect(scenarios.row(id)).toHaveAttribute('data-source', 'library');

    // A copy under a new id, then the original opened again: what was saved is what comes back.
    await console_.page.getByTestId(`duplicate-${id}`).click();
    await expect(scenarios.form()).toHaveAttribute('data-scenario', `${id}-ban-sao`);
    await expect(console_.page.getByTestId('scenario-name-vi')).toHaveValue('Diễn tập bão E2E (bản sao)');
    expect(await scenarios.save()).toBe(1);
    await scenarios.close();
    await expect(scenarios.row(`${id}-ban-sao`)).toBeVisible();

    await console_.page.getByTestId(`edit-${id}`).click();
    await expect(scenarios.form()).toHaveAttribute('data-revision', '1');
    await expect(console_.page.getByTestId('scenario-severity')).toHaveValue('warning');
    await expect(console_.page.getByTestId('scenario-hand-cameras')).toHaveValue('keep');
    await expect(console_.page.locator('.checklist__item')).toHaveCount(1);
    await console_.page.getByTestId('scenario-name-en').fill('Storm drill (E2E)');
    expect(await scenarios.save()).toBe(2);
    await scenarios.close();
    await expect(scenarios.row(id)).toContainText('Diễn tập bão E2E');

    // The centre's scenarios rehearse the same way.
    await console_.page.getByTestId('rehearse-storm').click();
    await expect(rehearsal).toHaveAttribute('data-scenario', 'storm');
    expect(onWall(await wall.snapshot())).toEqual(onWall(before));
    await console_.page.getByTestId('rehearsal-close').click();
    // Operators prepare; handing a scenario to the centre is a leader's call.
    await expect(console_.page.getByTestId(`publish-${id}`)).toHaveCount(0);

    const lead = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.leader);
    await lead.openArea('scenarios');
    await lead.page.getByTestId(`publish-${id}`).click();
    await expect(lead.page.getByTestId('scenario-published')).toHaveAttribute('data-version', '1');
    await lead.openArea('leader');
    const leader = new LeaderPage(lead.page);
    await expect(leader.button(id)).toContainText('Diễn tập bão E2E');
    await leader.ask(id);
    await expect(lead.page.getByTestId('scenario-changes')).toHaveAttribute('data-added', '1');
    await lead.page.keyboard.press('Enter');
    await expect(lead.page.getByTestId('leader-sent')).toHaveAttribute('data-scenario', id);
    await expect(lead.page.getByTestId('summary-scenario')).toHaveAttribute('data-scenario', id);
    // The main process's revision: the console marks its <html> a couple of frames after it draws.
    const revision = (await wall.snapshot()).revision;
    for (const s of Object.values(screens)) await s.waitForRevision(revision);
    await expect(screens.A1.panel(panelId)).toBeVisible();
    expect(await screens.B2.panelIds()).toEqual([]);
    expect((await wall.snapshot()).scenario).toMatchObject({ id, activatedBy: { role: 'leader' } });

    // The same view in English, switched while running.
    expect(await wall.admin.request('settings:setLanguage', { language: 'en' })).toMatchObject({ ok: true });
    await expect(lead.page.getByTestId('area-leader')).toHaveText('Activate a scenario');
    await expect(leader.button(id)).toContainText('Storm drill (E2E)');
    await expect(leader.button(id)).toContainText('Warning');
    await expect(lead.page.getByTestId('activation-result')).toContainText('Result: Storm drill (E2E)');
  });

  test('two consoles editing one scenario: the later save is a conflict, settled by overwrite or reload; closing with unsaved changes asks first', async ({ context, wall }) => {
    const open = () => operatorOnScenarios(context, wall.host.consoleUrl);
    const a = await open();
    await a.page.getByTestId('duplicate-storm').click();
    const id = (await a.scenarios.form().getAttribute('data-scenario')) ?? '';
    expect(id).toMatch(/^storm-ban-sao/);
    expect(await a.scenarios.save()).toBe(1);
    await a.scenarios.close();

    const b = await open();
    for (const c of [a, b]) {
      await c.page.getByTestId(`edit-${id}`).click();
      await expect(c.scenarios.form()).toHaveAttribute('data-revision', '1');
      await expect(c.scenarios.form()).toHaveAttribute('data-dirty', 'false');
    }
    await a.page.getByTestId('scenario-name-en').fill('Storm, edited on A');
    expect(await a.scenarios.save()).toBe(2);

    // B saves on top of revision 1: refused, nothing overwritten until B says so.
    await b.page.getByTestId('scenario-name-en').fill('Storm, edited on B');
    await b.page.getByTestId('scenario-save').click();
    const conflict = b.page.getByTestId('conflict');
    await expect(conflict).toContainText('vừa được lưu');
    await expect(conflict).toContainText('revision 1 but it is now at revision 2');
    await expect(b.scenarios.form()).toHaveAttribute('data-revision', '1');
    await expect(b.page.getByTestId('scenario-save')).toBeDisabled();
    await b.page.getByTestId('conflict-overwrite').click();
    await expect(b.scenarios.form()).toHaveAttribute('data-revision', '3');
    await expect(conflict).toHaveCount(0);

    // A, still on revision 2, takes B's version instead of its own edit.
    await a.page.getByTestId('scenario-name-vi').fill('Bão (sửa trên A)');
    await a.page.getByTestId('scenario-save').click();
    await expect(a.page.getByTestId('conflict')).toBeVisible();
    await a.page.getByTestId('conflict-reload').click();
    await expect(a.scenarios.form()).toHaveAttribute('data-revision', '3');
    await expect(a.page.getByTestId('scenario-name-en')).toHaveValue('Storm, edited on B');
    await expect(a.page.getByTestId('scenario-name-vi')).not.toHaveValue('Bão (sửa trên A)');
    await expect(a.scenarios.form()).toHaveAttribute('data-dirty', 'false');

    // Unsaved changes: Close asks; keeping on editing keeps them, discarding closes.
    await a.page.getByTestId('scenario-name-en').fill('Storm, not saved');
    await a.page.getByTestId('scenario-close').click();
    await expect(a.page.getByTestId('unsaved')).toBeVisible();
    await a.page.getByTestId('unsaved-stay').click();
    await expect(a.page.getByTestId('scenario-name-en')).toHaveValue('Storm, not saved');
    await a.page.getByTestId('scenario-close').click();
    await a.page.getByTestId('unsaved-discard').click();
    await expect(a.page.getByTestId('scenarios-area')).toBeVisible();
    const saved = await wall.admin.request('scenarioLibrary:get', { scenarioId: id });
    expect(saved).toMatchObject({ ok: true, value: { revision: 3, scenario: { name: { en: 'Storm, edited on B' } } } });
  });

  test('edits are kept as the person’s draft: a console closed mid-edit reopens them, for a saved scenario and a new one', async ({ context, wall }) => {
    const open = () => operatorOnScenarios(context, wall.host.consoleUrl);
    const first = await open();
    await first.page.getByTestId('duplicate-traffic-incident').click();
    const saved = (await first.scenarios.form().getAttribute('data-scenario')) ?? '';
    expect(await first.scenarios.save()).toBe(1);
    await first.page.getByTestId('scenario-name-en').fill('Traffic, edited then the window closed');
    await expect(first.scenarios.form()).toHaveAttribute('data-autosave', 'saved');
    await first.page.close(); // the window closes mid-edit

    const again = await open();
    await expect(again.scenarios.row(saved)).toContainText('có bản nháp chưa lưu');
    await again.page.getByTestId(`edit-${saved}`).click();
    await expect(again.page.getByTestId('scenario-draft-restored')).toBeVisible();
    await expect(again.page.getByTestId('scenario-name-en')).toHaveValue('Traffic, edited then the window closed');
    await expect(again.scenarios.form()).toHaveAttribute('data-revision', '1');
    await expect(again.scenarios.form()).toHaveAttribute('data-dirty', 'true');
    expect(await again.scenarios.save()).toBe(2);
    await again.scenarios.close();
    await expect(again.scenarios.row(saved)).not.toContainText('có bản nháp chưa lưu');
    const stored = await wall.admin.request('scenarioLibrary:get', { scenarioId: saved });
    expect(stored).toMatchObject({ ok: true, value: { revision: 2, scenario: { name: { en: 'Traffic, edited then the window closed' } } } });

    // A new scenario never saved: its draft is listed on its own, resumed, then dropped on purpose.
    await again.page.getByTestId('duplicate-storm').click();
    const fresh = (await again.scenarios.form().getAttribute('data-scenario')) ?? '';
    await again.page.getByTestId('scenario-name-vi').fill('Bão, chưa lưu');
    await expect(again.scenarios.form()).toHaveAttribute('data-autosave', 'saved');
    await again.page.close();
    const third = await open();
    await expect(third.page.getByTestId(`scenario-draft-${fresh}`)).toContainText('Bão, chưa lưu');
    await third.page.getByTestId(`resume-${fresh}`).click();
    await expect(third.scenarios.form()).toHaveAttribute('data-revision', '0');
    await expect(third.page.getByTestId('scenario-name-vi')).toHaveValue('Bão, chưa lưu');
    await third.page.getByTestId('scenario-close').click();
    await third.page.getByTestId('unsaved-discard').click();
    await expect(third.page.getByTestId(`scenario-draft-${fresh}`)).toHaveCount(0);
    expect(await wall.admin.request('scenarioLibrary:get', { scenarioId: fresh })).toMatchObject({ ok: false, error: { code: 'scenario/unknown' } });
  });
});
