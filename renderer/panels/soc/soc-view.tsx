import type { DataValue } from '../../../common/protocol/data.js';
import { useDataKey } from '../../state/data-context.js';
import { useNow } from '../../ui/use-now.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { formatTime } from '../kpi/format-kpi.js';
import { SEVERITY_COLOURS, SEVERITY_RANK as RANK } from '../alerts/alert-items.js';
import { DataStatus } from '../shared/data-status.js';
import { StaleMark } from '../shared/stale-mark.js';
import type { PanelViewProps } from '../types.js';
import { HeadedTable } from '../../ui/headed-table.js';
import './soc.css';

type SecurityEvent = Extract<DataValue, { type: 'security-events' }>['items'][number];
const SEVERITIES = ['critical', 'danger', 'warning', 'info'] as const;


/** Events at or above `min`: counts by severity over all of them, and the newest `max`. */
export function socSummary(items: readonly SecurityEvent[], min: keyof typeof RANK, max: number): { counts: Record<keyof typeof RANK, number>; shown: SecurityEvent[] } {
  const kept = items.filter((e) => RANK[e.severity] >= RANK[min]);
  const counts = { info: 0, warning: 0, danger: 0, critical: 0 };
  for (const e of kept) counts[e.severity]++;
  return { counts, shown: [...kept].sort((a, b) => b.at - a.at).slice(0, max) };
}

export function SocView({ props, language }: PanelViewProps<'soc'>) {
  const view = useDataKey(props.key, 'security-events');
  const now = useNow(30_000);
  const title = inLanguage(language, props.title, props.titleEn) ?? translate(language, 'soc.title');
  const { counts, shown } = view.status === 'ok' ? socSummary(view.value.items, props.minSeverity, props.maxItems) : { counts: null, shown: [] };
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  return (
    <div className="panel-fill soc" style={{ fontSize: props.fontSize }} data-status={view.status}>
      <div className="soc__title">{title}</div>
      <StaleMark at={view.at} language={language} />
      <DataStatus view={view} dataKey={props.key} want="security-events" language={language} />
      {counts && (
        <div className="soc__counts">
          {SEVERITIES.map((s) => (
            <div key={s} className="soc__count" data-severity={s} data-count={counts[s]} style={{ borderColor: SEVERITY_COLOURS[s] }}>
              <strong>{counts[s]}</strong>
              <span>{t(`severity.${s}`)}</span>
            </div>
          ))}
        </div>
      )}
      {view.status === 'ok' && shown.length === 0 && <div className="soc__empty">{t('soc.none')}</div>}
      {shown.length > 0 && (
        <HeadedTable className="soc__table" headings={[t('soc.time'), t('soc.source'), t('soc.severity'), t('soc.asset'), t('soc.status')]}>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id} data-severity={e.severity} data-status={e.status}>
                <td className="soc__time">{formatTime(e.at, now, language)}</td>
                <td className="soc__source">
                  {e.source}
                  <div className="soc__description">{e.description}</div>
                </td>
                <td>
                  <span className="soc__severity" style={{ background: SEVERITY_COLOURS[e.severity] }}>{t(`severity.${e.severity}`)}</span>
                </td>
                <td className="soc__asset">{e.asset}</td>
                <td className={`soc__status soc__status--${e.status}`}>{t(`soc.status.${e.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </HeadedTable>
      )}
    </div>
  );
}
