import type { ActivationResult, Scenario } from '../../../common/protocol/scenario.js';
import { useLanguage, useT } from '../../i18n/use-t.js';

// Whether the switch reached every screen: the leader must be able to trust that it happened.
export function ActivationResultView({ result, scenarios }: { result: ActivationResult; scenarios: Scenario[] }) {
  const t = useT();
  const language = useLanguage();
  const name = scenarios.find((s) => s.id === result.scenarioId)?.name[language] ?? result.scenarioId;
  return (
    <section className="leader__result" data-testid="activation-result" data-outcome={result.outcome} data-revision={result.revision}>
      <h2>{t('leader.result', { name, revision: result.revision })}</h2>
      <p className={`outcome outcome--${result.outcome}`}>{t(`leader.outcome.${result.outcome}`)}</p>
      <ul className="leader__screens">
        {result.screens.map((s) => (
          <li key={`${s.nodeId}/${s.screenId}`} className={`outcome--${s.status}`} data-testid={`result-screen-${s.screenId}`} data-status={s.status}>
            {s.screenId}: {t(`leader.screen.${s.status}`)}
            {s.message && <span> — {s.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
