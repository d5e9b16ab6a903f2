import type { ReactNode } from 'react';
import { panelsInViewport, type ScreenViewport as Viewport } from '../../common/wall/geometry.js';
import type { Panel } from '../../common/wall/layout-schema.js';
import type { WallState } from '../../common/state.js';
import { applyOverrides } from '../../common/overrides.js';
import { MapHostProvider, MapSurface } from '../panels/map/map-host-context.js';
import { PanelFrame } from '../panels/panel-frame.js';

interface ViewportProps {
  state: WallState;
  viewport: Viewport;
  scale: number;
  /** A full CSS transform (calibration: offset, overscan, rotation); overrides `scale`. */
  transform?: string;
  /** Technician panels drawn above the layout (test patterns). */
  overlays?: readonly Panel[];
  /** Drawn last, above every panel (the identification overlay). */
  children?: ReactNode;
}

// Exactly this screen's slice of the wall canvas: the viewport at 1 canvas px = 1 CSS px, transformed to
// the window (scale 1 at the screen's own resolution), clipping the panels that cross its edges.
export function ScreenViewport({ state, viewport, scale, transform, overlays = [], children }: ViewportProps) {
  const { rect } = viewport;
  // The layout as saved with the cameras operators put on the wall by hand.
  const shown = panelsInViewport([...applyOverrides(state.layout, state.overrides).panels, ...overlays], rect);
  // The screen's one map canvas goes just above its top-most map panel.
  const lastMap = shown.findLastIndex((s) => s.panel.type === 'map');
  return (
    <div
      className="viewport"
      data-testid="viewport"
      data-canvas-rect={`${rect.x},${rect.y},${rect.width},${rect.height}`}
      style={{ width: rect.width, height: rect.height, transform: transform ?? `scale(${scale})` }}
    >
      <MapHostProvider>
        {shown.flatMap(({ panel, local, visible }, i) => [
          <PanelFrame key={panel.id} panel={panel} local={local} visible={visible} language={state.language} viewportOrigin={{ x: rect.x, y: rect.y }} />,
          // One key wherever it sits, so a layout swap moves the canvas (and its Deck) instead of replacing it.
          ...(i === lastMap ? [<MapSurface key=" map surface" width={rect.width} height={rect.height} />] : []),
        ])}
      </MapHostProvider>
      {children}
    </div>
  );
}
