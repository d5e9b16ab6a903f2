import { expect, type Locator, type Page } from '@playwright/test';
import type { ConsolePage } from './console-page.js';

// The few DOM members used inside the page (this side of the tests has no DOM types).
interface Scrollable {
  closest(selector: string): { scrollIntoView(options: { block: string }): void } | null;
}

/** The console's technician area: screen picker, patterns, geometry, colour, mapping, profiles. */
export class TechnicianArea {
  readonly page: Page;

  constructor(readonly console: ConsolePage) {
    this.page = console.page;
  }

  async open(): Promise<void> {
    await this.console.openArea('technician');
    await expect(this.page.getByTestId('technician-panel')).toBeVisible();
  }

  /** Do something that commits exactly one change; wait until the console shows it and return its revision. */
  async change(action: () => Promise<void>): Promise<number> {
    const next = (await this.console.revision()) + 1;
    await action();
    await this.console.waitForRevision(next);
    return next;
  }

  pick(screenId: string | null): Promise<number> {
    return this.change(() => this.page.getByTestId(screenId ? `pick-screen-${screenId}` : 'pick-wall').click());
  }

  /** Type a value into a calibration field and press Enter (one change, previewed on the wall). */
  setField(testId: string, value: number | string): Promise<number> {
    return this.change(async () => {
      await this.page.getByTestId(testId).fill(String(value));
      await this.page.getByTestId(testId).press('Enter');
    });
  }

  async showPattern(kind: string, where: 'wall' | 'screen', options: Record<string, string | number> = {}): Promise<number> {
    await this.page.getByTestId('pattern-kind').selectOption(kind);
    for (const [name, value] of Object.entries(options)) await this.page.getByTestId(`pattern-${name}`).fill(String(value));
    return this.change(() => this.page.getByTestId(where === 'wall' ? 'pattern-show-wall' : 'pattern-show-screen').click());
  }

  /** Drag `source` onto `target` with the mouse in small steps, as a hand does (HTML5 drag and drop). */
  async drag(source: Locator, target: Locator): Promise<void> {
    // Both ends on screen together: mouse coordinates are the viewport's.
    await target.evaluate((el) => (el as unknown as Scrollable).closest('fieldset')?.scrollIntoView({ block: 'center' }));
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    const height = this.page.viewportSize()?.height ?? Infinity;
    if (!from || !to) throw new Error('drag: source or target is not on screen');
    if (Math.min(from.y, to.y) < 0 || Math.max(from.y + from.height, to.y + to.height) > height) throw new Error('drag: source and target do not fit on screen together');
    const mouse = this.page.mouse;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 20, { steps: 5 });
    await mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await mouse.up();
  }

  confirm(): Promise<number> {
    return this.change(() => this.page.getByTestId('calibration-confirm').click());
  }

  bar(): Locator {
    return this.page.getByTestId('calibration-bar');
  }

  feedback(): Locator {
    return this.page.getByTestId('tech-feedback');
  }

  profileFeedback(): Locator {
    return this.page.getByTestId('profile-feedback');
  }

  position(screenId: string): Locator {
    return this.page.getByTestId(`position-${screenId}`);
  }

  profile(name: string): Locator {
    return this.page.locator(`[data-testid="profile"][data-name="${name}"]`);
  }
}
