import { useId, useMemo } from 'react';
import { checkMapping } from '../../common/calibration/mapping.js';
import { testPatternPanels } from '../../common/calibration/test-pattern.js';
import { calibratedWall } from '../../common/calibration/wall.js';
import type { WallState } from '../../common/state.js';
import type { ScreenViewport as Viewport, WallCanvas } from '../../common/wall/geometry.js';
import { ColourFilter } from '../calibration/colour-filter.js';
import { useScreenOutput } from '../calibration/use-screen-output.js';
import { useT } from '../i18n/use-t.js';
import { IdentifyOverlay } from './identify-overlay.js';
import { ScreenViewport } from './screen-viewport.js';

interface Props {
  state: WallState;
  canvas: WallCanvas;
  viewport: Viewport;
  window: { width: number; height: number };
  connected: boolean;
}

// One screen's output: its slice of the wall, the technician's overlays on it (test pattern,
// identification, preview flag), moved, turned and coloured by this screen's calibration only.
export function CalibratedScreen({ state, canvas, viewport, window: size, connected }: Props) {
  const t = useT();
  const tech = state.technician;
  const output = useScreenOutput(state, viewport, size);
  const testPattern = tech?.testPattern ?? null;
  const overlays = useMemo(() => (testPattern ? testPatternPanels(testPattern, canvas) : []), [testPattern, canvas]);
  const applied = tech?.calibration.applied;
  const displays = tech?.displays ?? null;
  const appliedWall = useMemo(() => calibratedWall(state.wall, applied), [state.wall, applied]);
  const mapping = useMemo(() => checkMapping(appliedWall, displays), [appliedWall, displays]);
  const index = appliedWall.screens.findIndex((s) => s.id === viewport.screenId);
  const screen = appliedWall.screens[index];
  const blink = tech?.selectedScreenId === viewport.screenId;
  // One filter per drawn screen (a scenario's next layout is drawn hidden beside the current one).
  const filterId = `colour-${viewport.screenId}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const ratio = globalThis.devicePixelRatio || 1;

  return (
    <>
      {output.colour && <ColourFilter id={filterId} transfer={output.colour} />}
      <div
        className="screen"
        data-screen-id={viewport.screenId}
        data-calibration={output.preview ? 'preview' : 'applied'}
        data-transform={output.transform}
        data-colour={output.colour ? 'set' : 'neutral'}
        data-selected={String(blink)}
        style={output.colour ? { filter: `url(#${filterId})` } : undefined}
      >
        <ScreenViewport state={state} viewport={viewport} scale={1} transform={output.transform} overlays={overlays}>
          {blink && <div className="selected-frame" data-testid="selected-frame" aria-hidden="true" />}
          {state.identify && screen && (
            <IdentifyOverlay
              screen={screen}
              index={index}
              rect={viewport.rect}
              windowPx={{ width: Math.round(size.width * ratio), height: Math.round(size.height * ratio) }}
              display={displays ? (mapping.assignments[viewport.screenId] ?? null) : null}
              calibration={output.calibration}
              blink={blink}
            />
          )}
          {output.preview && (
            <div className="calibration-preview" data-testid="calibration-preview" role="status">
              {t('screen.calibrationPreview')}
            </div>
          )}
        </ScreenViewport>
        {!connected && (
          <div className="connection-lost" role="status" data-testid="connection-lost">
            {t('app.connectionLost')}
          </div>
        )}
      </div>
    </>
  );
}
