import { spansScreens } from '../../../common/panels/camera.js';
import type { PanelViewProps } from '../types.js';
import { CameraTile, EmptyCell } from './camera-tile.js';
import { useTourIndex } from './use-tour.js';
import './camera.css';

// A camera panel fills its whole rect; on a panel spanning screens each screen plays the stream and the
// viewport clips its slice, while those players keep in step by programme date time.
export function CameraView({ panel, props, language, local, visible }: PanelViewProps<'camera'>) {
  const side = Math.sqrt(props.grid);
  const syncDelayMs = props.syncDelaySeconds === undefined ? null : props.syncDelaySeconds * 1000;
  const sync = spansScreens(local, visible);
  // A tour shows one camera at a time in a one-camera tile.
  const turn = useTourIndex(props.tour);
  const cells = props.tour ? [props.tour.cameras[turn] ?? null] : Array.from({ length: props.grid }, (_, i) => props.cameras[i] ?? null);
  return (
    <div className="panel-fill camera-grid" data-grid={props.grid} data-panel={panel.id} data-tour={props.tour ? `${turn + 1}/${props.tour.cameras.length}` : undefined} style={{ gridTemplateColumns: `repeat(${side}, 1fr)`, gridTemplateRows: `repeat(${side}, 1fr)` }}>
      {cells.map((camera, i) =>
        camera ? (
          <CameraTile key={camera.id} camera={camera} fit={props.fit} showName={props.showNames} language={language} sync={sync} syncDelayMs={syncDelayMs} />
        ) : (
          <EmptyCell key={`empty-${i}`} language={language} />
        ),
      )}
    </div>
  );
}
