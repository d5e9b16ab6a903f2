import { useMemo, useState } from 'react';
import type { CameraEntry } from '../../../common/protocol/data.js';
import { useLanguage, useT } from '../../i18n/use-t.js';

// Where the catalogue's cameras are: a marker each, placed by longitude and latitude over their extent;
// a click on one offers to show it on the wall (it is picked, for a drop or the keyboard on the live view).
export function CameraMap({ cameras, selected, onShow }: { cameras: readonly CameraEntry[]; selected: string | null; onShow: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const [open, setOpen] = useState<string | null>(null);
  const box = useMemo(() => {
    const lons = cameras.map((c) => c.lon);
    const lats = cameras.map((c) => c.lat);
    const pad = 0.05;
    return { west: Math.min(...lons) - pad, east: Math.max(...lons) + pad, south: Math.min(...lats) - pad, north: Math.max(...lats) + pad };
  }, [cameras]);
  if (!cameras.length) return null;
  const W = 320;
  const H = 200;
  const x = (lon: number) => ((lon - box.west) / (box.east - box.west)) * W;
  const y = (lat: number) => ((box.north - lat) / (box.north - box.south)) * H;
  const popup = cameras.find((c) => c.id === open);
  return (
    <figure className="camera-map" data-testid="camera-map">
      <figcaption>{t('catalogue.map')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('catalogue.map')}>
        <rect width={W} height={H} className="camera-map__sea" />
        {cameras.map((c) => (
          <circle
            key={c.id}
            cx={x(c.lon)}
            cy={y(c.lat)}
            r={selected === c.id ? 8 : 6}
            className={`camera-map__marker is-${c.status}${selected === c.id ? ' is-selected' : ''}`}
            data-testid={`camera-marker-${c.id}`}
            tabIndex={0}
            role="button"
            aria-label={c.name[language]}
            onClick={() => setOpen(c.id)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setOpen(c.id)}
          >
            <title>{c.name[language]}</title>
          </circle>
        ))}
      </svg>
      {popup && (
        <div className="camera-map__popup" data-testid="camera-map-popup">
          <strong>{popup.name[language]}</strong> <span>{popup.place[language]}</span>
          <button
            type="button"
            data-testid="camera-map-show"
            onClick={() => {
              onShow(popup.id);
              setOpen(null);
            }}
          >
            {t('catalogue.showOnWall')}
          </button>
          <button type="button" aria-label="×" onClick={() => setOpen(null)}>
            ×
          </button>
        </div>
      )}
    </figure>
  );
}
