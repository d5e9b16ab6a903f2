import { isNeutralColour, type ScreenCalibration } from '../../common/calibration/schema.js';
import type { Rect, ScreenConfig } from '../../common/wall/schema.js';
import { useT } from '../i18n/use-t.js';

interface IdentifyProps {
  screen: ScreenConfig;
  index: number;
  rect: Rect;
  /** The window's size in device pixels: what the display really gets. */
  windowPx: { width: number; height: number };
  /** The OS display this screen is on, as the core knows it (null: unknown here, e.g. a browser page). */
  display: { displayId: number; auto: boolean } | null;
  calibration: ScreenCalibration;
  /** The screen selected on the console: the overlay blinks. */
  blink: boolean;
}

// What a technician needs to match this window to the physical screen and the config file.
export function IdentifyOverlay({ screen, index, rect, windowPx, display, calibration, blink }: IdentifyProps) {
  const t = useT();
  const p = screen.position;
  const position = 'row' in p ? t('identify.grid', { row: p.row + 1, col: p.col + 1 }) : t('identify.explicit', { x: p.x, y: p.y });
  const rotated = screen.rotation ? ` · ${screen.rotation}°` : '';
  const { offset, overscan, rotation, colour } = calibration;
  const settings = [
    offset.x || offset.y ? `${t('identify.offset')} ${offset.x}, ${offset.y} px` : '',
    overscan.x || overscan.y ? `${t('identify.overscan')} ${overscan.x}, ${overscan.y} px` : '',
    rotation ? `${t('identify.contentRotation')} ${rotation}°` : '',
    isNeutralColour(colour) ? '' : t('identify.colourSet'),
  ].filter(Boolean);
  const displayText = display ? `${display.displayId}${display.auto ? ` (${t('identify.displayAuto')})` : ''}` : (screen.display?.id.toString() ?? t('identify.displayAuto'));
  return (
    <div
      className={`identify${blink ? ' identify--blink' : ''}`}
      data-testid="identify-overlay"
      data-blink={String(blink)}
      style={{ fontSize: Math.round(Math.min(rect.width, rect.height) / 24) }}
    >
      <div className="identify__number" style={{ fontSize: Math.round(Math.min(rect.width, rect.height) * 0.4) }}>
        {screen.number ?? index + 1}
      </div>
      <div className="identify__name">
        {screen.name} <span className="identify__id">({screen.id})</span>
      </div>
      <dl className="identify__facts">
        <dt>{t('identify.resolution')}</dt>
        <dd data-testid="identify-resolution">{`${screen.resolution.width} × ${screen.resolution.height}${rotated}`}</dd>
        <dt>{t('identify.window')}</dt>
        <dd data-testid="identify-window">{`${windowPx.width} × ${windowPx.height}`}</dd>
        <dt>{t('identify.position')}</dt>
        <dd data-testid="identify-position">{position}</dd>
        <dt>{t('identify.canvas')}</dt>
        <dd>{`${rect.x}, ${rect.y} — ${rect.width} × ${rect.height}`}</dd>
        <dt>{t('identify.display')}</dt>
        <dd data-testid="identify-display">{displayText}</dd>
        {settings.length > 0 && (
          <>
            <dt>{t('identify.calibration')}</dt>
            <dd data-testid="identify-calibration">{settings.join(' · ')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
