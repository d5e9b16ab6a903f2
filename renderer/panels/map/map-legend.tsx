import type { MapLayerBinding, MapPanelProps } from '../../../common/panels/map.js';
import type { Language } from '../../../common/state.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate, type MessageKey } from '../../i18n/translate.js';
import { ALERT_AREA_COLOURS, AREA_COLOURS, CAMERA_COLOURS, CONGESTION_COLOURS, INCIDENT_COLOUR, GAUGE_COLOURS, HEATMAP_RANGE, PLACE_COLOURS, rgbaCss, TRACK_COLOUR, VESSEL_COLOUR, type Rgba } from './colours.js';
import type { BindingStatus } from './data-layers.js';
import type { PlaceKind } from './map-data.js';

type Row = { label: MessageKey; colour: Rgba; shape?: 'area' | 'line' | 'ring' };

function rows(b: MapLayerBinding): { head: MessageKey | null; rows: Row[]; ramp?: boolean } {
  switch (b.kind) {
    case 'gauges':
      return { head: 'legend.gauges', rows: GAUGE_COLOURS.map((colour, i) => ({ label: `legend.level${i}` as MessageKey, colour })) };
    case 'places': {
      const kinds: PlaceKind[] = b.only ?? ['shelter', 'rescue-team', 'camera'];
      return { head: null, rows: kinds.map((k) => ({ label: `legend.${k}` as MessageKey, colour: PLACE_COLOURS[k] })) };
    }
    case 'vessels':
      return { head: 'legend.vessels', rows: [] };
    case 'areas':
      if (b.style === 'alert') return { head: 'legend.alertAreas', rows: ALERT_AREA_COLOURS.map((colour, i) => ({ label: `severity.${(['warning', 'danger', 'critical'] as const)[i] ?? 'warning'}` as MessageKey, colour, shape: 'area' })) };
      return { head: 'legend.areas', rows: AREA_COLOURS.map((colour, i) => ({ label: `legend.area${i + 1}` as MessageKey, colour, shape: 'area' })) };
    case 'tracks':
      return { head: 'legend.tracks', rows: [] };
    case 'reports-heatmap':
      return { head: 'legend.reports-heatmap', rows: [], ramp: true };
    case 'traffic':
      return {
        head: 'legend.traffic',
        rows: [
          { label: 'legend.congestionFree', colour: CONGESTION_COLOURS.free, shape: 'line' },
          { label: 'legend.congestionSlow', colour: CONGESTION_COLOURS.slow, shape: 'line' },
          { label: 'legend.congestionJammed', colour: CONGESTION_COLOURS.jammed, shape: 'line' },
          { label: 'legend.incident', colour: INCIDENT_COLOUR },
        ],
      };
    case 'cameras':
      return {
        head: 'legend.camera',
        rows: [
          { label: 'legend.cameraOnline', colour: CAMERA_COLOURS.online },
          { label: 'legend.cameraOffline', colour: CAMERA_COLOURS.offline },
          { label: 'legend.cameraOnWall', colour: CAMERA_COLOURS.onWall, shape: 'ring' },
        ],
      };
  }
}

const single: Partial<Record<MapLayerBinding['kind'], Row>> = {
  vessels: { label: 'legend.vessels', colour: VESSEL_COLOUR },
  tracks: { label: 'legend.tracks', colour: TRACK_COLOUR, shape: 'line' },
};

const STATE_TEXT: Record<Exclude<BindingStatus, 'ok'>, MessageKey> = { 'no-data': 'legend.noData', invalid: 'legend.invalid', stale: 'legend.stale' };

export function MapLegend({ props, statuses, language }: { props: MapPanelProps; statuses: BindingStatus[]; language: Language }) {
  if (props.legend === 'none' || props.layers.length === 0) return null;
  const title = inLanguage(language, props.title, props.titleEn);
  return (
    <div className={`map-legend map-legend--${props.legend}`} data-testid="map-legend">
      {title && <div className="map-legend__title">{title}</div>}
      {props.layers.map((b, i) => {
        const spec = rows(b);
        const status = statuses[i] ?? 'no-data';
        const one = single[b.kind];
        return (
          <div className="map-legend__group" key={`${b.kind}:${b.key}`} data-status={status}>
            {one ? <Swatch row={one} language={language} /> : spec.head && <div className="map-legend__head">{translate(language, spec.head)}</div>}
            {status !== 'ok' && <span className="map-legend__state">{translate(language, STATE_TEXT[status])}</span>}
            {!one && spec.rows.map((r) => <Swatch key={r.label} row={r} language={language} />)}
            {spec.ramp && <div className="map-legend__ramp" style={{ background: `linear-gradient(to right, ${HEATMAP_RANGE.map(rgbaCss).join(', ')})` }} />}
          </div>
        );
      })}
    </div>
  );
}

function Swatch({ row, language }: { row: Row; language: Language }) {
  const shape = row.shape ? ` map-legend__swatch--${row.shape}` : '';
  return (
    <div className="map-legend__row">
      <span className={`map-legend__swatch${shape}`} style={row.shape === 'ring' ? { borderColor: rgbaCss(row.colour) } : { background: rgbaCss(row.colour) }} />
      {translate(language, row.label)}
    </div>
  );
}
