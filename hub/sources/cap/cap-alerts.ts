import { createHash } from 'node:crypto';
import type { DataValue } from '../../../common/protocol/data.js';
import type { Localized } from '../../../common/protocol/primitives.js';
import type { CapAlert, CapInfo } from './parse-cap.js';
import type { Ring } from './cap-geometry.js';

// The CAP alerts in force: an Alert adds, an Update replaces the alerts it references, a Cancel
// withdraws them, and an alert leaves by itself when its info expires. What the wall shows follows:
// one alert line per alert (vi info preferred, en next) and its areas on the map.

export type WallLevel = 'info' | 'warning' | 'danger' | 'critical';

export interface ActiveAlert {
  /** The wall's id: a short hash of sender and identifier. */
  id: string;
  ref: string;
  sender: string;
  identifier: string;
  sent: number;
  expires: number | null;
  level: WallLevel;
  event: string;
  severity: CapInfo['severity'];
  urgency: CapInfo['urgency'];
  certainty: CapInfo['certainty'];
  title: Localized;
  areaText: string;
  areas: Array<{ desc: string; rings: Ring[] }>;
}

const LEVELS: WallLevel[] = ['info', 'warning', 'danger', 'critical'];
const BASE: Record<CapInfo['severity'], number> = { Extreme: 3, Severe: 2, Moderate: 1, Minor: 0, Unknown: 0 };

/** Severity sets the level; a message that is not yet due (Future, Past) or not likely (Possible, Unlikely) is one level lower. */
export function wallLevel(info: Pick<CapInfo, 'severity' | 'urgency' | 'certainty'>): WallLevel {
  let n = BASE[info.severity];
  if (info.urgency === 'Future' || info.urgency === 'Past' || info.certainty === 'Possible' || info.certainty === 'Unlikely') n = Math.max(0, n - 1);
  return LEVELS[n] ?? 'info';
}

/** The info block to show for a language: vi preferred, en next, else the first. */
export function pickInfo(infos: readonly CapInfo[], prefer: 'vi' | 'en'): CapInfo | undefined {
  const other = prefer === 'vi' ? 'en' : 'vi';
  const lang = (i: CapInfo, l: string) => i.language.toLowerCase().split('-')[0] === l;
  return infos.find((i) => lang(i, prefer)) ?? infos.find((i) => lang(i, other)) ?? infos[0];
}

const refOf = (sender: string, identifier: string) => `${sender},${identifier}`;
const MAX_ALERTS = 200;
const MAX_WITHDRAWN = 2000;

export class CapAlertBook {
  private readonly alerts = new Map<string, ActiveAlert>();
  /** Alerts cancelled or replaced, so a late copy of the original is not shown again. */
  private readonly withdrawn = new Set<string>();

  /** Apply one message; returns what changed in words (for the log), or null when nothing did. */
  apply(alert: CapAlert, now: number): string | null {
    const ref = refOf(alert.sender, alert.identifier);
    if (alert.msgType === 'Ack' || alert.msgType === 'Error') return null;
    if (this.withdrawn.has(ref) || this.alerts.has(ref)) return null; // a repeat
    const removed = alert.msgType === 'Alert' ? [] : alert.references.filter((r) => this.alerts.delete(r) || true);
    for (const r of removed) this.withdraw(r);
    if (alert.msgType === 'Cancel') {
      this.withdraw(ref);
      return `cancelled ${removed.join(' ')}`;
    }
    const active = toActive(alert, ref);
    if (!active || (active.expires !== null && active.expires <= now)) return removed.length ? `withdrew ${removed.join(' ')} (the update has expired)` : null;
    this.alerts.set(ref, active);
    while (this.alerts.size > MAX_ALERTS) {
      const oldest = [...this.alerts.values()].sort((a, b) => a.sent - b.sent)[0];
      if (oldest) this.alerts.delete(oldest.ref);
    }
    return alert.msgType === 'Update' ? `updated ${removed.join(' ')} → ${ref}` : `added ${ref}`;
  }

  /** Drop expired alerts; true when any left. */
  expire(now: number): boolean {
    let changed = false;
    for (const a of this.alerts.values()) {
      if (a.expires !== null && a.expires <= now) {
        this.alerts.delete(a.ref);
        changed = true;
      }
    }
    return changed;
  }

  /** The next time an alert expires, or null. */
  nextExpiry(): number | null {
    const times = [...this.alerts.values()].map((a) => a.expires).filter((t): t is number => t !== null);
    return times.length ? Math.min(...times) : null;
  }

  active(): ActiveAlert[] {
    return [...this.alerts.values()].sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || b.sent - a.sent);
  }

  alertsValue(): Extract<DataValue, { type: 'alerts' }> {
    return { type: 'alerts', items: this.active().map((a) => ({ id: a.id, severity: a.level, title: a.title, area: a.areaText, at: a.sent })) };
  }

  /** Each ring an area item; the map colours it by level (1 warning and below, 2 danger, 3 critical). */
  areasValue(): Extract<DataValue, { type: 'areas' }> {
    const items: Extract<DataValue, { type: 'areas' }>['items'] = [];
    let points = 0;
    for (const a of this.active()) {
      const level = a.level === 'critical' ? 3 : a.level === 'danger' ? 2 : 1;
      a.areas.forEach((area, n) =>
        area.rings.forEach((ring, m) => {
          if (items.length >= 500 || points + ring.length > 20_000) return;
          points += ring.length;
          items.push({ id: `${a.id}-${n}-${m}`, name: area.desc.slice(0, 120), level, rings: [ring], at: a.sent });
        }),
      );
    }
    return { type: 'areas', items };
  }

  private withdraw(ref: string): void {
    this.withdrawn.add(ref);
    if (this.withdrawn.size > MAX_WITHDRAWN) this.withdrawn.delete(this.withdrawn.values().next().value ?? '');
  }
}

function toActive(alert: CapAlert, ref: string): ActiveAlert | null {
  const vi = pickInfo(alert.infos, 'vi');
  const en = pickInfo(alert.infos, 'en');
  if (!vi || !en) return null;
  const shown = vi;
  const expiries = alert.infos.map((i) => i.expires).filter((t): t is number => t !== null);
  const title = (i: CapInfo) => (i.headline ?? i.event).slice(0, 300);
  const areaText = shown.areas.map((a) => a.desc).join('; ') || shown.event;
  return {
    id: `cap-${createHash('sha256').update(ref).digest('hex').slice(0, 16)}`,
    ref,
    sender: alert.sender,
    identifier: alert.identifier,
    sent: alert.sent,
    // The alert stays while any of its info blocks is in force.
    expires: expiries.length === alert.infos.length && expiries.length ? Math.max(...expiries) : null,
    level: wallLevel(shown),
    event: shown.event,
    severity: shown.severity,
    urgency: shown.urgency,
    certainty: shown.certainty,
    title: { vi: title(vi), en: title(en) },
    areaText: areaText.length > 120 ? `${areaText.slice(0, 119)}…` : areaText,
    areas: shown.areas,
  };
}
