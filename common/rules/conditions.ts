import type { DataEntry } from '../protocol/data.js';
import { alertsOf, keyMatcher, readingsOf, SEVERITY_RANK, type AlertReading, type AlertSeverity, type Reading } from './readings.js';
import type { AlertCondition, Condition, Threshold, ValueCondition } from './rule-schema.js';

// Whether a condition holds now, from the latest data and what the condition remembered last time
// (when it started holding, whether it is past its threshold for hysteresis). Pure: the state goes
// in and comes out; nothing here reads a clock or keeps a timer.

export interface NodeState {
  /** When the raw condition started holding without a break; null when it does not hold. */
  since: number | null;
  /** Past the threshold (hysteresis keeps this true until the value is back past threshold ∓ hysteresis). */
  latched: boolean;
}
/** One NodeState per condition node, by its path in the rule ("when", "when.of.0"…). */
export type ConditionState = Readonly<Record<string, NodeState>>;

/** What made a condition hold: the worst reading or alert, for the reason shown to the leader. */
export interface Evidence {
  reading?: Reading & { threshold: number };
  alert?: AlertReading;
  /** How many readings or alerts qualified. */
  count: number;
  severity?: AlertSeverity;
}

export interface Outcome {
  holds: boolean;
  evidence: Evidence | null;
  /** The earliest time the answer can change without new data (a "for how long" running out). */
  wakeAt: number | null;
  state: Record<string, NodeState>;
}

export type DataLookup = (pattern: string) => readonly DataEntry[];

const IDLE: NodeState = { since: null, latched: false };

/** `raw`: as if no condition had a "for how long" (whether it is true at all right now). */
export function evaluate(cond: Condition, path: string, data: DataLookup, now: number, state: ConditionState, raw = false): Outcome {
  switch (cond.type) {
    case 'value':
      return timed(valueNow(cond, data, state[path] ?? IDLE), raw ? 0 : cond.forSeconds, path, now, state);
    case 'alert':
      return timed(alertNow(cond, data), raw ? 0 : cond.forSeconds, path, now, state);
    case 'all':
    case 'any': {
      const parts = cond.of.map((c, i) => evaluate(c, `${path}.of.${i}`, data, now, state, raw));
      const merged = Object.assign({}, ...parts.map((p) => p.state)) as Record<string, NodeState>;
      const holds = cond.type === 'all' ? parts.every((p) => p.holds) : parts.some((p) => p.holds);
      const held = parts.filter((p) => p.holds);
      const wakes = parts.map((p) => p.wakeAt).filter((w): w is number => w !== null);
      return { holds, evidence: holds ? worst(held.map((p) => p.evidence)) : null, wakeAt: wakes.length ? Math.min(...wakes) : null, state: merged };
    }
  }
}

/** The raw answer, before "for how long". */
interface Raw {
  holds: boolean;
  latched: boolean;
  evidence: Evidence | null;
}

function timed(raw: Raw, forSeconds: number, path: string, now: number, state: ConditionState): Outcome {
  const before = state[path] ?? IDLE;
  const since = raw.holds ? (before.since ?? now) : null;
  const due = since === null ? null : since + forSeconds * 1000;
  const holds = due !== null && now >= due;
  return {
    holds,
    evidence: holds ? raw.evidence : null,
    wakeAt: due !== null && !holds ? due : null,
    state: { [path]: { since, latched: raw.latched } },
  };
}

export function thresholdOf(t: Threshold, r: Reading): number | null {
  if (typeof t === 'number') return t;
  return r.alarm?.[t.alarm - 1] ?? null;
}

function valueNow(cond: ValueCondition, data: DataLookup, before: NodeState): Raw {
  const above = cond.above !== undefined;
  const threshold = (cond.above ?? cond.below) as Threshold;
  const readings = data(cond.key)
    .flatMap(readingsOf)
    .filter((r) => cond.item === undefined || r.id === cond.item)
    .flatMap((r) => {
      const t = thresholdOf(threshold, r);
      return t === null ? [] : [{ ...r, threshold: t }];
    });
  if (readings.length === 0) return { holds: false, latched: false, evidence: null };
  // "above" is at or above (reaching level III counts), "below" strictly below; once latched, the
  // hysteresis band still counts as past.
  const slack = before.latched ? cond.hysteresis : 0;
  const past = (r: { value: number; threshold: number }) => (above ? r.value >= r.threshold - slack : r.value < r.threshold + slack);
  const qualified = readings.filter(past);
  const holds = cond.match === 'all' ? qualified.length === readings.length : qualified.length > 0;
  if (!holds) return { holds, latched: false, evidence: null };
  // The reading furthest past its threshold speaks for the rest.
  const margin = (r: { value: number; threshold: number }) => (above ? r.value - r.threshold : r.threshold - r.value);
  const lead = [...qualified].sort((a, b) => margin(b) - margin(a))[0];
  return { holds, latched: true, evidence: lead ? { reading: lead, count: qualified.length } : null };
}

function alertNow(cond: AlertCondition, data: DataLookup): Raw {
  const events = cond.events?.map((e) => e.toLowerCase());
  const names = cond.area?.names?.map((n) => n.toLowerCase());
  const box = cond.area?.bbox;
  const matches = data(cond.key)
    .flatMap(alertsOf)
    .filter((a) => SEVERITY_RANK[a.severity] >= SEVERITY_RANK[cond.minSeverity])
    .filter((a) => !events || (a.event !== undefined && events.includes(a.event.toLowerCase())))
    .filter((a) => {
      if (!cond.area) return true;
      const byName = names?.some((n) => a.area.toLowerCase().includes(n)) ?? false;
      const inBox = box !== undefined && a.lat !== undefined && a.lon !== undefined && a.lon >= box[0] && a.lon <= box[2] && a.lat >= box[1] && a.lat <= box[3];
      return byName || inBox;
    });
  const lead = [...matches].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])[0];
  if (!lead) return { holds: false, latched: false, evidence: null };
  return { holds: true, latched: true, evidence: { alert: lead, count: matches.length, severity: lead.severity } };
}

function worst(list: ReadonlyArray<Evidence | null>): Evidence | null {
  const present = list.filter((e): e is Evidence => e !== null);
  const rank = (e: Evidence) => (e.severity ? SEVERITY_RANK[e.severity] : -1);
  return [...present].sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

/** Every key pattern a condition reads, to know which data can change its answer. */
export function patternsOf(cond: Condition): string[] {
  if ('of' in cond) return cond.of.flatMap(patternsOf);
  return [cond.key];
}

export { keyMatcher };
