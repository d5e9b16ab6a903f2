import type { ScreenStatus, WallState } from '../../../common/state.js';
import { panelsInViewport, wallCanvas } from '../../../common/wall/geometry.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatDateTime } from '../../i18n/locale.js';

// One screen in full: where it is, what it reports, and which panels it shows.
export function ScreenDetail({ state, status, screenId, onClose }: { state: WallState; status: ScreenStatus | undefined; screenId: string; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const screen = state.wall.screens.find((s) => s.id === screenId);
  const viewport = wallCanvas(state.wall).viewports.find((v) => v.screenId === screenId);
  if (!screen || !viewport) return null;
  const panels = panelsInViewport(state.layout.panels, viewport.rect);
  const { x, y, width, height } = viewport.rect;
  const rows: Array<[string, string]> = [
    [t('detail.screen'), `${screen.number ?? ''} ${screen.name} (${screen.id})`],
    [t('detail.resolution'), `${screen.resolution.width} × ${screen.resolution.height}, ${screen.rotation}°`],
    [t('detail.canvas'), `${x}, ${y} — ${width} × ${height}`],
    [t('detail.bezel'), `${screen.bezelMm.top} / ${screen.bezelMm.right} / ${screen.bezelMm.bottom} / ${screen.bezelMm.left} mm`],
    [t('console.col.link'), status?.online ? t('console.online') : t('console.offline')],
    [t('console.col.revision'), `${status?.appliedRevision ?? '—'} / ${state.revision}`],
    [t('console.col.state'), t(`console.state.${status?.state ?? 'waiting'}`)],
    [t('detail.lastSeen'), status?.lastSeen ? formatDateTime(language, status.lastSeen) : t('console.never')],
    [t('console.col.transport'), status?.transport ? t(`console.transport.${status.transport}`) : '—'],
  ];
  return (
    <section className="detail" data-testid="screen-detail" data-screen={screenId} aria-label={screen.name}>
      <header className="detail__head">
        <h2>{t('detail.title', { id: screenId })}</h2>
        <button type="button" data-testid="screen-detail-close" onClick={onClose}>
          ×
        </button>
      </header>
      <dl className="detail__facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {status?.message && (
        <p className="detail__error" role="alert" data-testid="screen-detail-error">
          {status.message}
        </p>
      )}
      <h3>{t('detail.panels', { count: panels.length })}</h3>
      <ul className="detail__panels">
        {panels.map(({ panel, visible }) => (
          <li key={panel.id} data-testid={`detail-panel-${panel.id}`}>
            <strong>{panel.title ?? panel.id}</strong> ({panel.type}) — {visible.width} × {visible.height}
          </li>
        ))}
      </ul>
    </section>
  );
}
