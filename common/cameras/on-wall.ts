import { cameraProps } from '../panels/camera.js';
import type { Layout } from '../wall/layout-schema.js';

// The cameras the wall shows now (the layout with its overrides applied): what a map marks as "on the
// wall". A camera tile shows its grid's first cells, or its whole tour.

export function camerasOnWall(layout: Layout): string[] {
  const ids = new Set<string>();
  for (const panel of layout.panels) {
    if (panel.type !== 'camera') continue;
    const parsed = cameraProps.safeParse(panel.props);
    if (!parsed.success) continue;
    const { cameras, grid, tour } = parsed.data;
    for (const c of tour ? tour.cameras : cameras.slice(0, grid)) ids.add(c.id);
  }
  return [...ids].sort();
}
