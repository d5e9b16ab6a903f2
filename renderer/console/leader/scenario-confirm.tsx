import { useEffect, useMemo, useRef } from 'react';
import { diffLayouts } from '../../../common/editor/layout-diff.js';
import type { Scenario } from '../../../common/protocol/scenario.js';
import type { WallState } from '../../../common/state.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { useLanguage, useT } from '../../i18n/use-t.js';

// "Are you sure?" with what will change on the wall. Enter confirms, Escape cancels.
export function ScenarioConfirm({ scenario, state, busy, onConfirm, onCancel }: { scenario: Scenario; state: WallState; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const language = useLanguage();
  const confirm = useRef<HTMLButtonElement>(null);
  const diff = useMemo(() => diffLayouts(state.layout, scenario.layout, wallCanvas(state.wall).viewports), [state.layout, state.wall, scenario.layout]);
  const name = (p: { id: string; title?: string | undefined; type: string }) => `${p.title ?? p.id} (${p.type})`;

  useEffect(() => {
    confirm.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onCancel();
      } else if (e.key === 'Enter' && !busy) {
        e.preventDefault();
        onConfirm();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onCancel, onConfirm]);

  return (
    <div className="confirm__backdrop">
      <div className={`confirm severity--${scenario.severity}`} role="dialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="scenario-confirm" data-scenario={scenario.id}>
        <h2 id="confirm-title">{t('leader.confirmTitle', { name: scenario.name[language] })}</h2>
        {scenario.description && <p>{scenario.description[language]}</p>}
        <section className="confirm__changes" data-testid="scenario-changes" data-screens={diff.screens.join(',')} data-added={diff.added.length} data-removed={diff.removed.length} data-changed={diff.changed.length}>
          <h3>{t('leader.changes')}</h3>
          <p data-testid="changes-screens">{diff.screens.length ? t('leader.screensChange', { screens: diff.screens.join(', '), count: diff.screens.length, total: diff.screens.length + diff.unchangedScreens.length }) : t('leader.noChange')}</p>
          <ul>
            {diff.added.length > 0 && <li>{t('leader.added', { count: diff.added.length, names: diff.added.map(name).join(', ') })}</li>}
            {diff.removed.length > 0 && <li>{t('leader.removed', { count: diff.removed.length, names: diff.removed.map(name).join(', ') })}</li>}
            {diff.changed.length > 0 && <li>{t('leader.changed', { count: diff.changed.length, names: diff.changed.map(name).join(', ') })}</li>}
          </ul>
        </section>
        {scenario.checklist && scenario.checklist.length > 0 && (
          <section>
            <h3>{t('leader.checklist')}</h3>
            <ol>
              {scenario.checklist.map((c) => (
                <li key={c.id}>{c.text[language]}</li>
              ))}
            </ol>
          </section>
        )}
        <div className="confirm__actions">
          <button ref={confirm} type="button" className="primary" data-testid="scenario-confirm-yes" disabled={busy} onClick={onConfirm}>
            {t('leader.confirm')} <kbd>Enter</kbd>
          </button>
          <button type="button" data-testid="scenario-confirm-no" onClick={onCancel}>
            {t('accounts.cancel')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
