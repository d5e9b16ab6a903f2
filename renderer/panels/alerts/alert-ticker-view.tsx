import { useEffect, useRef } from 'react';
import { useDataKey } from '../../state/data-context.js';
import { translate } from '../../i18n/translate.js';
import { DataStatus } from '../shared/data-status.js';
import type { PanelViewProps } from '../types.js';
import { SEVERITY_COLOURS, shownAlerts, tickerOffset } from './alert-items.js';
import { useMoreAlerts } from './use-more-alerts.js';
import './alerts.css';

// One line of alerts running right to left. The position comes from the clock, not from a counter,
// so a ticker spanning screens lines up across them; the frame loop goes with the component.
export function AlertTickerView({ props, language, local }: PanelViewProps<'alert-ticker'>) {
  const view = useDataKey(props.key, 'alerts');
  const line = useRef<HTMLDivElement>(null);
  const more = useMoreAlerts(props.moreKeys);
  const items = shownAlerts([...(view.status === 'ok' ? view.value.items : []), ...more], props.minSeverity);
  const { speedPxPerS } = props;
  const width = local.width;

  useEffect(() => {
    const el = line.current;
    if (!el) return;
    let frame = requestAnimationFrame(function step() {
      el.style.transform = `translateX(${tickerOffset(Date.now(), speedPxPerS, width, el.scrollWidth)}px)`;
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [speedPxPerS, width, items.length]);

  return (
    <div className="panel-fill alert-ticker" style={{ fontSize: props.fontSize }} data-status={view.status}>
      {more.length === 0 && <DataStatus view={view} dataKey={props.key} want="alerts" language={language} />}
      {view.status === 'ok' && items.length === 0 && <div className="alert-ticker__calm">{translate(language, 'alerts.none')}</div>}
      {items.length > 0 && (
        <div className="alert-ticker__line" ref={line}>
          {items.map((a) => (
            <span key={a.id} className="alert-ticker__item" data-severity={a.severity} data-alert-id={a.id}>
              <span className="alert__severity" style={{ background: SEVERITY_COLOURS[a.severity] }}>{translate(language, `severity.${a.severity}`)}</span>
              {a.title[language]} — {a.area}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
