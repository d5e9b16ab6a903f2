import type { Rect, ScreenConfig } from '../../common/wall/schema.js';
import { useT } from '../i18n/use-t.js';

// What a technician needs to match this window to the physical screen and the config file.
export function IdentifyOverlay({ screen, index, rect }: { screen: ScreenConfig; index: number; rect: Rect }) {
  const t = useT();
  const p = screen.position;
  const position = 'row' in p ? t('identify.grid', { row: p.row + 1, col: p.col + 1 }) : t('identify.explicit', { x: p.x, y: p.y });
  const rotated = screen.rotation ? ` · ${screen.rotation}°` : '';
  return (
    <div className="identify" data-testid="identify-overlay" style={{ fontSize: Math.round(Math.min(rect.width, rect.height) / 24) }}>
      <div className="identify__number" style={{ fontSize: Math.round(Math.min(rect.width, rect.height) * 0.4) }}>
        {screen.number ?? index + 1}
      </div>
      <div className="identify__name">
        {screen.name} <span className="identify__id">({screen.id})</span>
      </div>
      <dl className="identify__facts">
        <dt>{t('identify.resolution')}</dt>
        <dd>{`${screen.resolution.width} × ${screen.resolution.height}${rotated}`}</dd>
        <dt>{t('identify.position')}</dt>
        <dd>{position}</dd>
        <dt>{t('identify.canvas')}</dt>
        <dd>{`${rect.x}, ${rect.y} — ${rect.width} × ${rect.height}`}</dd>
        <dt>{t('identify.display')}</dt>
        <dd>{screen.display ? String(screen.display.id) : t('identify.displayAuto')}</dd>
      </dl>
    </div>
  );
}
