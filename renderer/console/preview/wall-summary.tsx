import type { WallState } from '../../../common/state.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { formatDateTime } from '../../i18n/locale.js';
import { useWallState } from '../../state/store-context.js';

// What the leader asks first: which scenario is on the wall, since when, by whom, and whether the
// centre's server is reachable, and whether every screen is there and showing what it should.
export function WallSummary({ state }: { state: WallState }) {
  const t = useT();
  const language = useLanguage();
  const scenario = state.scenario ?? null;
  const backend = state.backend ?? { state: 'off' as const, since: null, hubUrl: null };
  const { statuses } = useWallState();
  const online = state.wall.screens.filter((s) => statuses.some((st) => st.screenId === s.id && st.online)).length;
  const faults = statuses.reduce((n, s) => n + (s.faults?.length ?? 0), 0);
  // A layout that does not draw (a screen reporting an error, a configuration problem) leaves a black wall
  // with no panel faults to count: it must not read as "working normally".
  const failing = statuses.filter((s) => s.online && s.state === 'error').length;
  const problems = state.problems.length;
  const allWell = online === state.wall.screens.length && faults === 0 && failing === 0 && problems === 0;
  const health = failing > 0 ? t('preview.screenErrors', { count: failing }) : problems > 0 ? t('preview.problems', { count: problems }) : faults === 0 ? t('preview.noFaults') : t('console.faults', { count: faults });
  return (
    <section className="summary" data-testid="wall-summary">
      <div className="summary__item" data-testid="summary-scenario" data-scenario={scenario?.id ?? ''} data-scenario-revision={scenario?.revision ?? ''}>
        <span className="summary__label">{t('preview.scenario')}</span>
        {scenario ? (
          <>
            <strong className={`severity severity--${scenario.severity}`}>{scenario.name[language]}</strong>
            <span>
              {t('preview.scenarioFacts', {
                revision: scenario.revision,
                by: scenario.activatedBy.name,
                at: formatDateTime(language, scenario.activatedAt),
              })}
              {scenario.local && ` · ${t('preview.localOnly')}`}
            </span>
          </>
        ) : (
          <strong>{t('preview.noScenario')}</strong>
        )}
      </div>
      <div className="summary__item" data-testid="summary-backend" data-backend={backend.state}>
        <span className="summary__label">{t('preview.backend')}</span>
        <strong className={`backend backend--${backend.state}`}>{t(`preview.backend.${backend.state}`)}</strong>
        {backend.hubUrl && <code>{backend.hubUrl}</code>}
        {backend.message && <span className="summary__message">{backend.message}</span>}
      </div>
      <div className="summary__item" data-testid="summary-screens" data-online={online} data-faults={faults} data-failing={failing} data-problems={problems}>
        <span className="summary__label">{t('console.screens')}</span>
        <strong className={allWell ? 'backend backend--connected' : 'backend backend--lost'}>{t('preview.screensOnline', { online, total: state.wall.screens.length })}</strong>
        <span data-testid="summary-health">{health}</span>
      </div>
      <div className="summary__item">
        <span className="summary__label">{t('console.revision')}</span>
        <strong>{state.revision}</strong>
        <span>{state.layout.name}</span>
      </div>
    </section>
  );
}
