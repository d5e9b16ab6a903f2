import type { DataValue } from '../../../common/protocol/data.js';
import { useDataKey } from '../../state/data-context.js';
import { useNow } from '../../ui/use-now.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { formatAge } from '../kpi/format-kpi.js';
import { DataStatus } from '../shared/data-status.js';
import { StaleMark } from '../shared/stale-mark.js';
import type { PanelViewProps } from '../types.js';
import '../alerts/alerts.css';
import './reports.css';

type Report = Extract<DataValue, { type: 'reports' }>['items'][number];

/** Reports that pass the panel's filters, newest first. */
export function shownReports(items: readonly Report[], f: { categories?: readonly string[] | undefined; communes?: readonly string[] | undefined; statuses?: readonly string[] | undefined }, max: number): Report[] {
  return items
    .filter((r) => (!f.categories || f.categories.includes(r.category)) && (!f.communes || f.communes.includes(r.commune)) && (!f.statuses || f.statuses.includes(r.status)))
    .sort((a, b) => b.receivedAt - a.receivedAt)
    .slice(0, max);
}

export function ReportsView({ props, language }: PanelViewProps<'reports'>) {
  const view = useDataKey(props.key, 'reports');
  const now = useNow(30_000);
  const title = inLanguage(language, props.title, props.titleEn) ?? translate(language, 'reports.title');
  const items = view.status === 'ok' ? shownReports(view.value.items, props, props.maxItems) : [];
  return (
    <div className="panel-fill reports" style={{ fontSize: props.fontSize }} data-status={view.status}>
      <div className="reports__title">{title}</div>
      <StaleMark at={view.at} language={language} sourceFailing={view.status === 'ok' && view.stale} />
      <DataStatus view={view} dataKey={props.key} want="reports" language={language} />
      {view.status === 'ok' && items.length === 0 && <div className="reports__empty">{translate(language, 'reports.none')}</div>}
      <table className="reports__table">
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <td className="reports__category">{translate(language, `category.${r.category}`)}</td>
              <td className="reports__summary">
                {r.summary}
                <div className="reports__commune">{r.commune}</div>
              </td>
              <td className={`reports__status reports__status--${r.status}`}>{translate(language, `reports.status.${r.status}`)}</td>
              <td className="reports__age">{formatAge(now - r.receivedAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
