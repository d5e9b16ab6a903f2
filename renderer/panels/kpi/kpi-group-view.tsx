import type { PanelViewProps } from '../types.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { KpiTile } from './kpi-tile.js';
import './kpi.css';

// The few indicators of one field (socio-economic, public services, health …) under one heading.
export function KpiGroupView({ props, language }: PanelViewProps<'kpi-group'>) {
  const heading = inLanguage(language, props.title, props.titleEn) ?? translate(language, `domain.${props.domain}`);
  return (
    <div className={`panel-fill kpi-group kpi-group--${props.domain}`} style={{ fontSize: props.fontSize }} data-domain={props.domain}>
      <div className="kpi-group__title">{heading}</div>
      <div className="kpi-group__grid" style={{ gridTemplateColumns: `repeat(${props.columns}, 1fr)` }}>
        {props.items.map((item) => (
          <KpiTile key={item.key} item={item} language={language} sparkline fontSize={props.fontSize} />
        ))}
      </div>
      {props.source && <div className="kpi-group__source">{translate(language, 'data.source', { source: props.source })}</div>}
    </div>
  );
}
