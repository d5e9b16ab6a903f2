import { z } from 'zod';
import { DataKeySchema } from '../protocol/data.js';
import { latitude, longitude } from '../protocol/primitives.js';
import { PlaceKindSchema } from '../protocol/data.js';
import { HexColour } from './colour.js';

// A map panel: offline outlines from bundled GeoJSON files (replaceable data, see assets/map/README.md),
// an optional raster tile server of the province's own, and live layers bound to data keys.

/** A GeoJSON file served with the app: /map/<name>.geojson (from assets/map). */
export const MapDataPath = z
  .string()
  .regex(/^\/map\/[a-z0-9][a-z0-9._-]{0,99}\.(?:geo)?json$/, 'use a path under /map/, e.g. "/map/vietnam.geojson" (files in assets/map)');

const Boundary = z.strictObject({
  url: MapDataPath,
  /** country: filled land; region: outlined provinces or communes. */
  kind: z.enum(['country', 'region']).default('region'),
  /** Draw each feature's properties.name at its label point (or centre). */
  labels: z.boolean().default(false),
});

/** {z}/{x}/{y} template of a raster tile server; its origin must be in the wall's webOrigins.tiles. */
const Tiles = z.strictObject({
  url: z
    .string()
    .max(500)
    .regex(/^https?:\/\/[^/?#]+\/.*\{z\}.*\{x\}.*\{y\}/, 'use an http(s) URL template with {z}, {x} and {y}, e.g. "https://gis.example.gov.vn/tiles/{z}/{x}/{y}.png"'),
  tileSize: z.literal([256, 512]).default(256),
  maxZoom: z.number().int().min(0).max(22).default(18),
  opacity: z.number().min(0).max(1).default(1),
  attribution: z.string().max(200).optional(),
});

const common = { key: DataKeySchema, labels: z.boolean().default(false) };
export const MapLayerBinding = z.discriminatedUnion('kind', [
  /** Water gauges coloured by alarm level I/II/III. */
  z.strictObject({ kind: z.literal('gauges'), ...common }),
  z.strictObject({ kind: z.literal('places'), ...common, only: z.array(PlaceKindSchema).min(1).optional() }),
  z.strictObject({ kind: z.literal('vessels'), ...common }),
  /** style "alert": warning areas (CAP alerts: level 1 warning, 2 danger, 3 critical) in the alert colours. */
  z.strictObject({ kind: z.literal('areas'), ...common, style: z.enum(['flood', 'alert']).default('flood') }),
  z.strictObject({ kind: z.literal('tracks'), ...common }),
  /**
   * The hub's camera catalogue (key "cameras") at the cameras' places: online and offline drawn apart,
   * the cameras the wall shows now ringed. Leave the binding out to hide them.
   */
  z.strictObject({ kind: z.literal('cameras'), key: DataKeySchema.default('cameras'), labels: z.boolean().default(false) }),
  /** Road segments coloured by congestion (free, slow, jammed) and traffic incidents; labels name the incidents. */
  z.strictObject({ kind: z.literal('traffic'), ...common }),
  /** Density of citizen reports that carry a position, in hexagons of radiusM metres. */
  z.strictObject({ kind: z.literal('reports-heatmap'), key: DataKeySchema, radiusM: z.number().min(100).max(100_000).default(3000) }),
]);
export type MapLayerBinding = z.infer<typeof MapLayerBinding>;

export const mapProps = z
  .strictObject({
    /** Either a centre and zoom, or bounds [west, south, east, north] fitted to the whole panel. */
    view: z.strictObject({ longitude, latitude, zoom: z.number().min(0).max(20) }).optional(),
    bounds: z.tuple([longitude, latitude, longitude, latitude]).optional(),
    sea: HexColour.default('#0b2239'),
    land: HexColour.default('#1d3a57'),
    outline: HexColour.default('#7fa7cf'),
    boundaries: z.array(Boundary).max(8).default([{ url: '/map/vietnam.geojson', kind: 'country', labels: false }]),
    tiles: Tiles.optional(),
    layers: z.array(MapLayerBinding).max(16).default([]),
    /** Meridians and parallels every stepDeg degrees: a check that seams line up, like a crosshatch. */
    graticule: z.strictObject({ stepDeg: z.number().min(0.01).max(90), color: HexColour.default('#ff00ff'), widthPx: z.number().min(1).max(40).default(2) }).optional(),
    legend: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right', 'none']).default('bottom-left'),
    /** Live layers redraw at most this often (ms); values arriving between redraws are coalesced. */
    minRedrawMs: z.number().int().min(0).max(60_000).default(1000),
    /** Label size in canvas px. */
    labelSize: z.number().min(8).max(200).default(28),
    title: z.string().max(120).optional(),
    titleEn: z.string().max(120).optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.view === !p.bounds) ctx.addIssue({ code: 'custom', path: ['view'], message: 'give either view ({ longitude, latitude, zoom }) or bounds ([west, south, east, north]), not both' });
    if (p.bounds && (p.bounds[0] >= p.bounds[2] || p.bounds[1] >= p.bounds[3])) ctx.addIssue({ code: 'custom', path: ['bounds'], message: 'bounds are [west, south, east, north]: west < east and south < north' });
  });
export type MapPanelProps = z.infer<typeof mapProps>;
