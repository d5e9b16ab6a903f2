import { useMemo, useRef } from 'react';
import type { WallState } from '../../../common/state.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { useT } from '../../i18n/use-t.js';
import { CameraStillsProvider, type CameraStills } from '../../panels/camera/camera-stills.js';
import { ScreenViewport } from '../../screen/screen-viewport.js';
import { useElementWidth } from '../layouts/use-element-width.js';
import type { ScreenCaptures } from './use-live-view.js';

// One screen of the live view, as large as the console's column allows.
export function BiggerScreen({ state, screenId, stills, captures }: { state: WallState; screenId: string; stills: CameraStills; captures: ScreenCaptures }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const viewport = useMemo(() => wallCanvas(state.wall, { bezelCompensation: state.wall.bezelCompensation }).viewports.find((v) => v.screenId === screenId), [state.wall, screenId]);
  if (!viewport) return null;
  const capture = captures.get(screenId);
  const scale = width > 0 ? width / viewport.rect.width : 0;
  return (
    <figure className="bigger" data-testid="live-bigger" data-screen={screenId} data-source={capture ? 'capture' : 'mirror'}>
      <figcaption>{t('live.bigger', { id: screenId })} · {capture ? t('live.capture') : t('live.mirror')}</figcaption>
      <div ref={box} className="bigger__screen" style={{ aspectRatio: `${viewport.rect.width} / ${viewport.rect.height}` }}>
        {scale > 0 &&
          (capture ? (
            <img className="preview__capture" src={capture} alt="" />
          ) : (
            <CameraStillsProvider stills={stills}>
              <ScreenViewport state={state} viewport={viewport} scale={scale} />
            </CameraStillsProvider>
          ))}
      </div>
    </figure>
  );
}
