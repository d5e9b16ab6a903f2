import { z } from 'zod';
import { finite, IdSchema, latitude, LocalizedSchema, longitude, MillisSchema, text } from './primitives.js';

// Data feeds: a key in the wall's data cache and a typed value. Values replace the previous value of
// their key; a panel binds to keys. Each kind has its own bounds so no feed can grow without limit.

export const DataKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._:-]{0,127}$/, 'use 1–128 lower-case letters, digits, ".", "_", ":" or "-"');

const unit = z.string().max(16);
const label = LocalizedSchema.optional();

const KpiSchema = z.strictObject({
  type: z.literal('kpi'),
  value: finite,
  unit,
  label,
  target: finite.optional(),
  /** Expected seconds between updates: older values are shown as stale. */
  periodS: z.number().int().positive().max(31_536_000).optional(),
});

const SeriesSchema = z.strictObject({
  type: z.literal('series'),
  unit,
  label,
  /** [time (ms), value] pairs in time order. */
  points: z.array(z.tuple([MillisSchema, finite])).max(5000),
});

export const AlertSeveritySchema = z.enum(['info', 'warning', 'danger', 'critical']);
const AlertsSchema = z.strictObject({
  type: z.literal('alerts'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        severity: AlertSeveritySchema,
        title: LocalizedSchema,
        area: text(120),
        at: MillisSchema,
        /** Its kind, as the sender names it (a CAP <event>, a SOC rule group): what rules match on. */
        event: text(120).optional(),
        /** Where it is, when the sender says: rules match it against an area. */
        lat: latitude.optional(),
        lon: longitude.optional(),
      }),
    )
    .max(200),
});

export const ReportCategorySchema = z.enum(['traffic', 'public-order', 'urban-order', 'environment', 'food-safety', 'flood', 'other']);
const ReportsSchema = z.strictObject({
  type: z.literal('reports'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        category: ReportCategorySchema,
        commune: text(120),
        status: z.enum(['received', 'routed', 'answered']),
        summary: text(300),
        receivedAt: MillisSchema,
        lat: latitude.optional(),
        lon: longitude.optional(),
      }),
    )
    .max(500),
});

/** Water level in metres against the station's alarm levels I, II, III (báo động I/II/III). */
const GaugesSchema = z.strictObject({
  type: z.literal('gauges'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        name: text(120),
        river: text(120),
        lat: latitude,
        lon: longitude,
        levelM: finite,
        alarmM: z.tuple([finite, finite, finite]),
        rainfallMm: z.number().nonnegative().max(5000).optional(),
        at: MillisSchema,
      }),
    )
    .max(500),
});

const VesselsSchema = z.strictObject({
  type: z.literal('vessels'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        name: z.string().max(80).optional(),
        lat: latitude,
        lon: longitude,
        headingDeg: z.number().min(0).max(360),
        speedKn: z.number().min(0).max(100),
        at: MillisSchema,
      }),
    )
    .max(5000),
});

// Map layers. Coordinates are [lon, lat] like GeoJSON; each kind bounds its total points, not only its
// item count, so one value stays well inside a message.
const lonLat = z.tuple([longitude, latitude]);
const MAX_MAP_POINTS = 20_000;
const budget = `at most ${MAX_MAP_POINTS} coordinates in one value; split it over several keys`;

/** Places on the map: evacuation points and shelters, rescue teams, cameras. */
export const PlaceKindSchema = z.enum(['shelter', 'rescue-team', 'camera', 'other']);
const PlacesSchema = z.strictObject({
  type: z.literal('places'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        kind: PlaceKindSchema,
        name: text(120),
        lat: latitude,
        lon: longitude,
        /** People sheltered or team size, against capacity when known. */
        count: z.number().int().nonnegative().max(1_000_000).optional(),
        capacity: z.number().int().positive().max(1_000_000).optional(),
        active: z.boolean().optional(),
        at: MillisSchema,
      }),
    )
    .max(2000),
});

/** Flooded areas (or other zones) as polygons: outer ring first, then holes. */
const AreasSchema = z
  .strictObject({
    type: z.literal('areas'),
    items: z
      .array(
        z.strictObject({
          id: IdSchema,
          name: text(120).optional(),
          /** 1 shallow, 2 deep, 3 very deep / dangerous. */
          level: z.literal([1, 2, 3]),
          depthM: z.number().nonnegative().max(100).optional(),
          rings: z.array(z.array(lonLat).min(4).max(5000)).min(1).max(16),
          at: MillisSchema,
        }),
      )
      .max(500),
  })
  .refine((v) => v.items.reduce((n, a) => n + a.rings.reduce((m, r) => m + r.length, 0), 0) <= MAX_MAP_POINTS, budget);

/** Recent positions of moving things (vessel tracks), oldest first. */
const TracksSchema = z
  .strictObject({
    type: z.literal('tracks'),
    items: z
      .array(z.strictObject({ id: IdSchema, name: z.string().max(80).optional(), path: z.array(lonLat).min(2).max(2000), at: MillisSchema }))
      .max(5000),
  })
  .refine((v) => v.items.reduce((n, t) => n + t.path.length, 0) <= MAX_MAP_POINTS, budget);

