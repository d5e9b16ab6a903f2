import { useMemo, useState, type KeyboardEvent } from 'react';
import { searchCameras } from '../../../common/cameras/search.js';
import { ENLARGE_SECONDS } from '../../../common/overrides.js';
import { cameraProps } from '../../../common/panels/camera.js';
import type { CameraEntry } from '../../../common/protocol/data.js';
import type { WallState } from '../../../common/state.js';
import { applyOverrides } from '../../../common/overrides.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { CAMERA_DRAG_TYPE } from './drop-targets.js';
import type { HandCameras } from './use-hand-cameras.js';
import { CameraMap } from './camera-map.js';

interface Props {
  state: WallState;
  cameras: readonly CameraEntry[];
  hand: HandCameras;
  enlargeSeconds: number;
  onEnlargeSeconds: (s: number) => void;
}

// The hub's cameras, searched as the operator types (diacritics optional); each can be dragged onto the
// live view, or picked (click, Enter) and placed with the keyboard there, enlarged over a screen for a
// while, or put in a tour that a camera tile cycles.
export function CameraCatalogue({ state, cameras, hand, enlargeSeconds, onEnlargeSeconds }: Props) {
  const t = useT();
  const language = useLanguage();
  const [query, setQuery] = useState('');
  const [tour, setTour] = useState<string[]>([]);
  const [dwell, setDwell] = useState(10);
  const [screenId, setScreenId] = useState(state.wall.screens[0]?.id ?? '');
  const shown = useMemo(() => searchCameras(cameras, query, language), [cameras, query, language]);
  const tiles = useMemo(() => applyOverrides(state.layout, state.overrides).panels.filter((p) => p.type === 'camera' && cameraProps.safeParse(p.props).success), [state.layout, state.overrides]);
  const [tile, setTile] = useState('');
  const tourTile = tiles.some((p) => p.id === tile) ? tile : (tiles[0]?.id ?? '');
  const selected = cameras.find((c) => c.id === hand.selected) ?? null;

  const onRowKey = (e: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      hand.select(hand.selected === id ? null : id);
    }
  };

  return (
    <section className="catalogue" aria-labelledby="catalogue-title" data-testid="camera-catalogue">
      <h2 id="catalogue-title">{t('catalogue.title')}</h2>
      <input
        type="search"
        className="catalogue__search"
        data-testid="catalogue-search"
        placeholder={t('catalogue.search')}
        aria-label={t('catalogue.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <p className="catalogue__count">{t('catalogue.count', { shown: shown.length, total: cameras.length })}</p>
      {cameras.length === 0 && <p className="catalogue__empty">{t('catalogue.none')}</p>}
      {cameras.length > 0 && shown.length === 0 && <p className="catalogue__empty">{t('catalogue.noMatch', { query })}</p>}
      <ul className="catalogue__list" role="listbox" aria-label={t('catalogue.title')}>
        {shown.map((c) => (
          <li
            key={c.id}
            role="option"
            tabIndex={0}
            aria-selected={hand.selected === c.id}
            className={`catalogue__item is-${c.status}${hand.selected === c.id ? ' is-selected' : ''}`}
            data-testid={`catalogue-camera-${c.id}`}
            data-status={c.status}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(CAMERA_DRAG_TYPE, c.id);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => hand.select(hand.selected === c.id ? null : c.id)}
            onKeyDown={(e) => onRowKey(e, c.id)}
          >
            <span className={`catalogue__dot is-${c.status}`} title={t(`catalogue.${c.status}`)} />
            <span className="catalogue__name">{c.name[language]}</span>
            <span className="catalogue__place">
              {c.place[language]}
              {c.road ? ` · ${c.road}` : ''}
            </span>
            <span className="catalogue__tags">{c.tags.join(', ')}</span>
            <label className="catalogue__tour-pick" onClick={(e) => e.stopPropagation()}>
              <input
                type="checkbox"
                data-testid={`tour-pick-${c.id}`}
                checked={tour.includes(c.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setTour((list) => (on ? [...list, c.id] : list.filter((x) => x !== c.id)));
                }}
              />
              {t('catalogue.tourPick')}
            </label>
          </li>
        ))}
      </ul>
      <CameraMap cameras={cameras} selected={hand.selected} onShow={(id) => hand.select(id)} />
      {selected && (
        <div className="catalogue__actions" data-testid="catalogue-selected">
          <strong>{t('catalogue.selected', { name: selected.name[language] })}</strong>
          <label>
            {t('catalogue.enlargeOn')}{' '}
            <select data-testid="enlarge-screen" value={screenId} onChange={(e) => setScreenId(e.currentTarget.value)}>
              {state.wall.screens.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id} {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('catalogue.enlargeFor')}{' '}
            <input type="number" data-testid="enlarge-seconds" min={ENLARGE_SECONDS.min} max={ENLARGE_SECONDS.max} value={enlargeSeconds} onChange={(e) => onEnlargeSeconds(Number(e.currentTarget.value))} />
          </label>
          <button type="button" data-testid="enlarge" disabled={hand.busy} onClick={() => void hand.apply({ action: 'enlarge', cameraId: selected.id, target: { screenId }, seconds: enlargeSeconds })}>
            {t('catalogue.enlarge')}
          </button>
        </div>
      )}
      {tour.length > 0 && (
        <div className="catalogue__actions" data-testid="tour-form">
          <strong>{t('catalogue.tourCameras', { count: tour.length })}</strong>
          <label>
            {t('catalogue.tourTile')}{' '}
            <select data-testid="tour-tile" value={tourTile} onChange={(e) => setTile(e.currentTarget.value)}>
              {tiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title ?? p.id}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('catalogue.tourDwell')}{' '}
            <input type="number" data-testid="tour-dwell" min={3} max={3600} value={dwell} onChange={(e) => setDwell(Number(e.currentTarget.value))} />
          </label>
          <button
            type="button"
            data-testid="tour-start"
            disabled={hand.busy || tour.length < 2 || !tourTile}
            onClick={() => void hand.apply({ action: 'tour', panelId: tourTile, cameraIds: tour, dwellSeconds: dwell }).then((r) => r.ok && setTour([]))}
          >
            {t('catalogue.tourStart')}
          </button>
        </div>
      )}
    </section>
  );
}
