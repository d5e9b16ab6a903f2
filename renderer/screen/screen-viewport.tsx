import { panelsInViewport, type ScreenViewport as Viewport } from '../../common/wall/geometry.js';
import type { WallState } from '../../common/state.js';
import { MapHostProvider, MapSurface } from '../panels/map/map-host-context.js';
import { PanelFrame } from '../panels/panel-frame.js';
import { IdentifyOverlay } from './identify-overlay.js';

// Exactly this screen's slice of the wall canvas: the viewport at 1 canvas px = 1 CSS px, scaled to the
// window (1 at the screen's own resolution), clipping the panels that cross its edges.
export function ScreenViewport({ state, viewport, scale }: { state: WallState; viewport: Viewport; scale: number }) {
  const { rect } = viewport;
  const shown = panelsInViewport(state.layout.panels, rect);
  // The screen's one map canvas goes just above its top-most map panel.
  const lastMap = shown.findLastIndex((s) => s.panel.type === 'map');
  const screen = state.wall.screens.find((s) => s.id === viewport.screenId);
  return (
    <div
      className="viewport"
      data-testid="viewport"
      data-canvas-rect={`${rect.x},${rect.y},${rect.width},${rect.height}`}
      style={{ width: rect.width, height: rect.height, transform: `scale(${scale})` }}
    >
      <MapHostProvider>
        {shown.flatMap(({ panel, local, visible }, i) => [
          <PanelFrame key={panel.id} panel={panel} local={local} visible={visible} language={state.language} viewportOrigin={{ x: rect.x, y: rect.y }} />,
          // One key wherever it sits, so a layout swap moves the canvas (and its Deck) instead of replacing it.
          ...(i === lastMap ? [<MapSurface key=" map surface" width={rect.width} height={rect.height} />] : []),
        ])}
      </MapHostProvider>
      {state.identify && screen && <IdentifyOverlay screen={screen} index={state.wall.screens.indexOf(screen)} rect={rect} />}
    </div>
  );
}
