import { expect, type Locator, type Page } from '@playwright/test';

export interface CanvasRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The console's layout library and editor (area "layouts"). */
export class LayoutEditorPage {
  constructor(readonly page: Page) {}

  library(): Locator {
    return this.page.getByTestId('layout-library');
  }

  editor(): Locator {
    return this.page.getByTestId('layout-editor');
  }

  panel(id: string): Locator {
    return this.page.getByTestId(`editor-panel-${id}`);
  }

  async createEmpty(name: string): Promise<void> {
    await this.page.getByTestId('new-layout-name').fill(name);
    await this.page.getByTestId('new-layout').click();
    await expect(this.editor()).toBeVisible();
  }

  /** Add a panel of `type`; the editor selects it. Returns its id. */
  async addPanel(type: string): Promise<string> {
    await this.page.getByTestId('add-panel-type').selectOption(type);
    await this.page.getByTestId('add-panel').click();
    const properties = this.page.getByTestId('panel-properties');
    await expect(properties, 'the editor selects the panel it added').toBeVisible();
    const id = await properties.getAttribute('data-panel');
    if (!id) throw new Error('no panel selected after adding one');
    return id;
  }

  async rect(id: string): Promise<CanvasRect> {
    const raw = (await this.panel(id).getAttribute('data-rect')) ?? '';
    const [x, y, width, height] = raw.split(',').map(Number);
    return { x: x!, y: y!, width: width!, height: height! };
  }

  /** Canvas px per console px, as the editor draws the wall. */
  async scale(): Promise<number> {
    return Number(await this.page.getByTestId('editor-wall').getAttribute('data-scale'));
  }

  /** Drag a panel by (dx, dy) canvas px with the mouse, the way a person does. */
  async drag(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.panel(id).boundingBox();
    if (!box) throw new Error(`panel ${id} is not visible`);
    const scale = await this.scale();
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + (dx * scale) / 2, from.y + (dy * scale) / 2, { steps: 5 });
    await this.page.mouse.move(from.x + dx * scale, from.y + dy * scale, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Save and wait until the editor says which revision it saved. */
  async save(): Promise<number> {
    const bar = this.page.getByTestId('save-bar');
    await this.page.getByTestId('save-layout').click();
    await expect(bar).toHaveAttribute('data-dirty', 'false');
    return Number(await bar.getAttribute('data-revision'));
  }

  /** Apply to the wall; returns the state revision that shows it. */
  async apply(): Promise<number> {
    await this.page.getByTestId('apply-layout').click();
    const applied = this.page.getByTestId('applied-revision');
    await expect(applied).toBeVisible();
    return Number(await applied.getAttribute('data-revision'));
  }
}
