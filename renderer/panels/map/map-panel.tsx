import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Layer } from '@deck.gl/core';
import { fitBounds, unprojectInPanel, viewStateForPart, type LonLatBounds, type MapViewState } from '../../../common/map/view-state.js';

import { useDataEntries } from '../../state/data-context.js';
import { useCamerasOnWall } from '../../state/store-context.js';
import { useStableJson } from '../../ui/use-stable-json.js';
import { translate } from '../../i18n/translate.js';
import type { PanelViewProps } from '../types.js';
import { boundaryLayers, graticuleLayer, tileLayers, tilesFor } from './base-layers.js';
import { hexToRgba } from './colours.js';
import { bindingLayers, type BindingStatus, type LayerContext } from './data-layers.js';
import { useMapHost } from './map-host-context.js';
import { placedLabelsLayer, type MapLabel } from './map-labels.js';
import { MapLegend } from './map-legend.js';
import { labelWidth } from './measure-label.js';
import { useGeoJson, useMapFont } from './use-geojson.js';
import { useThrottled } from './use-throttled.js';
import { usePanelFault } from '../panel-faults.js';

// A map panel on one screen: registers a view with the screen's MapHost for the part of the panel this
// screen shows, its view state derived from the panel's, so a panel spanning screens is one map.
export function MapPanelView({ panel, props, local, visible, language }: PanelViewProps<'map'>) {
  const { host, overlays } = useMapHost();
  const fontsReady = useMapFont();
  const geo = useGeoJson(props.boundaries.map((b) => b.url));
  const entries = useThrottled(useDataEntries(props.layers.map((l) => l.key)), props.minRedrawMs);
  const marker = useRef<HTMLDivElement>(null);

  const size = { width: local.width, height: local.height };
  const part = { x: visible.x - local.x, y: visible.y - local.y, width: visible.width, height: visible.height };
  // Plain numbers, kept as the same objects while they stay the same: layers are rebuilt only on a real change.
  const geometry = useStableJson<{ size: typeof size; part: typeof part; panelView: MapViewState }>({ size, part, panelView: props.view ?? fitBounds(props.bounds ?? [102, 8, 110, 23.5], size) });
  const rect = useStableJson(visible);
  const { viewState, partBounds } = useMemo(
    () => ({ viewState: viewStateForPart(geometry.panelView, geometry.size, geometry.part), partBounds: boundsOf(geometry.panelView, geometry.size, geometry.part) }),
    [geometry],
  );
  const zoom = geometry.panelView.zoom;

  const onWall = useCamerasOnWall();
  const ctx: LayerContext = useMemo(() => ({ viewId: panel.id, language, labelSize: props.labelSize, fontsReady, onWall }), [panel.id, language, props.labelSize, fontsReady, onWall]);
  const built = useMemo(() => {
    const statuses: BindingStatus[] = [];
    const data: Layer[] = [];
    const labels: MapLabel[] = [];
    props.layers.forEach((binding, i) => {
      const out = bindingLayers(binding, entries[i], ctx);
      statuses.push(out.status);
      data.push(...out.layers);
      labels.push(...out.labels);
    });
    const base: Layer[] = [];
    if (props.tiles) base.push(...tileLayers(tilesFor(partBounds, zoom, props.tiles), props.tiles.opacity, ctx));
    props.boundaries.forEach((b, i) => {
      const loaded = geo[i]?.data;
      if (!loaded) return;
      const out = boundaryLayers(b, loaded, props, ctx);
      base.push(...out.layers);
      labels.push(...out.labels);
    });
    if (props.graticule) base.push(graticuleLayer(partBounds, props.graticule, ctx));
    // Placed over the whole panel, not this screen's part: every screen the panel spans shows the same labels.
    const text = placedLabelsLayer(ctx.viewId, labels, geometry.panelView, geometry.size, ctx.labelSize, labelWidth);
    return { statuses, layers: [...base, ...data, ...text] };
  }, [entries, geo, props, ctx, partBounds, zoom, geometry]);

  const ready = geo.every((g) => g.data !== null || g.error !== null);
  useEffect(() => {
    if (!host) return;
    host.set(panel.id, {
      rect,
      viewState,
      layers: built.layers,
      clearColor: hexToRgba(props.sea),
      onDrawn: (drawn) => {
        if (marker.current) marker.current.dataset.drawn = String(drawn);
      },
    });
  }, [host, panel.id, rect, viewState, built, props.sea]);
  useEffect(() => () => host?.remove(panel.id), [host, panel.id]);

  const failed = geo.filter((g) => g.error);
  const problem = failed.map((g) => `${translate(language, 'map.loadFailed', { url: g.url })}: ${g.error}`).join(' · ');
  usePanelFault('', problem ? { kind: 'map', message: problem } : null);
  const overlay = (
    <div className="map-overlay" data-map-overlay={panel.id} style={{ left: local.x, top: local.y, width: local.width, height: local.height }}>
      <MapLegend props={props} statuses={built.statuses} language={language} />
      {failed.length > 0 && (
        <div className="map-problem" role="alert">
          {problem}
        </div>
      )}
      {props.tiles?.attribution && <div className="map-attribution">{props.tiles.attribution}</div>}
    </div>
  );
  return (
    <div ref={marker} className="panel-fill map-panel" data-testid="map-panel" data-ready={ready} data-view={JSON.stringify(viewState)}>
      {overlays && createPortal(overlay, overlays)}
    </div>
  );
}

function boundsOf(view: MapViewState, size: { width: number; height: number }, part: { x: number; y: number; width: number; height: number }): LonLatBounds {
  const [west, north] = unprojectInPanel(view, size, part.x, part.y);
  const [east, south] = unprojectInPanel(view, size, part.x + part.width, part.y + part.height);
  return [west, south, east, north];
}

