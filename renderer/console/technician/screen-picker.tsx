import type { WallState } from '../../../common/state.js';
import { useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';
import type { Action } from './use-action.js';

// Which screen the technician works on. The choice is shared: that screen blinks on the wall, and the
// geometry, colour and pattern controls act on it (or on the whole wall).
export function ScreenPicker({ state, action }: { state: WallState; action: Action }) {
  const t = useT();
  const bridge = useBridge();
  const selected = state.technician?.selectedScreenId ?? null;
  const pick = (id: string | null) => void action.run(() => bridge.selectScreen(id));
  return (
    <div className="tech-picker" role="group" aria-label={t('tech.target')} data-testid="tech-picker" data-selected={selected ?? ''}>
      <span className="tech-picker__label">{t('tech.target')}</span>
      <button type="button" aria-pressed={selected === null} disabled={action.busy} onClick={() => pick(null)} data-testid="pick-wall">
        {t('tech.wholeWall')}
      </button>
      {state.wall.screens.map((s, i) => (
        <button key={s.id} type="button" aria-pressed={selected === s.id} disabled={action.busy} onClick={() => pick(s.id)} data-testid={`pick-screen-${s.id}`} title={s.name}>
          {s.number ?? i + 1} · {s.id}
        </button>
      ))}
    </div>
  );
}
