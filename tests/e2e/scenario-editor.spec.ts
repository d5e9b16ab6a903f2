import { ACCOUNTS } from './support/accounts.js';
import { expect, test } from './support/console-test.js';
import { ConsolePage } from './pages/console-page.js';
import { LayoutEditorPage } from './pages/layout-editor-page.js';
import { ScenariosPage } from './pages/scenarios-page.js';

// An operator makes a scenario from a saved layout, rehearses it on the console (never on the wall),
// duplicates it and edits it again; the library keeps each save with its revision.

test.describe('the scenario editor', () => {
  test.slow();

  test('an operator creates a scenario from a layout, rehearses it without touching the wall, duplicates and edits it', async ({ context, wall }) => {
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
    await console_.page.getByTestId('checklist-add').click();
    expect(await scenarios.save()).toBe(1);

    // Rehearsal: the scenario's layout drawn on the console; the wall keeps its own.
    await console_.page.getByTestId('scenario-rehearse').click();
    const rehearsal = scenarios.rehearsal();
    await expect(rehearsal).toHaveAttribute('data-scenario', id);
    await expect(rehearsal.getByText('không hiện lên tường')).toBeVisible();
    await expect(rehearsal.locator(`[data-testid="rehearsal-preview-screen-A1"] [data-panel-id="${panelId}"]`)).toBeVisible();
    await expect(rehearsal).toHaveAttribute('data-screens', 'A1,A2,B1,B2'); // the wall's backdrop and banner go everywhere
    const state = await wall.snapshot();
    expect([state.revision, state.layout.id, state.scenario?.id]).toEqual([wall.revision, 'demo-2x2-normal', undefined]);
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
    await expect(console_.page.locator('.checklist__item')).toHaveCount(1);
    await console_.page.getByTestId('scenario-name-en').fill('Storm drill (E2E)');
    expect(await scenarios.save()).toBe(2);
    await scenarios.close();
    await expect(scenarios.row(id)).toContainText('Diễn tập bão E2E');

    // The centre's scenarios rehearse the same way.
    await console_.page.getByTestId('rehearse-storm').click();
    await expect(rehearsal).toHaveAttribute('data-scenario', 'storm');
    expect((await wall.snapshot()).revision).toBe(wall.revision);
  });
});
