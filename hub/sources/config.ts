import { z } from 'zod';
import { DataKeySchema } from '../../common/protocol/data.js';
import { IdSchema, latitude, LocalizedSchema, longitude, text } from '../../common/protocol/primitives.js';
import { FieldPathSchema } from './field-path.js';

// config/sources/*.json: one file per source (docs/sources.md). Secrets are never written here: a
// header or a password names the environment variable or the file that holds it.

/** A secret read at start from an environment variable or a file (its content, trimmed). */
export const SecretRefSchema = z.union([
  z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]{0,99}$/, 'use an environment variable name such as "MOT_CUA_TOKEN"'), prefix: z.string().max(40).optional() }),
  z.strictObject({ file: z.string().min(1).max(500), prefix: z.string().max(40).optional() }),
]);
export type SecretRef = z.infer<typeof SecretRefSchema>;

/** Header names whose value is a credential: refused as plain text in a config file. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$/i;

const HeadersSchema = z
  .record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name is 1–64 letters, digits or "-"'), z.union([z.string().max(1000), SecretRefSchema]))
  .superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && SECRET_HEADERS.test(name)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is a credential: write { "env": "NAME" } or { "file": "/path" } instead of the value` });
      }
    }
  });

/** A data key, where "{1}", "{2}"… take the levels an MQTT topic's wildcards matched (checked again once filled in). */
const KeyTemplate = z.string().regex(/^(?:[a-z0-9._:-]|\{[1-9]\}){1,128}$/, 'use 1–128 lower-case letters, digits, ".", "_", ":" or "-" (and {1}, {2}… for an MQTT wildcard level)');
const IdTemplate = z.string().regex(/^(?:[A-Za-z0-9_-]|\{[1-9]\}){1,64}$/, 'use 1–64 letters, digits, "-" or "_" (and {1}, {2}… for an MQTT wildcard level)');

/** Plausible range of a reading: a value outside is refused as absurd (a broken sensor), not shown. */
const bounds = { min: z.number().finite().optional(), max: z.number().finite().optional() };
/** value × scale + offset: a sensor in cm shown in m is scale 0.01. */
const scaling = { scale: z.number().finite().default(1), offset: z.number().finite().default(0) };

/** Where one value goes: a KPI tile's key, a station of a gauges key, a series, or a whole data value. */
export const PointTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('kpi'),
    key: KeyTemplate,
    unit: z.string().max(16),
    label: LocalizedSchema.optional(),
    target: z.number().finite().optional(),
    periodS: z.number().int().positive().max(31_536_000).optional(),
    ...scaling,
    ...bounds,
  }),
  z.strictObject({
    kind: z.literal('gauge'),
    key: KeyTemplate,
    /** The water gauge station this reading is the level of (m after scaling). */
    station: z.strictObject({ id: IdTemplate, name: text(120), river: text(120), lat: latitude, lon: longitude, alarmM: z.tuple([z.number(), z.number(), z.number()]) }),
    ...scaling,
    ...bounds,
  }),
  z.strictObject({
    kind: z.literal('series'),
    key: KeyTemplate,
    unit: z.string().max(16),
    label: LocalizedSchema.optional(),
    /** Points kept (oldest dropped first). */
    maxPoints: z.number().int().min(2).max(5000).default(288),
    ...scaling,
    ...bounds,
  }),
  /** The field holds a complete data value ({ "type": "alerts", … }, docs/protocol.md §3.10), checked as such. */
  z.strictObject({ kind: z.literal('value'), key: KeyTemplate }),
]);
export type PointTarget = z.infer<typeof PointTargetSchema>;

/** A field of a JSON document (JSON Pointer "/a/0/b" or JSONPath "$.a[0].b"; "" or "$" is the whole document) and where it goes. */
export const FieldPointSchema = z.strictObject({ path: FieldPathSchema.default(''), to: PointTargetSchema });
export type FieldPoint = z.infer<typeof FieldPointSchema>;

const base = {
  id: IdSchema,
  name: z.string().max(120).optional(),
  enabled: z.boolean().default(true),
};

export const HttpSourceSchema = z.strictObject({
  ...base,
  type: z.literal('http'),
  url: z.url({ protocol: /^https?$/, error: 'use an http:// or https:// URL' }),
  intervalS: z.number().min(1).max(86_400).default(60),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  headers: HeadersSchema.default({}),
  /** A bigger answer is refused (bytes). */
  maxBytes: z.number().int().min(1024).max(50 * 1024 * 1024).default(2 * 1024 * 1024),
  points: z.array(FieldPointSchema).min(1).max(500),
});

export const MqttTopicSchema = z.strictObject({
  /** An MQTT topic filter; "+" and "#" match, and "{1}", "{2}"… in a key or station id take the matched levels. */
  topic: z.string().min(1).max(256).refine(validFilter, 'a topic filter has "+" only as a whole level and "#" only as the last level'),
  /** number: the payload is a plain number ("12.5"); json: points pick fields of a JSON payload. */
  payload: z.enum(['number', 'json']).default('json'),
  points: z.array(FieldPointSchema).min(1).max(100),
});
export type MqttTopic = z.infer<typeof MqttTopicSchema>;

export const MqttSourceSchema = z.strictObject({
  ...base,
  type: z.literal('mqtt'),
  url: z.string().regex(/^(mqtts?|wss?):\/\/[^\s/]+/, 'use mqtt://host:port (or mqtts://, ws://, wss://)'),
  username: SecretRefSchema.optional(),
  password: SecretRefSchema.optional(),
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** A payload larger than this is refused (bytes). */
  maxBytes: z.number().int().min(64).max(1024 * 1024).default(64 * 1024),
  /** With no message for this long the source counts as failing (its points stale); 0: never. */
  silentAfterS: z.number().int().min(0).max(86_400).default(0),
  topics: z.array(MqttTopicSchema).min(1).max(200),
});

export const CapSourceSchema = z.strictObject({
  ...base,
  type: z.literal('cap'),
  /** Alerts may be POSTed to /api/sources/<id>/cap (XML body, admin token). */
  push: z.boolean().default(true),
  /** An Atom or RSS feed whose entries are CAP alerts (linked or inline), polled. */
  feed: z
    .strictObject({
      url: z.url({ protocol: /^https?$/, error: 'use an http:// or https:// URL' }),
      intervalS: z.number().min(5).max(86_400).default(60),
      timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
      headers: HeadersSchema.default({}),
    })
    .optional(),
  /** CAP status values shown; Test, System and Draft messages are ignored by default. */
  statuses: z.array(z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft'])).min(1).default(['Actual']),
  /** Where the alerts (an alert ticker or list) and their areas (a map "areas" layer, style "alert") go. */
  alertsKey: DataKeySchema.default('alerts.cap'),
  areasKey: DataKeySchema.default('areas.cap'),
  maxBytes: z.number().int().min(1024).max(10 * 1024 * 1024).default(512 * 1024),
});

export const SourceConfigSchema = z.discriminatedUnion('type', [HttpSourceSchema, MqttSourceSchema, CapSourceSchema]);
export type SourceConfig = z.infer<typeof SourceConfigSchema>;
export type HttpSourceConfig = z.infer<typeof HttpSourceSchema>;
export type MqttSourceConfig = z.infer<typeof MqttSourceSchema>;
export type CapSourceConfig = z.infer<typeof CapSourceSchema>;

function validFilter(filter: string): boolean {
  const levels = filter.split('/');
  return levels.every((l, i) => (l.includes('+') ? l === '+' : true) && (l.includes('#') ? l === '#' && i === levels.length - 1 : true));
}
