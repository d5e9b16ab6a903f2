import { useCallback, useMemo, useState } from 'react';
import { ENLARGE_SECONDS } from '../../common/overrides.js';
import { CAMERA_CATALOGUE_KEY } from '../../common/protocol/data.js';
import { useLanguage } from '../i18n/use-t.js';
import { useDataKey } from '../state/data-context.js';
import { useWallState } from '../state/store-context.js';
import { ConsolePage } from './console-page.js';
import { BiggerScreen } from './live/bigger-screen.js';
import { CameraCatalogue } from './live/camera-catalogue.js';
import { OverrideList } from './live/override-list.js';
import { useHandCameras } from './live/use-hand-cameras.js';
import { useLiveView } from './live/use-live-view.js';
import { LivePreview } from './preview/live-preview.js';
import { ScreenDetail } from './preview/screen-detail.js';
import { WallSummary } from './preview/wall-summary.js';
import { SourceList } from './source-list.js';
import './live/live.css';

// The live wall: scenario and server first, the wall as it is (cameras dropped on it from the
// catalogue beside it), what was put there by hand, then the wall's controls and status.
export function WallArea() {
  const { state, statuses } = useWallState();
  const [selected, setSelected] = useState<string | null>(null);
  const [enlargeSeconds, setEnlargeSeconds] = useState<number>(ENLARGE_SECONDS.default);
  const hand = useHandCameras();
  const live = useLiveView();
  const language = useLanguage();
  const catalogue = useDataKey(CAMERA_CATALOGUE_KEY, 'cameras');
  const cameras = useMemo(() => (catalogue.status === 'ok' ? catalogue.value.items : []), [catalogue]);
  const cameraName = useCallback((id: string) => cameras.find((c) => c.id === id)?.name[language] ?? id, [cameras, language]);
  if (!state) return null;
  return (
    <div className="wall-area">
      <div className="wall-area__top">
        <WallSummary state={state} />
        <div className="wall-area__live">
          <div className="wall-area__preview">
            <LivePreview state={state} statuses={statuses} selected={selected} onSelect={setSelected} hand={hand} cameraName={cameraName} stills={live.stills} captures={live.captures} enlargeSeconds={enlargeSeconds} />
            <CameraCatalogue state={state} cameras={cameras} hand={hand} enlargeSeconds={enlargeSeconds} onEnlargeSeconds={setEnlargeSeconds} />
          </div>
          <OverrideList state={state} hand={hand} />
          {selected && (
            <div className="wall-area__detail">
              <BiggerScreen state={state} screenId={selected} stills={live.stills} captures={live.captures} />
              <ScreenDetail state={state} status={statuses.find((s) => s.screenId === selected)} screenId={selected} onClose={() => setSelected(null)} />
            </div>
          )}
        </div>
      </div>
      <SourceList />
      <ConsolePage />
    </div>
  );
}
