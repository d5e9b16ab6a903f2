import { useMemo } from 'react';
import { diffLayouts } from '../../../common/editor/layout-diff.js';
import type { Scenario } from '../../../common/protocol/scenario.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { useWallState } from '../../state/store-context.js';
import { EditorPreview } from '../layouts/editor-preview.js';

// Rehearsal: the scenario drawn on the console by the screens' own code, what would change on the
// wall, and the leader's checklist. Nothing is sent to the wall.
export function Rehearsal({ scenario, onClose }: { scenario: Scenario; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { state } = useWallState();
  const canvas = useMemo(() => (state ? wallCanvas(state.wall, { bezelCompensation: state.wall.bezelCompensation }) : null), [state]);
  if (!state || !canvas) return null;
  const diff = diffLayouts(state.layout, scenario.layout, canvas.viewports);
  return (
    <section className="rehearsal" data-testid="rehearsal" data-scenario={scenario.id} data-screens={diff.screens.join(',')}>
      <header className="rehearsal__head">
        <h2>{t('scenarios.rehearsalOf', { name: scenario.name[language] })}</h2>
        <span className="badge">{t('scenarios.notOnWall')}</span>
        <button type="button" data-testid="rehearsal-close" onClick={onClose}>
          {t('editor.close')}
        </button>
      </header>
      <EditorPreview state={state} canvas={canvas} layout={scenario.layout} testId="rehearsal-preview" />
      <p>{diff.screens.length ? t('leader.screensChange', { screens: diff.screens.join(', '), count: diff.screens.length, total: canvas.viewports.length }) : t('leader.noChange')}</p>
      {scenario.checklist && (
        <ol>
          {scenario.checklist.map((c) => (
            <li key={c.id}>{c.text[language]}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
