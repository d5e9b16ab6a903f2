import './leader.css';
import { useEffect, useState } from 'react';
import type { Scenario } from '../../../common/protocol/scenario.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { useBridge, useWallState } from '../../state/store-context.js';
import { useRole } from '../auth/session-context.js';
import { WallSummary } from '../preview/wall-summary.js';
import { CommandError } from '../ui/command-error.js';
import { useCommand } from '../ui/use-command.js';
import { ActivationResultView } from './activation-result.js';
import { ProposalList } from './proposal-list.js';
import { RuleList } from './rule-list.js';
import { ScenarioConfirm } from './scenario-confirm.js';
import { useScenarioOverview } from './use-scenario-overview.js';

// The leader's view: one large button per scenario (keys 1–9), a confirmation that says what will
// change, open proposals from the centre's rules, and how the last switch went on every screen.
// One empty list, so the keyboard shortcut's effect is not set up again on every render.
const NO_SCENARIOS: Scenario[] = [];

/** 128 random bits as hex; crypto.randomUUID needs a secure context, which a console over plain LAN http is not. */
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function LeaderArea() {
  const t = useT();
  const language = useLanguage();
  const bridge = useBridge();
  const role = useRole();
  const { state } = useWallState();
  const { overview, refresh } = useScenarioOverview();
  const { busy, error, run } = useCommand();
  const [asked, setAsked] = useState<Scenario | null>(null);
  // One id per confirmation: a double-click on "confirm" sends it twice and the hub makes one revision.
  const [requestId, setRequestId] = useState('');
  const ask = (scenario: Scenario | null) => {
    setAsked(scenario);
    setRequestId(scenario ? newRequestId() : '');
  };
  const [sent, setSent] = useState<{ scenarioId: string; revision: number } | null>(null);
  const scenarios = overview?.scenarios ?? NO_SCENARIOS;
  const offline = state?.backend?.state === 'lost';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (asked || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= 9 && scenarios[n - 1]) {
        e.preventDefault();
        ask(scenarios[n - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asked, scenarios]);

  if (!state) return null;
  const activate = async (scenario: Scenario) => {
    const r = await run(() => bridge.activateScenario(scenario.id, offline, requestId));
    ask(null);
    if (r.ok) setSent({ scenarioId: scenario.id, revision: r.value.revision });
    refresh();
  };

  return (
    <section className="leader" data-testid="leader-area">
      <WallSummary state={state} />
      {role !== 'leader' && role !== 'admin' && (
        <p className="leader__note" data-testid="leader-note">
          {t('leader.onlyLeaders')}
        </p>
      )}
      <CommandError error={error} testId="leader-error" />
      {sent && !error && (
        <p className="leader__sent" role="status" data-testid="leader-sent" data-scenario={sent.scenarioId} data-revision={sent.revision}>
          {t('leader.sent', { revision: sent.revision })}
        </p>
      )}
      <ProposalList proposals={overview?.proposals ?? []} scenarios={scenarios} busy={busy} run={run} onDone={refresh} />
      <div className="leader__buttons" role="group" aria-label={t('area.leader')}>
        {scenarios.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className={`leader__scenario severity--${s.severity}${state.scenario?.id === s.id ? ' is-active' : ''}`}
            data-testid={`scenario-button-${s.id}`}
            data-shortcut={i < 9 ? i + 1 : ''}
            aria-pressed={state.scenario?.id === s.id}
            disabled={busy}
            onClick={() => ask(s)}
          >
            {i < 9 && <kbd>{i + 1}</kbd>}
            <strong>{s.name[language]}</strong>
            <small>{t(`leader.severity.${s.severity}`)}</small>
          </button>
        ))}
        {overview && scenarios.length === 0 && <p data-testid="leader-empty">{t('leader.none')}</p>}
      </div>
      <RuleList rules={overview?.rules ?? []} scenarios={scenarios} />
      <button type="button" data-testid="scenario-revert" disabled={busy || !state.scenario} onClick={() => void run(() => bridge.revertScenario()).then(refresh)}>
        {t('leader.revert')}
      </button>
      {overview?.result && <ActivationResultView result={overview.result} scenarios={scenarios} />}
      {asked && <ScenarioConfirm scenario={asked} state={state} busy={busy} onConfirm={() => void activate(asked)} onCancel={() => ask(null)} />}
    </section>
  );
}
