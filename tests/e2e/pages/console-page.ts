import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { TestAccount } from '../support/accounts.js';
import { LoginPage } from './login-page.js';

/** The operator's console (/console), signed in as `account` when one is given. */
export class ConsolePage {
  readonly login: LoginPage;

  constructor(readonly page: Page) {
    this.login = new LoginPage(page);
  }

  static async open(context: BrowserContext, url: string, account?: TestAccount): Promise<ConsolePage> {
    const page = await context.newPage();
    await page.goto(url);
    const console_ = new ConsolePage(page);
    if (account) await console_.login.signIn(account);
    return console_;
  }

  /** Switch to one of the console's areas (wall, layouts, scenarios, leader, audit, accounts). */
  async openArea(id: string): Promise<void> {
    await this.page.getByTestId(`area-${id}`).click();
    await expect(this.page.getByTestId(`area-view-${id}`)).toBeVisible();
  }

  async waitForRevision(revision: number): Promise<void> {
    await expect(this.page.locator(`html[data-app-state="ready"][data-revision="${revision}"]`)).toBeAttached();
  }

  async revision(): Promise<number> {
    return Number(await this.page.locator('html[data-app-state="ready"]').getAttribute('data-revision'));
  }

  /** Click a control and wait until the console shows the revision it produced; returns it. */
  private async change(control: Locator): Promise<number> {
    const next = (await this.revision()) + 1;
    await control.click();
    await this.waitForRevision(next);
    return next;
  }

  toggleBezelCompensation(): Promise<number> {
    return this.change(this.page.getByTestId('toggle-bezel'));
  }

  toggleIdentify(): Promise<number> {
    return this.change(this.page.getByTestId('toggle-identify'));
  }

  setLanguage(language: 'vi' | 'en'): Promise<number> {
    return this.change(this.page.getByTestId(`language-${language}`));
  }

  screenRow(screenId: string): Locator {
    return this.page.getByTestId(`screen-status-${screenId}`);
  }

  miniScreen(screenId: string): Locator {
    return this.page.getByTestId(`mini-screen-${screenId}`);
  }

  problems(): Locator {
    return this.page.getByTestId('problems');
  }

  title(): Locator {
    return this.page.getByTestId('console-title');
  }
}