/** Road traffic: how congested each road segment is, and incidents on the roads. */
export const CongestionSchema = z.enum(['free', 'slow', 'jammed']);
export const TrafficIncidentTypeSchema = z.enum(['crash', 'breakdown', 'roadworks', 'congestion', 'flooding', 'landslide', 'other']);
const TrafficSchema = z
  .strictObject({
    type: z.literal('traffic'),
    segments: z
      .array(
        z.strictObject({
          id: IdSchema,
          /** The road as people name it: "QL1A", "Nguyễn Tất Thành". */
          road: text(120),
          name: LocalizedSchema.optional(),
          /** Along the road, in driving order. */
          path: z.array(lonLat).min(2).max(2000),
          congestion: CongestionSchema,
          speedKmh: z.number().min(0).max(300).optional(),
          /** Vehicles per hour. */
          flowVph: z.number().int().min(0).max(100_000).optional(),
          at: MillisSchema,
        }),
      )
      .max(2000),
    incidents: z
      .array(
        z.strictObject({
          id: IdSchema,
          type: TrafficIncidentTypeSchema,
          lat: latitude,
          lon: longitude,
          road: text(120).optional(),
          description: LocalizedSchema,
          /** When it happened (or was reported). */
          at: MillisSchema,
        }),
      )
      .max(500),
  })
  .refine((v) => v.segments.reduce((n, s) => n + s.path.length, 0) <= MAX_MAP_POINTS, budget);

/** The hub's data sources and how each is doing (key `hub.sources`): shown on the console. */
export const SourceKindSchema = z.enum(['http', 'mqtt', 'cap', 'webhook']);
export const SourceHealthSchema = z.strictObject({
  id: IdSchema,
  kind: SourceKindSchema,
  name: z.string().max(120).optional(),
  /** starting: no answer yet; ok: the last attempt worked; failing: it did not (its data points are stale). */
  state: z.enum(['starting', 'ok', 'failing']),
  lastSuccessAt: MillisSchema.nullable(),
  /** How old the freshest value of this source is (ms), at the time of this report. */
  lagMs: z.number().int().nonnegative().nullable(),
  errorCount: z.number().int().nonnegative(),
  lastError: z.string().max(500).nullable(),
  lastErrorAt: MillisSchema.nullable(),
  /** Data keys this source has written. */
  keys: z.array(DataKeySchema).max(500),
});
export type SourceHealth = z.infer<typeof SourceHealthSchema>;
const SourcesSchema = z.strictObject({ type: z.literal('sources'), items: z.array(SourceHealthSchema).max(200) });

/** Security events from the centre's SOC (a SIEM such as Wazuh, hub/soc/wazuh.ts), newest first. */
export const SecurityStatusSchema = z.enum(['new', 'investigating', 'contained', 'resolved']);
const SecurityEventsSchema = z.strictObject({
  type: z.literal('security-events'),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        at: MillisSchema,
        /** What detected it: the SIEM and its rule group ("Wazuh: authentication_failed"). */
        source: text(120),
        severity: AlertSeveritySchema,
        /** The machine or service concerned (a Wazuh agent's name). */
        asset: text(120),
        description: text(300),
        status: SecurityStatusSchema,
      }),
    )
    .max(500),
});

/** The camera catalogue: every camera the hub knows, for the console's search and the maps' markers. */
export const CameraEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lower-case letters, digits and dashes, e.g. "cau-song-han"'),
  name: LocalizedSchema,
  /** District, commune or landmark, as a person would say where it is. */
  place: LocalizedSchema,
  road: text(120).optional(),
  lat: latitude,
  lon: longitude,
  tags: z.array(text(40)).max(20),
  status: z.enum(['online', 'offline']),
  /** The HLS playlist when it is not the hub's /cameras/<id>/live.m3u8 (a media gateway). */
  url: z.string().min(1).max(2000).optional(),
});
export type CameraEntry = z.infer<typeof CameraEntrySchema>;
const CamerasSchema = z.strictObject({ type: z.literal('cameras'), items: z.array(CameraEntrySchema).max(2000) });
/** The key the hub publishes its catalogue under. */
export const CAMERA_CATALOGUE_KEY = 'cameras';

export const DataValueSchema = z.discriminatedUnion('type', [KpiSchema, SeriesSchema, AlertsSchema, ReportsSchema, GaugesSchema, VesselsSchema, PlacesSchema, AreasSchema, TracksSchema, SourcesSchema, SecurityEventsSchema, CamerasSchema, TrafficSchema]);
export type DataValue = z.infer<typeof DataValueSchema>;
export type DataKind = DataValue['type'];

/** `stale`: the source of this value is failing; the value is the last good one (tiles say "dữ liệu cũ"). */
export const DataEntrySchema = z.strictObject({ key: DataKeySchema, value: DataValueSchema, at: MillisSchema, stale: z.literal(true).optional() });
export type DataEntry = z.infer<typeof DataEntrySchema>;

export const MAX_DATA_ENTRIES = 1000;
export const DataBatchSchema = z.strictObject({ entries: z.array(DataEntrySchema).max(MAX_DATA_ENTRIES) });
export type DataBatch = z.infer<typeof DataBatchSchema>;
