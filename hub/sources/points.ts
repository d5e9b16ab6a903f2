import { describeIssues } from '../../common/contract.js';
import { DataKeySchema, DataValueSchema, type DataEntry, type DataValue } from '../../common/protocol/data.js';
import { IdSchema } from '../../common/protocol/primitives.js';
import type { FieldPoint, PointTarget } from './config.js';
import { describePath, parseFieldPath, readField } from './field-path.js';

// One field of a message → one data entry. Every source maps through here, so a wrong type, NaN, an
// absurd value or a missing field is refused the same way, with a message naming the field.

/** Beyond this a reading is a broken sensor or a unit mix-up, whatever the point's own bounds say. */
const ABSURD = 1e12;

export interface PointContext {
  /** The value's source time (ms). */
  at: number;
  /** Levels an MQTT wildcard matched: "{1}" is levels[0]. */
  levels?: readonly string[];
  /** The key's current value, for targets that merge into it (gauges, series). */
  current: (key: string) => DataEntry | undefined;
}

export type PointResult = { ok: true; entry: DataEntry } | { ok: false; message: string };

export function mapPoint(point: FieldPoint, doc: unknown, ctx: PointContext): PointResult {
  const parsed = parseFieldPath(point.path);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const raw = readField(doc, parsed.steps);
  if (raw === undefined) return { ok: false, message: `no field ${describePath(point.path)} in the message` };
  const key = fill(point.to.key, ctx.levels, 'key');
  if (!key.ok) return key;
  const keyOk = DataKeySchema.safeParse(key.text);
  if (!keyOk.success) return { ok: false, message: `data key "${key.text.slice(0, 140)}": ${describeIssues(keyOk.error)}` };
  const value = toValue(point.to, raw, ctx, keyOk.data);
  if (!value.ok) return { ok: false, message: `${describePath(point.path)} → ${keyOk.data}: ${value.message}` };
  const checked = DataValueSchema.safeParse(value.value);
  if (!checked.success) return { ok: false, message: `${describePath(point.path)} → ${keyOk.data}: ${describeIssues(checked.error).slice(0, 400)}` };
  return { ok: true, entry: { key: keyOk.data, value: checked.data, at: ctx.at } };
}

type ValueResult = { ok: true; value: DataValue | unknown } | { ok: false; message: string };

function toValue(to: PointTarget, raw: unknown, ctx: PointContext, key: string): ValueResult {
  if (to.kind === 'value') return { ok: true, value: raw };
  const n = toNumber(raw);
  if (!n.ok) return n;
  const v = n.value * to.scale + to.offset;
  if (!Number.isFinite(v) || Math.abs(v) > ABSURD) return { ok: false, message: `the value ${n.value} is absurd` };
  if (to.min !== undefined && v < to.min) return { ok: false, message: `${v} is below the plausible minimum ${to.min}` };
  if (to.max !== undefined && v > to.max) return { ok: false, message: `${v} is above the plausible maximum ${to.max}` };
  switch (to.kind) {
    case 'kpi':
      return {
        ok: true,
        value: { type: 'kpi', value: v, unit: to.unit, ...(to.label ? { label: to.label } : {}), ...(to.target === undefined ? {} : { target: to.target }), ...(to.periodS ? { periodS: to.periodS } : {}) },
      };
    case 'gauge': {
      const id = fill(to.station.id, ctx.levels, 'station id');
      if (!id.ok) return id;
      if (!IdSchema.safeParse(id.text).success) return { ok: false, message: `station id "${id.text.slice(0, 80)}" is not 1–64 letters, digits, "-" or "_"` };
      const held = ctx.current(key)?.value;
      const others = held?.type === 'gauges' ? held.items.filter((g) => g.id !== id.text) : [];
      if (others.length >= 500) return { ok: false, message: 'a gauges value holds at most 500 stations' };
      const { alarmM, name, river, lat, lon } = to.station;
      return { ok: true, value: { type: 'gauges', items: [...others, { id: id.text, name, river, lat, lon, levelM: v, alarmM, at: ctx.at }] } };
    }
    case 'series': {
      const held = ctx.current(key)?.value;
      const points = held?.type === 'series' ? held.points.filter(([t]) => t !== ctx.at) : [];
      points.push([ctx.at, v]);
      points.sort((a, b) => a[0] - b[0]);
      return { ok: true, value: { type: 'series', unit: to.unit, ...(to.label ? { label: to.label } : {}), points: points.slice(-to.maxPoints) } };
    }
  }
}

/** A JSON number, or a string that is exactly a decimal number ("12.5", " 3 "); nothing else. */
export function toNumber(raw: unknown): { ok: true; value: number } | { ok: false; message: string } {
  if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false, message: 'the value is not a finite number' };
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
      const value = Number(t);
      if (Number.isFinite(value)) return { ok: true, value };
    }
    return { ok: false, message: `"${t.slice(0, 40)}" is not a number` };
  }
  return { ok: false, message: `expected a number, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}` };
}

function fill(template: string, levels: readonly string[] | undefined, what: string): { ok: true; text: string } | { ok: false; message: string } {
  let missing: string | null = null;
  const text = template.replace(/\{([1-9])\}/g, (_, d: string) => {
    const level = levels?.[Number(d) - 1];
    if (level === undefined) missing = d;
    return what === 'key' ? (level ?? '').toLowerCase() : (level ?? '');
  });
  return missing ? { ok: false, message: `the ${what} uses {${missing}} but the topic has no such wildcard level` } : { ok: true, text };
}
