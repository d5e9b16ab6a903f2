import type { ComponentType } from 'react';
import type { PanelType } from '../../common/panels/registry.js';
import { AlertListView } from './alerts/alert-list-view.js';
import { AlertTickerView } from './alerts/alert-ticker-view.js';
import { ClockView } from './clock/clock-view.js';
import { KpiGroupView } from './kpi/kpi-group-view.js';
import { KpiView } from './kpi/kpi-view.js';
import { ReportsView } from './reports/reports-view.js';
import { SocView } from './soc/soc-view.js';
import { WebView } from './web/web-view.js';
import { ProcedureView } from './procedure/procedure-view.js';
import { PatternView } from './pattern/pattern-view.js';
import { SolidView } from './solid/solid-view.js';
import { TextView } from './text/text-view.js';
import type { PanelViewProps } from './types.js';
import { loadable } from '../ui/loadable.js';

// deck.gl and hls.js are most of the renderer's code: their panels load them when a layout has one.
const CameraView = loadable('camera', () => import('./camera/camera-view.js').then((m) => m.CameraView));
const MapPanelView = loadable('map', () => import('./map/map-panel.js').then((m) => m.MapPanelView));

/** Fetch the split panel code ahead of need (a screen does this once it is idle). */
export const preloadPanels = (): Promise<unknown> => Promise.all([CameraView.preload(), MapPanelView.preload()]);

// The view for each panel type in common/panels/registry.ts; the compiler insists on one per type.
export const panelViews: { [T in PanelType]: ComponentType<PanelViewProps<T>> } = {
  solid: SolidView,
  text: TextView,
  clock: ClockView,
  pattern: PatternView,
  camera: CameraView,
  map: MapPanelView,
  kpi: KpiView,
  'kpi-group': KpiGroupView,
  'alert-ticker': AlertTickerView,
  'alert-list': AlertListView,
  reports: ReportsView,
  soc: SocView,
  web: WebView,
  procedure: ProcedureView,
};
