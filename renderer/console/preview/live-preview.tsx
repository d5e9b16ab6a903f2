import { useMemo } from 'react';
import type { ScreenStatus, WallState } from '../../../common/state.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import type { Rect } from '../../../common/wall/schema.js';
import { useT } from '../../i18n/use-t.js';

// The wall to scale, one button per screen with what it reports; panels as outlines underneath.
export function LivePreview({ state, statuses, selected, onSelect }: { state: WallState; statuses: ScreenStatus[]; selected: string | null; onSelect: (id: string | null) => void }) {
  const t = useT();
  const canvas = useMemo(() => wallCanvas(state.wall, { bezelCompensation: state.wall.bezelCompensation }), [state.wall]);
  const w = Math.max(1, canvas.width);
  const h = Math.max(1, canvas.height);
  const place = (r: Rect) => ({ left: `${(r.x / w) * 100}%`, top: `${(r.y / h) * 100}%`, width: `${(r.width / w) * 100}%`, height: `${(r.height / h) * 100}%` });
  const byId = new Map(statuses.map((s) => [s.screenId, s]));
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('preview.title')}</h2>
      <div className="preview__wall" data-testid="live-preview" style={{ aspectRatio: `${w} / ${h}` }}>
        {[...state.layout.panels].sort((a, b) => a.z - b.z).map((p) => (
          <div key={p.id} className="preview__panel" style={place(p.rect)} data-testid={`preview-panel-${p.id}`}>
            <span>{p.title ?? p.id}</span>
          </div>
        ))}
        {canvas.viewports.map((v) => {
          const s = byId.get(v.screenId);
          const screen = state.wall.screens.find((x) => x.id === v.screenId);
          const current = s?.appliedRevision === state.revision;
          const tone = !s?.online ? 'offline' : s.state === 'error' ? 'error' : current ? 'current' : 'behind';
          return (
            <button
              key={v.screenId}
              type="button"
              className={`preview__screen is-${tone}${selected === v.screenId ? ' is-selected' : ''}`}
              style={place(v.rect)}
              data-testid={`preview-screen-${v.screenId}`}
              data-online={String(s?.online ?? false)}
              data-applied-revision={s?.appliedRevision ?? ''}
              data-state={s?.state ?? 'waiting'}
              aria-pressed={selected === v.screenId}
              onClick={() => onSelect(selected === v.screenId ? null : v.screenId)}
            >
              <span className="preview__number">{screen?.number ?? ''}</span>
              <span className="preview__id">{v.screenId}</span>
              <span className="preview__status">
                {t(`preview.tone.${tone}`)} · {s?.appliedRevision ?? '—'}/{state.revision}
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
