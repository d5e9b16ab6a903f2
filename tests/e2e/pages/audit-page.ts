import { expect, type Locator, type Page } from '@playwright/test';

/** The console's audit log (area "audit"). */
export class AuditPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('audit-row');
  }

  async filterAction(prefix: string): Promise<void> {
    await this.page.getByTestId('audit-filter-action').fill(prefix);
    await this.page.getByTestId('audit-apply').click();
    await expect(this.page.getByTestId('audit-area')).toBeVisible();
  }

  /** Ask the main process to verify the chain; returns the shown verdict (ok, or the first broken row). */
  async verify(): Promise<{ ok: boolean; seq: number | null }> {
    const shown = this.page.getByTestId('audit-verify-result');
    const before = (await shown.count()) ? await shown.textContent() : null;
    await this.page.getByTestId('audit-verify').click();
    await expect(shown).toBeVisible();
    if (before !== null) await expect(shown).not.toHaveText(before);
    const seq = await shown.getAttribute('data-seq');
    return { ok: (await shown.getAttribute('data-ok')) === 'true', seq: seq ? Number(seq) : null };
  }
}
