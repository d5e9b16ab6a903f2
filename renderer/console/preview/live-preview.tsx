import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { applyOverrides, panelAt } from '../../../common/overrides.js';
import type { ScreenStatus, WallState } from '../../../common/state.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import type { Rect } from '../../../common/wall/schema.js';
import { useT } from '../../i18n/use-t.js';
import { CameraStillsProvider, type CameraStills } from '../../panels/camera/camera-stills.js';
import { ScreenViewport } from '../../screen/screen-viewport.js';
import { useElementWidth } from '../layouts/use-element-width.js';
import { CAMERA_DRAG_TYPE, dropTargets, requestFor, screenOf } from '../live/drop-targets.js';
import type { HandCameras } from '../live/use-hand-cameras.js';
import type { ScreenCaptures } from '../live/use-live-view.js';

/**
 * Above this many screens the overview draws each screen's outline and state only: a 200-screen wall
 * would mount 200 mirrors (maps, camera stills) in one console page. A click shows one screen live, bigger.
 */
export const MIRRORED_SCREENS_MAX = 24;

interface Props {
  state: WallState;
  statuses: ScreenStatus[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  hand: HandCameras;
  cameraName: (id: string) => string;
  stills: CameraStills;
  captures: ScreenCaptures;
  enlargeSeconds: number;
}

// The wall as it is: each screen drawn by the screens' own code from the same state and data (cameras
// as the recent frames the screens took of their players), or the screen's own capture where its
// window sends one (Electron). Cameras are dropped here, or placed with the keyboard.
export function LivePreview({ state, statuses, selected, onSelect, hand, cameraName, stills, captures, enlargeSeconds }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const canvas = useMemo(() => wallCanvas(state.wall, { bezelCompensation: state.wall.bezelCompensation }), [state.wall]);
  const shown = useMemo(() => applyOverrides(state.layout, state.overrides), [state.layout, state.overrides]);
  const targets = useMemo(() => dropTargets(shown, canvas), [shown, canvas]);
  const [cursor, setCursor] = useState(0);
  const [dropping, setDropping] = useState(false);
  const w = Math.max(1, canvas.width);
  const h = Math.max(1, canvas.height);
  const scale = width > 0 ? width / w : 0;
  const place = (r: Rect) => ({ left: `${(r.x / w) * 100}%`, top: `${(r.y / h) * 100}%`, width: `${(r.width / w) * 100}%`, height: `${(r.height / h) * 100}%` });
  const byId = new Map(statuses.map((s) => [s.screenId, s]));
  const target = hand.selected ? targets[Math.min(cursor, targets.length - 1)] : undefined;

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    setDropping(false);
    const cameraId = e.dataTransfer.getData(CAMERA_DRAG_TYPE);
    if (!cameraId || !box.current) return;
    e.preventDefault();
    const r = box.current.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * w;
    const y = ((e.clientY - r.top) / r.height) * h;
    const hit = panelAt(shown, x, y);
    void hand.apply(hit && hit.cell !== null ? { action: 'place', cameraId, panelId: hit.panel.id, cell: hit.cell } : { action: 'add', cameraId, x, y });
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      void hand.undo();
      return;
    }
    if (!hand.selected || !targets.length) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step) {
      e.preventDefault();
      setCursor((c) => (Math.min(c, targets.length - 1) + step + targets.length) % targets.length);
    } else if (e.key === 'Enter' && target) {
      e.preventDefault();
      void hand.apply(requestFor(target, hand.selected));
    } else if ((e.key === 'p' || e.key === 'P') && target) {
      e.preventDefault();
      const screenId = screenOf(target, canvas);
      if (screenId) void hand.apply({ action: 'enlarge', cameraId: hand.selected, target: { screenId }, seconds: enlargeSeconds });
    } else if (e.key === 'Escape') {
      hand.select(null);
    }
  };

  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('preview.title')}</h2>
      <p className="preview__hint">{hand.selected ? t('live.keysHint', { name: cameraName(hand.selected) }) : t('live.hint')}</p>
      {canvas.viewports.length > MIRRORED_SCREENS_MAX && (
        <p className="preview__hint" data-testid="live-outlines-only">
          {t('live.outlinesOnly', { count: canvas.viewports.length, max: MIRRORED_SCREENS_MAX })}
        </p>
      )}
      <div
        ref={box}
        className={`preview__wall${dropping ? ' is-dropping' : ''}`}
        data-testid="live-preview"
        data-mirrored={String(canvas.viewports.length <= MIRRORED_SCREENS_MAX)}
        style={{ aspectRatio: `${w} / ${h}` }}
        tabIndex={0}
        aria-label={t('preview.title')}
        onKeyDown={onKey}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes(CAMERA_DRAG_TYPE)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        {scale > 0 && canvas.viewports.length <= MIRRORED_SCREENS_MAX && (
          <CameraStillsProvider stills={stills}>
            {canvas.viewports.map((v) => {
              const capture = captures.get(v.screenId);
              return (
                <div key={v.screenId} className="preview__mirror" data-testid={`live-screen-${v.screenId}`} data-source={capture ? 'capture' : 'mirror'} style={place(v.rect)}>
                  {capture ? <img className="preview__capture" src={capture} alt="" /> : <ScreenViewport state={state} viewport={v} scale={scale} />}
                </div>
              );
            })}
          </CameraStillsProvider>
        )}
        {target && <div className="preview__target" data-testid="live-target" data-target={target.key} style={place(target.rect)} aria-live="polite"><span>{target.kind === 'cell' ? t('live.target.cell', { panel: target.title, cell: target.cell + 1 }) : t('live.target.screen', { screen: target.screenId })}</span></div>}
        {canvas.viewports.map((v) => {
          const s = byId.get(v.screenId);
          const screen = state.wall.screens.find((x) => x.id === v.screenId);
          const current = s?.appliedRevision === state.revision;
          const faults = s?.faults?.length ?? 0;
          const tone = !s?.online ? 'offline' : s.state === 'error' ? 'error' : faults > 0 ? 'fault' : current ? 'current' : 'behind';
          return (
            <button
              key={v.screenId}
              type="button"
              tabIndex={-1}
              className={`preview__screen is-${tone}${selected === v.screenId ? ' is-selected' : ''}`}
              style={place(v.rect)}
              data-testid={`preview-screen-${v.screenId}`}
              data-online={String(s?.online ?? false)}
              data-applied-revision={s?.appliedRevision ?? ''}
              data-state={s?.state ?? 'waiting'}
              data-faults={faults}
              aria-pressed={selected === v.screenId}
              onClick={() => onSelect(selected === v.screenId ? null : v.screenId)}
            >
              <span className="preview__number">{screen?.number ?? ''}</span>
              <span className="preview__id">{v.screenId}</span>
              {faults > 0 && <span className="preview__faults" data-testid={`preview-faults-${v.screenId}`}>⚠ {t('live.faults', { count: faults })}</span>}
              <span className="preview__status">
                {t(`preview.tone.${tone === 'fault' ? 'current' : tone}`)} · {s?.appliedRevision ?? '—'}/{state.revision}
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
