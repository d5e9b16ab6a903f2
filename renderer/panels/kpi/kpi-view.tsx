import type { PanelViewProps } from '../types.js';
import { KpiTile } from './kpi-tile.js';
import './kpi.css';

export function KpiView({ props, language }: PanelViewProps<'kpi'>) {
  return (
    <div className="panel-fill kpi-panel">
      <KpiTile item={props} language={language} source={props.source} sparkline={props.sparkline} fontSize={props.fontSize} />
    </div>
  );
}
