import { cameraProps } from '../../../common/panels/camera.js';
import type { OverrideRequest } from '../../../common/overrides.js';
import type { WallCanvas } from '../../../common/wall/geometry.js';
import type { Layout } from '../../../common/wall/layout-schema.js';
import type { Rect } from '../../../common/wall/schema.js';

// Where a camera can go on the wall, in the order the arrow keys walk them: every cell of every camera
// tile (top to bottom, left to right), then each quarter of each screen for a new tile.

export type DropTarget =
  | { kind: 'cell'; key: string; rect: Rect; panelId: string; title: string; cell: number }
  | { kind: 'screen'; key: string; rect: Rect; screenId: string };

export function dropTargets(layout: Layout, canvas: WallCanvas): DropTarget[] {
  const cells: DropTarget[] = [];
  const tiles = layout.panels.filter((p) => p.type === 'camera').sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  for (const p of tiles) {
    const props = cameraProps.safeParse(p.props);
    if (!props.success) continue;
    const side = props.data.tour ? 1 : Math.sqrt(props.data.grid);
    const w = p.rect.width / side;
    const h = p.rect.height / side;
    for (let cell = 0; cell < side * side; cell++) {
      const rect = { x: p.rect.x + (cell % side) * w, y: p.rect.y + Math.floor(cell / side) * h, width: w, height: h };
      cells.push({ kind: 'cell', key: `${p.id}#${cell}`, rect, panelId: p.id, title: p.title ?? p.id, cell });
    }
  }
  const quarters: DropTarget[] = canvas.viewports.flatMap((v) =>
    [0, 1, 2, 3].map((q) => {
      const width = Math.round(v.rect.width / 2);
      const height = Math.round(v.rect.height / 2);
      const rect = { x: v.rect.x + (q % 2) * width, y: v.rect.y + Math.floor(q / 2) * height, width, height };
      return { kind: 'screen' as const, key: `${v.screenId}#${q}`, rect, screenId: v.screenId };
    }),
  );
  return [...cells, ...quarters];
}

/** The command that puts `cameraId` on a target. */
export function requestFor(target: DropTarget, cameraId: string): OverrideRequest {
  if (target.kind === 'cell') return { action: 'place', cameraId, panelId: target.panelId, cell: target.cell };
  return { action: 'add', cameraId, x: target.rect.x + target.rect.width / 2, y: target.rect.y + target.rect.height / 2 };
}

/** The screen a target lies on (its centre), for "enlarge over that screen". */
export function screenOf(target: DropTarget, canvas: WallCanvas): string | null {
  if (target.kind === 'screen') return target.screenId;
  const cx = target.rect.x + target.rect.width / 2;
  const cy = target.rect.y + target.rect.height / 2;
  return canvas.viewports.find((v) => cx >= v.rect.x && cx < v.rect.x + v.rect.width && cy >= v.rect.y && cy < v.rect.y + v.rect.height)?.screenId ?? null;
}

/** The MIME type a dragged catalogue camera carries (its id). */
export const CAMERA_DRAG_TYPE = 'application/x-toan-canh-camera';
