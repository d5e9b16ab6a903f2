import { expect, type Page } from '@playwright/test';
import type { TestAccount } from '../support/accounts.js';

/** The console's sign-in screen. */
export class LoginPage {
  constructor(readonly page: Page) {}

  screen() {
    return this.page.getByTestId('login-screen');
  }

  error() {
    return this.page.getByTestId('login-error');
  }

  /** Sign in and wait until the console shows the account (the shell names the user and role). */
  async signIn(account: TestAccount): Promise<void> {
    await this.submit(account.username, account.password);
    await expect(this.page.getByTestId('console-shell')).toHaveAttribute('data-user', account.username);
    await expect(this.page.getByTestId('console-shell')).toHaveAttribute('data-role', account.role);
  }

  async submit(username: string, password: string): Promise<void> {
    await expect(this.screen()).toHaveAttribute('data-mode', 'login');
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
    await expect(this.screen()).toBeVisible();
  }
}
