import { expect, type Locator, type Page } from '@playwright/test';

/** The console's scenario list, editor and rehearsal (area "scenarios"). */
export class ScenariosPage {
  constructor(readonly page: Page) {}

  row(scenarioId: string): Locator {
    return this.page.getByTestId(`scenario-row-${scenarioId}`);
  }

  form(): Locator {
    return this.page.getByTestId('scenario-form');
  }

  rehearsal(): Locator {
    return this.page.getByTestId('rehearsal');
  }

  /** A new scenario from a saved layout; returns the id the editor gave it. */
  async create(layoutId: string, nameVi: string, nameEn: string): Promise<string> {
    await this.page.getByTestId('new-scenario-layout').selectOption(layoutId);
    await this.page.getByTestId('new-scenario-vi').fill(nameVi);
    await this.page.getByTestId('new-scenario-en').fill(nameEn);
    await this.page.getByTestId('new-scenario').click();
    await expect(this.form()).toHaveAttribute('data-revision', '0');
    return (await this.form().getAttribute('data-scenario')) ?? '';
  }

  /** Save the open scenario and wait for the library's new revision. */
  async save(): Promise<number> {
    const before = Number(await this.form().getAttribute('data-revision'));
    await this.page.getByTestId('scenario-save').click();
    await expect(this.form()).toHaveAttribute('data-revision', String(before + 1));
    return before + 1;
  }

  async close(): Promise<void> {
    await this.page.getByTestId('scenario-close').click();
    await expect(this.page.getByTestId('scenarios-area')).toBeVisible();
  }
}
