import { useDataKey } from '../../state/data-context.js';
import { useNow } from '../../ui/use-now.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { formatTime } from '../kpi/format-kpi.js';
import { DataStatus } from '../shared/data-status.js';
import { StaleMark } from '../shared/stale-mark.js';
import type { PanelViewProps } from '../types.js';
import { SEVERITY_COLOURS, shownAlerts } from './alert-items.js';
import { useMoreAlerts } from './use-more-alerts.js';
import './alerts.css';

export function AlertListView({ props, language }: PanelViewProps<'alert-list'>) {
  const view = useDataKey(props.key, 'alerts');
  const now = useNow(30_000);
  const title = inLanguage(language, props.title, props.titleEn) ?? translate(language, 'alerts.title');
  const more = useMoreAlerts(props.moreKeys);
  const items = shownAlerts([...(view.status === 'ok' ? view.value.items : []), ...more], props.minSeverity, props.maxItems);
  return (
    <div className="panel-fill alert-list" style={{ fontSize: props.fontSize }} data-status={view.status}>
      <div className="alert-list__title">{title}</div>
      <StaleMark at={view.at} language={language} sourceFailing={view.status === 'ok' && view.stale} />
      {more.length === 0 && <DataStatus view={view} dataKey={props.key} want="alerts" language={language} />}
      {view.status === 'ok' && items.length === 0 && <div className="alert-list__empty">{translate(language, 'alerts.none')}</div>}
      <ol className="alert-list__items">
        {items.map((a) => (
          <li key={a.id} className={`alert alert--${a.severity}`} data-severity={a.severity} style={{ borderLeftColor: SEVERITY_COLOURS[a.severity] }}>
            <span className="alert__severity" style={{ background: SEVERITY_COLOURS[a.severity] }}>{translate(language, `severity.${a.severity}`)}</span>
            <span className="alert__title">{a.title[language]}</span>
            <span className="alert__meta">
              {a.area} · {formatTime(a.at, now, language)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
