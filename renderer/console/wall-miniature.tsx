import { useMemo } from 'react';
import type { ScreenStatus, WallState } from '../../common/state.js';
import { wallCanvas } from '../../common/wall/geometry.js';
import type { Rect } from '../../common/wall/schema.js';
import { useT } from '../i18n/use-t.js';

// The whole wall to scale: screens where the canvas puts them (the gaps are the hidden bezels),
// panels as labelled outlines, each screen tinted by whether its page is online.
export function WallMiniature({ state, statuses }: { state: WallState; statuses: ScreenStatus[] }) {
  const t = useT();
  const canvas = useMemo(() => wallCanvas(state.wall, { bezelCompensation: state.wall.bezelCompensation }), [state.wall]);
  // Percentages of the canvas, so the map scales with the console window and stays to scale.
  const w = Math.max(1, canvas.width);
  const h = Math.max(1, canvas.height);
  const place = (r: Rect) => ({ left: `${(r.x / w) * 100}%`, top: `${(r.y / h) * 100}%`, width: `${(r.width / w) * 100}%`, height: `${(r.height / h) * 100}%` });
  const online = new Map(statuses.map((s) => [s.screenId, s.online]));

  return (
    <section className="miniature" aria-labelledby="miniature-title">
      <h2 id="miniature-title">{t('console.miniature')}</h2>
      <div
        className="miniature__wall"
        data-testid="wall-miniature"
        data-canvas-size={`${canvas.width}x${canvas.height}`}
        style={{ aspectRatio: `${w} / ${h}` }}
      >
        {canvas.viewports.map((v) => (
          <div key={v.screenId} className="miniature__screen-face" style={place(v.rect)} />
        ))}
        {[...state.layout.panels].sort((a, b) => (a.z ?? 0) - (b.z ?? 0)).map((p) => (
          <div
            key={p.id}
            className="miniature__panel"
            data-testid={`mini-panel-${p.id}`}
            title={`${p.title ?? p.id} (${p.type})`}
            style={place(p.rect)}
          >
            <span>{p.title ?? p.id}</span>
          </div>
        ))}
        {/* Screen outlines on top, so the status colour shows even under a wall-sized panel. */}
        {canvas.viewports.map((v) => (
          <div
            key={v.screenId}
            className={`miniature__screen ${online.get(v.screenId) ? 'is-online' : 'is-offline'}`}
            data-testid={`mini-screen-${v.screenId}`}
            data-online={String(online.get(v.screenId) ?? false)}
            data-rect={`${v.rect.x},${v.rect.y},${v.rect.width},${v.rect.height}`}
            style={place(v.rect)}
          >
            <span className="miniature__screen-label">{v.screenId}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
