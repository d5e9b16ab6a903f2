import type { Override } from '../../../common/overrides.js';
import type { WallState } from '../../../common/state.js';
import { formatClockTime, inLanguage } from '../../i18n/locale.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { CommandError } from '../ui/command-error.js';
import type { HandCameras } from './use-hand-cameras.js';

// What is on the wall by hand, marked TEMPORARY: who put it there and when, each removable, the last
// undoable, all of it cleared back to the layout as saved.
export function OverrideList({ state, hand }: { state: WallState; hand: HandCameras }) {
  const t = useT();
  const language = useLanguage();
  const overrides = state.overrides ?? [];
  const title = (panelId: string) => state.layout.panels.find((p) => p.id === panelId)?.title ?? panelId;
  const describe = (o: Override): string => {
    switch (o.kind) {
      case 'place':
        return t('overrides.place', { camera: inLanguage(language, o.camera.name, o.camera.nameEn), panel: title(o.panelId), cell: o.cell + 1 });
      case 'add':
        return t('overrides.add', { camera: inLanguage(language, o.camera.name, o.camera.nameEn) });
      case 'enlarge':
        return t('overrides.enlarge', { camera: inLanguage(language, o.camera.name, o.camera.nameEn), until: formatClockTime(language, o.until) });
      case 'tour':
        return t('overrides.tour', { count: o.tour.cameras.length, panel: title(o.panelId), dwell: o.tour.dwellSeconds });
    }
  };
  return (
    <section className="overrides" aria-labelledby="overrides-title" data-testid="overrides" data-count={overrides.length}>
      <h2 id="overrides-title">{t('overrides.title')}</h2>
      <p className="overrides__note">{t('overrides.note')}</p>
      {overrides.length === 0 ? (
        <p>{t('overrides.none')}</p>
      ) : (
        <ul className="overrides__list">
          {overrides.map((o) => (
            <li key={o.id} data-testid={`override-${o.kind}`} data-override={o.id}>
              <span className="overrides__badge">{t('overrides.badge')}</span>
              <span>{describe(o)}</span>
              <span className="overrides__by">{t('overrides.by', { by: o.by, at: formatClockTime(language, o.at) })}</span>
              <button type="button" disabled={hand.busy} onClick={() => void hand.remove(o.id)}>
                {t('overrides.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="overrides__actions">
        <button type="button" data-testid="overrides-undo" disabled={hand.busy || overrides.length === 0} onClick={() => void hand.undo()}>
          {t('overrides.undo')}
        </button>
        <button type="button" data-testid="overrides-clear" disabled={hand.busy || overrides.length === 0} onClick={() => void hand.clear()}>
          {t('overrides.clear')}
        </button>
      </div>
      <CommandError error={hand.error} testId="overrides-error" />
    </section>
  );
}
