import type { Layer } from '@deck.gl/core';
import { HexagonLayer } from '@deck.gl/aggregation-layers';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { MapLayerBinding } from '../../../common/panels/map.js';
import type { CameraEntry, DataEntry, DataKind } from '../../../common/protocol/data.js';
import type { Language } from '../../../common/state.js';
import { formatClockTime, formatDecimal, inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { dataView } from '../../state/data-view.js';
import { ALERT_AREA_COLOURS, alarmLevel, AREA_COLOURS, CAMERA_COLOURS, CONGESTION_COLOURS, INCIDENT_COLOUR, GAUGE_COLOURS, HEATMAP_RANGE, PLACE_COLOURS, TRACK_COLOUR, VESSEL_COLOUR, type Rgba } from './colours.js';
import type { Area, Gauge, Place, Report, RoadSegment, Track, TrafficIncident, Vessel } from './map-data.js';
import { BESIDE, CENTRED, LABEL_PRIORITY, type MapLabel } from './map-labels.js';

// Data values → deck.gl layers, one binding at a time. Layer ids start with the view id, which is how
// the window's one Deck knows which panel (view) draws which layer.

export interface LayerContext {
  viewId: string;
  language: Language;
  labelSize: number;
  /** Text layers wait for the bundled font, or their atlas would be drawn in a fallback face. */
  fontsReady: boolean;
  /** Ids of the cameras the wall shows now, sorted (common/cameras/on-wall.ts). */
  onWall: readonly string[];
}

export const BINDING_KINDS: Record<MapLayerBinding['kind'], DataKind> = {
  gauges: 'gauges',
  places: 'places',
  vessels: 'vessels',
  areas: 'areas',
  tracks: 'tracks',
  'reports-heatmap': 'reports',
  cameras: 'cameras',
  traffic: 'traffic',
};

/** stale: drawn from the last good value while its source is failing (the legend says so). */
export type BindingStatus = 'no-data' | 'ok' | 'stale' | 'invalid';
const WHITE: Rgba = [255, 255, 255, 255];
const HALO: Rgba = [8, 19, 31, 230];

/** What a binding draws: its layers, and the labels it asks for (placed with the panel's others, map-labels.ts). */
export interface BindingLayers {
  status: BindingStatus;
  layers: Layer[];
  labels: MapLabel[];
}

/** Labels at items' points, beside their markers; none until the bundled font is there (the text atlas would be drawn in a fallback face). */
function labelsOf<D>(items: readonly D[], ctx: LayerContext, at: (d: D) => [number, number], text: (d: D) => string, priority: (d: D) => number, gap: number, anchors = BESIDE): MapLabel[] {
  if (!ctx.fontsReady) return [];
  return items.map((d) => {
    const [lon, lat] = at(d);
    return { text: text(d), lon, lat, priority: priority(d), anchors, gap };
  });
}

const none = (status: BindingStatus): BindingLayers => ({ status, layers: [], labels: [] });

export function bindingLayers(binding: MapLayerBinding, entry: DataEntry | undefined, ctx: LayerContext): BindingLayers {
  const view = dataView(entry, BINDING_KINDS[binding.kind]);
  if (view.status !== 'ok') return none(view.status);
  const id = `${ctx.viewId}/${binding.kind}:${binding.key}`;
  const value = view.value;
  const status: BindingStatus = view.stale ? 'stale' : 'ok';
  const labels = 'labels' in binding && binding.labels;
  switch (value.type) {
    case 'gauges':
      return { status, ...gaugeLayers(id, value.items, ctx, labels) };
    case 'places': {
      const only = binding.kind === 'places' ? binding.only : undefined;
      return { status, ...placeLayers(id, only ? value.items.filter((p) => only.includes(p.kind)) : value.items, ctx, labels) };
    }
    case 'vessels':
      return { status, ...vesselLayers(id, value.items, ctx, labels) };
    case 'areas':
      return { status, ...areaLayers(id, value.items, ctx, labels, binding.kind === 'areas' && binding.style === 'alert' ? ALERT_AREA_COLOURS : AREA_COLOURS) };
    case 'tracks':
      return { status, layers: [trackLayer(id, value.items)], labels: [] };
    case 'cameras':
      return { status, ...cameraLayers(id, value.items, ctx, labels) };
    case 'traffic':
      return { status, ...trafficLayers(id, value.segments, value.incidents, ctx, labels) };
    case 'reports':
      return { status, layers: heatmapLayers(id, value.items, binding.kind === 'reports-heatmap' ? binding.radiusM : 3000), labels: [] };
    default:
      return none('invalid');
  }
}

const lonLat = (d: { lon: number; lat: number }): [number, number] => [d.lon, d.lat];

type Drawn = Omit<BindingLayers, 'status'>;

export function gaugeLayers(id: string, items: readonly Gauge[], ctx: LayerContext, labels: boolean): Drawn {
  const layers = [
    new ScatterplotLayer<Gauge>({
      id,
      data: items as Gauge[],
      getPosition: lonLat,
      getFillColor: (g) => GAUGE_COLOURS[alarmLevel(g.levelM, g.alarmM)],
      getLineColor: WHITE,
      getRadius: 14,
      radiusUnits: 'pixels',
      stroked: true,
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
    }),
  ];
  const text = (g: Gauge) => `${g.name} ${formatDecimal(ctx.language, g.levelM, 2)} m`;
  return { layers, labels: labels ? labelsOf(items, ctx, lonLat, text, (g) => LABEL_PRIORITY.gauge + 10 * alarmLevel(g.levelM, g.alarmM), 20) : [] };
}

export function placeLayers(id: string, items: readonly Place[], ctx: LayerContext, labels: boolean): Drawn {
  const layers = [
    new ScatterplotLayer<Place>({
      id,
      data: items as Place[],
      getPosition: lonLat,
      getFillColor: (p) => PLACE_COLOURS[p.kind],
      getLineColor: HALO,
      getRadius: (p) => (p.kind === 'shelter' ? 11 : 9),
      radiusUnits: 'pixels',
      stroked: true,
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
    }),
  ];
  return { layers, labels: labels ? labelsOf(items, ctx, lonLat, (p) => p.name, () => LABEL_PRIORITY.place, 16) : [] };
}

export function vesselLayers(id: string, items: readonly Vessel[], ctx: LayerContext, labels: boolean): Drawn {
  return {
    layers: [new ScatterplotLayer<Vessel>({ id, data: items as Vessel[], getPosition: lonLat, getFillColor: VESSEL_COLOUR, getRadius: 5, radiusUnits: 'pixels' })],
    labels: labels ? labelsOf(items, ctx, lonLat, (v) => v.name ?? v.id, () => LABEL_PRIORITY.vessel, 8) : [],
  };
}

export function cameraLayers(id: string, items: readonly CameraEntry[], ctx: LayerContext, labels: boolean): Drawn {
  const onWall = new Set(ctx.onWall);
  // The accessors read the wall's cameras: a change of those alone must recompute them.
  const shown = ctx.onWall.join(',');
  const layers = [
    new ScatterplotLayer<CameraEntry>({
      id,
      data: items as CameraEntry[],
      getPosition: lonLat,
      getFillColor: (c) => CAMERA_COLOURS[c.status],
      getLineColor: (c) => (onWall.has(c.id) ? CAMERA_COLOURS.onWall : HALO),
      getRadius: (c) => (onWall.has(c.id) ? 12 : 8),
      getLineWidth: (c) => (onWall.has(c.id) ? 4 : 2),
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      stroked: true,
      updateTriggers: { getLineColor: shown, getRadius: shown, getLineWidth: shown },
    }),
  ];
  const text = (c: CameraEntry) => inLanguage(ctx.language, c.name.vi, c.name.en);
  return { layers, labels: labels ? labelsOf(items, ctx, lonLat, text, (c) => (onWall.has(c.id) ? LABEL_PRIORITY.cameraOnWall : LABEL_PRIORITY.camera), 18) : [] };
}

export function trafficLayers(id: string, segments: readonly RoadSegment[], incidents: readonly TrafficIncident[], ctx: LayerContext, labels: boolean): Drawn {
  const layers = [
    new PathLayer<RoadSegment>({
      id,
      data: segments as RoadSegment[],
      getPath: (s) => s.path,
      getColor: (s) => CONGESTION_COLOURS[s.congestion],
      getWidth: (s) => (s.congestion === 'free' ? 5 : 8),
      widthUnits: 'pixels',
      jointRounded: true,
      capRounded: true,
    }),
    new ScatterplotLayer<TrafficIncident>({
      id: `${id}/incidents`,
      data: incidents as TrafficIncident[],
      getPosition: lonLat,
      getFillColor: INCIDENT_COLOUR,
      getLineColor: WHITE,
      getRadius: 13,
      radiusUnits: 'pixels',
      stroked: true,
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
    }),
  ];
  const text = (i: TrafficIncident) => `${translate(ctx.language, `traffic.${i.type}`)} · ${formatClockTime(ctx.language, i.at).slice(0, 5)}`;
  return { layers, labels: labels ? labelsOf(incidents, ctx, lonLat, text, () => LABEL_PRIORITY.incident, 18) : [] };
}

const outerCentre = (a: Area): [number, number] => {
  const ring = a.rings[0] ?? [];
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
};

export function areaLayers(id: string, items: readonly Area[], ctx: LayerContext, labels: boolean, colours: readonly [Rgba, Rgba, Rgba] = AREA_COLOURS): Drawn {
  const layers = [
    new SolidPolygonLayer<Area>({ id, data: items as Area[], getPolygon: (a) => a.rings, getFillColor: (a) => colours[a.level - 1] ?? colours[0] }),
    new PathLayer<{ path: [number, number][]; level: number }>({
      id: `${id}/edges`,
      data: items.flatMap((a) => a.rings.map((path) => ({ path, level: a.level }))),
      getPath: (r) => r.path,
      getColor: (r) => [...(colours[r.level - 1] ?? colours[0]).slice(0, 3), 255] as Rgba,
      getWidth: 2,
      widthUnits: 'pixels',
    }),
  ];
  // The depth goes with the name, in the same string: it cannot end up next to another area's name.
  const text = (a: Area) => (a.depthM === undefined ? (a.name ?? '') : `${a.name ?? ''} ${formatDecimal(ctx.language, a.depthM, 1)} m`);
  return { layers, labels: labels ? labelsOf(items.filter((a) => a.name), ctx, outerCentre, text, (a) => LABEL_PRIORITY.area + a.level, 0, CENTRED) : [] };
}

export function trackLayer(id: string, items: readonly Track[]): Layer {
  return new PathLayer<Track>({ id, data: items as Track[], getPath: (t) => t.path, getColor: TRACK_COLOUR, getWidth: 2, widthUnits: 'pixels', jointRounded: true });
}

/**
 * Report density as flat hexagons coloured by count (aggregated on the CPU): unlike deck.gl's
 * HeatmapLayer it needs no read-back from the GPU, which stalls software renderers on every frame.
 */
export function heatmapLayers(id: string, items: readonly Report[], radiusM: number): Layer[] {
  const placed = items.filter((r): r is Report & { lat: number; lon: number } => r.lat !== undefined && r.lon !== undefined);
  if (placed.length === 0) return [];
  const colorRange = HEATMAP_RANGE.map(([r, g, b]) => [r, g, b, 170] as Rgba);
  return [new HexagonLayer<Report & { lat: number; lon: number }>({ id, data: placed, getPosition: lonLat, radius: radiusM, coverage: 0.92, extruded: false, gpuAggregation: false, colorRange })];
}
