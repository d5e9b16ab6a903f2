import type { Scenario } from '../../../common/protocol/scenario.js';
import type { RuleStatus } from '../../../common/rules/rule-status.js';
import { useLanguage, useT } from '../../i18n/use-t.js';

// The centre's rules (config/rules on the hub) and what each last did, so a leader knows why a
// proposal came, why the wall switched by itself, or why it went back.
export function RuleList({ rules, scenarios }: { rules: RuleStatus[]; scenarios: Scenario[] }) {
  const t = useT();
  const language = useLanguage();
  if (rules.length === 0) return null;
  const time = (at: number) => new Date(at).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <section className="leader__rules" data-testid="rules">
      <h2>{t('leader.rules')}</h2>
      <table>
        <tbody>
          {rules.map((r) => {
            const scenario = scenarios.find((s) => s.id === r.scenarioId)?.name[language] ?? r.scenarioId;
            return (
              <tr key={r.id} data-testid={`rule-${r.id}`} data-phase={r.phase} data-outcome={r.last?.outcome ?? ''}>
                <td>
                  <strong>{r.name[language]}</strong>
                  <small>{t(r.action === 'activate' ? 'leader.rule.activate' : 'leader.rule.propose', { scenario })}</small>
                </td>
                <td>{r.enabled ? t(`leader.rule.phase.${r.phase}`) : t('leader.rule.disabled')}</td>
                <td>
                  {r.last ? t('leader.rule.last', { outcome: t(`leader.rule.outcome.${r.last.outcome}`), time: time(r.last.at) }) : t('leader.rule.never')}
                  {r.last && <small>{r.last.detail[language]}</small>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
