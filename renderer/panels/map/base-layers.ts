import type { Layer } from '@deck.gl/core';
import { BitmapLayer, GeoJsonLayer, PathLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { MapPanelProps } from '../../../common/panels/map.js';
import { lonLatToWorld, MAX_LATITUDE, worldToLonLat, type LonLatBounds } from '../../../common/map/view-state.js';
import { inLanguage } from '../../i18n/locale.js';
import { hexToRgba } from './colours.js';
import type { LayerContext } from './data-layers.js';
import { CENTRED, LABEL_PRIORITY, type MapLabel } from './map-labels.js';

// What is under the live layers: the province's raster tiles (when configured), country and region
// outlines from the bundled GeoJSON, and an optional graticule.

type Boundary = MapPanelProps['boundaries'][number];

export function boundaryLayers(boundary: Boundary, data: FeatureCollection, props: Pick<MapPanelProps, 'land' | 'outline'>, ctx: LayerContext): { layers: Layer[]; labels: MapLabel[] } {
  const country = boundary.kind === 'country';
  const id = `${ctx.viewId}/boundary:${boundary.url}`;
  const shapes = new GeoJsonLayer({
    id,
    data,
    filled: country,
    stroked: true,
    getFillColor: hexToRgba(props.land),
    getLineColor: hexToRgba(props.outline, country ? 255 : 200),
    getLineWidth: country ? 2 : 2.5,
    lineWidthUnits: 'pixels',
    pointType: 'circle',
    getPointRadius: 4,
    pointRadiusUnits: 'pixels',
  });
  if (!boundary.labels || !ctx.fontsReady) return { layers: [shapes], labels: [] };
  const text = (f: Feature) => String(inLanguage(ctx.language, f.properties?.['name'], f.properties?.['name_en']));
  // Regions (provinces) over the country's own name and its islands.
  const priority = LABEL_PRIORITY.boundary + (country ? 0 : 1);
  const labels = namedFeatures(data).map((f): MapLabel => {
    const [lon, lat] = labelPoint(f);
    return { text: text(f), lon, lat, priority, anchors: CENTRED, gap: 0 };
  });
  return { layers: [shapes], labels };
}

// The same array for the same collection: filtered once per loaded file, not on each data update.
const named = new WeakMap<FeatureCollection, Feature[]>();
function namedFeatures(data: FeatureCollection): Feature[] {
  let out = named.get(data);
  if (!out) named.set(data, (out = data.features.filter((f) => typeof f.properties?.['name'] === 'string')));
  return out;
}

/** Where a feature's name goes: properties.label ([lon, lat]), else the middle of its bounding box. */
export function labelPoint(f: Feature): [number, number] {
  const given = f.properties?.['label'];
  if (Array.isArray(given) && given.length === 2 && given.every((n) => typeof n === 'number')) return [given[0] as number, given[1] as number];
  const xs: number[] = [];
  const ys: number[] = [];
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      xs.push(c[0]);
      ys.push(c[1]);
    } else c.forEach(visit);
  };
  const walk = (g: Geometry): void => (g.type === 'GeometryCollection' ? g.geometries.forEach(walk) : visit(g.coordinates));
  if (f.geometry) walk(f.geometry);
  return xs.length ? [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] : [0, 0];
}

/** Meridians and parallels every stepDeg across `bounds`, as straight paths (they are straight in Mercator). */
export function graticulePaths(bounds: LonLatBounds, stepDeg: number, maxLines = 400): [number, number][][] {
  const [west, south, east, north] = bounds;
  const first = (v: number) => Math.ceil(v / stepDeg - 1e-9) * stepDeg;
  const paths: [number, number][][] = [];
  for (let lon = first(west); lon <= east + 1e-9 && paths.length < maxLines; lon += stepDeg) paths.push([[lon, south], [lon, north]]);
  for (let lat = first(south); lat <= north + 1e-9 && paths.length < maxLines; lat += stepDeg) paths.push([[west, lat], [east, lat]]);
  return paths;
}

export function graticuleLayer(bounds: LonLatBounds, g: NonNullable<MapPanelProps['graticule']>, ctx: LayerContext): Layer {
  return new PathLayer<[number, number][]>({
    id: `${ctx.viewId}/graticule`,
    data: graticulePaths(bounds, g.stepDeg),
    // Built again on each update; the same lines need no new buffers.
    dataComparator: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    getPath: (p) => p,
    getColor: hexToRgba(g.color),
    getWidth: g.widthPx,
    widthUnits: 'pixels',
    capRounded: false,
  });
}

export interface TileRef {
  z: number;
  x: number;
  y: number;
  url: string;
  bounds: [number, number, number, number];
}

/** The raster tiles that cover `bounds` at the zoom nearest to `zoom` (a wall map does not pan). */
export function tilesFor(bounds: LonLatBounds, zoom: number, tiles: NonNullable<MapPanelProps['tiles']>, maxTiles = 256): TileRef[] {
  // A 256-px tile at zoom z covers what 512-px deck.gl world units cover at z - 1.
  const z = Math.max(0, Math.min(tiles.maxZoom, Math.round(zoom + (tiles.tileSize === 256 ? 1 : 0))));
  const n = 2 ** z;
  const [west, south, east, north] = bounds;
  const [x0, y0] = lonLatToWorld(west, Math.min(north, MAX_LATITUDE)).map((v) => Math.floor((v / 512) * n));
  const [x1, y1] = lonLatToWorld(east, Math.max(south, -MAX_LATITUDE)).map((v) => Math.floor((v / 512) * n));
  const refs: TileRef[] = [];
  for (let y = Math.max(0, y0 ?? 0); y <= Math.min(n - 1, y1 ?? 0); y++) {
    for (let x = Math.max(0, x0 ?? 0); x <= Math.min(n - 1, x1 ?? 0); x++) {
      if (refs.length >= maxTiles) return refs;
      const [w, nth] = worldToLonLat((x / n) * 512, (y / n) * 512);
      const [e, s] = worldToLonLat(((x + 1) / n) * 512, ((y + 1) / n) * 512);
      refs.push({ z, x, y, url: tiles.url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y)), bounds: [w, s, e, nth] });
    }
  }
  return refs;
}

export function tileLayers(refs: readonly TileRef[], opacity: number, ctx: LayerContext): Layer[] {
  return refs.map((t) => new BitmapLayer({ id: `${ctx.viewId}/tile:${t.z}/${t.x}/${t.y}`, image: t.url, bounds: t.bounds, opacity }));
}
