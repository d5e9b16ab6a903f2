import { expect, type Locator, type Page } from '@playwright/test';

/** The console's scenario buttons (area "leader"). */
export class LeaderPage {
  constructor(readonly page: Page) {}

  button(scenarioId: string): Locator {
    return this.page.getByTestId(`scenario-button-${scenarioId}`);
  }

  confirmation(): Locator {
    return this.page.getByTestId('scenario-confirm');
  }

  error(): Locator {
    return this.page.getByTestId('leader-error');
  }

  /** The number key shown on the scenario's button (1–9). */
  async shortcut(scenarioId: string): Promise<string> {
    await expect(this.button(scenarioId)).toBeVisible();
    const key = await this.button(scenarioId).getAttribute('data-shortcut');
    if (!key) throw new Error(`scenario ${scenarioId} has no shortcut`);
    return key;
  }

  /** Press the scenario's number key and wait for the confirmation. */
  async ask(scenarioId: string): Promise<void> {
    await this.page.keyboard.press(await this.shortcut(scenarioId));
    await expect(this.confirmation()).toHaveAttribute('data-scenario', scenarioId);
  }
}
