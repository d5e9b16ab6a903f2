import type { Proposal, Scenario } from '../../../common/protocol/scenario.js';
import type { Result } from '../../../common/result.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { useBridge } from '../../state/store-context.js';

// Proposals from the centre's rules (e.g. alarm level III proposes the flood scenario): a leader confirms or dismisses.
export function ProposalList({ proposals, scenarios, busy, run, onDone }: { proposals: Proposal[]; scenarios: Scenario[]; busy: boolean; run: <T>(call: () => Promise<Result<T>>) => Promise<Result<T>>; onDone: () => void }) {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  if (proposals.length === 0) return null;
  return (
    <section className="leader__proposals" role="alert" data-testid="proposals">
      <h2>{t('leader.proposals')}</h2>
      {proposals.map((p) => {
        const scenario = scenarios.find((s) => s.id === p.scenarioId);
        return (
          <div key={p.id} className="leader__proposal" data-testid={`proposal-${p.id}`}>
            <p>
              <strong>{scenario?.name[language] ?? p.scenarioId}</strong> — {p.reason[language]}
            </p>
            <button type="button" className="primary" disabled={busy} data-testid={`proposal-confirm-${p.id}`} onClick={() => void run(() => bridge.confirmProposal(p.id)).then(onDone)}>
              {t('leader.confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run(() => bridge.dismissProposal(p.id)).then(onDone)}>
              {t('leader.dismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
