import { panelsInViewport, type ScreenViewport } from '../wall/geometry.js';
import type { Layout, Panel } from '../wall/layout-schema.js';

// What changes on the wall when one layout replaces another: the leader's confirmation says it
// before anything happens (panels added, removed, changed; which screens change).

export interface LayoutDiff {
  added: Panel[];
  removed: Panel[];
  /** Same id, different place, size, stacking, type or content. */
  changed: Panel[];
  /** Screens whose picture changes, in wall order. */
  screens: string[];
  unchangedScreens: string[];
}

const key = (p: Panel) => JSON.stringify([p.type, p.rect, p.z, p.title ?? null, p.props]);

function screenPicture(layout: Layout, viewport: ScreenViewport): string {
  return JSON.stringify(panelsInViewport(layout.panels, viewport.rect).map(({ panel, local }) => [panel.id, key(panel), local.x, local.y]));
}

export function diffLayouts(current: Layout, next: Layout, viewports: readonly ScreenViewport[]): LayoutDiff {
  const before = new Map(current.panels.map((p) => [p.id, p]));
  const after = new Map(next.panels.map((p) => [p.id, p]));
  const added = next.panels.filter((p) => !before.has(p.id));
  const removed = current.panels.filter((p) => !after.has(p.id));
  const changed = next.panels.filter((p) => {
    const old = before.get(p.id);
    return old !== undefined && key(old) !== key(p);
  });
  const screens: string[] = [];
  const unchangedScreens: string[] = [];
  for (const v of viewports) (screenPicture(current, v) === screenPicture(next, v) ? unchangedScreens : screens).push(v.screenId);
  return { added, removed, changed, screens, unchangedScreens };
}
