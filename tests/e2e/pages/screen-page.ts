import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { screenshotPixels, type Rgb } from '../support/pixels.js';

const SHOWN = '[data-layer="shown"]';

/** One wall screen page (/screen/<id>). */
export class ScreenPage {
  constructor(
    readonly page: Page,
    readonly screenId: string,
  ) {}

  /** `onPage` sees the page before it loads (to watch its console from the first message). */
  static async open(context: BrowserContext, screenId: string, url: string, onPage?: (page: Page) => void): Promise<ScreenPage> {
    const page = await context.newPage();
    onPage?.(page);
    await page.goto(url);
    return new ScreenPage(page, screenId);
  }

  /** The only wait: the page says it has painted this revision. */
  async waitForRevision(revision: number, timeout?: number): Promise<void> {
    await expect(this.page.locator(`html[data-app-state="ready"][data-revision="${revision}"]`)).toBeAttached(timeout === undefined ? {} : { timeout });
  }

  html(): Locator {
    return this.page.locator('html');
  }

  /** A panel of the layer on show; hidden layers (the next layout, rehearsals) come and go. */
  panel(id: string): Locator {
    return this.page.locator(`${SHOWN} [data-panel-id="${id}"]`);
  }

  identifyOverlay(): Locator {
    return this.page.getByTestId('identify-overlay');
  }

  /** The panels on show, read in one go: a rehearsal layer may vanish between two reads. */
  panelIds(): Promise<string[]> {
    // Runs in the page; the tests' TypeScript has no DOM library, hence the element's shape is spelt out.
    type Tagged = { getAttribute(name: string): string | null };
    return this.page.locator(`${SHOWN} [data-panel-id]`).evaluateAll((els) => els.map((e) => (e as unknown as Tagged).getAttribute('data-panel-id') ?? ''));
  }

  /** This screen's rectangle on the wall canvas, as the page computed it. */
  async canvasRect(): Promise<{ x: number; y: number; width: number; height: number }> {
    // The shown layer's: a pending or kept layer drawn beneath it has a viewport of its own.
    const raw = await this.page.locator('[data-layer="shown"]').getByTestId('viewport').getAttribute('data-canvas-rect');
    const [x, y, width, height] = (raw ?? '').split(',').map(Number);
    return { x: x!, y: y!, width: width!, height: height! };
  }

  pixels(points: ReadonlyArray<readonly [number, number]>): Promise<Rgb[]> {
    return screenshotPixels(this.page, points);
  }
}
