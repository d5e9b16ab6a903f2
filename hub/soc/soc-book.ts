import type { DataEntry } from '../../common/protocol/data.js';
import { parseWazuhAlert, type SecurityEvent } from './wazuh.js';

// The SOC's recent security events, kept by the hub and published as two data keys: every event for
// the SOC panel (`security.events`), and the serious ones as alerts (`alerts.soc`) for the ticker and
// for rules (event = the Wazuh rule group).

export const SOC_EVENTS_KEY = 'security.events';
export const SOC_ALERTS_KEY = 'alerts.soc';
const KEEP = 200;
const ALERT_LEVELS = new Set(['danger', 'critical']);

export interface SocIngest {
  accepted: number;
  refused: Array<{ index: number; message: string }>;
}

export class SocBook {
  private events: Array<SecurityEvent & { group: string | null }> = [];

  /** Wazuh alerts (one object or an array) in; the entries to publish out (none when nothing was accepted). */
  ingest(body: unknown, now: number): { result: SocIngest; entries: DataEntry[] } {
    const list = Array.isArray(body) ? body : [body];
    const refused: SocIngest['refused'] = [];
    let accepted = 0;
    list.slice(0, 1000).forEach((item, index) => {
      const parsed = parseWazuhAlert(item);
      if (!parsed.ok) return void refused.push({ index, message: parsed.message });
      this.events = [{ ...parsed.event, group: parsed.group }, ...this.events.filter((e) => e.id !== parsed.event.id)];
      accepted++;
    });
    if (list.length > 1000) refused.push({ index: 1000, message: `${list.length - 1000} more alerts than the 1000 one request may carry were left out` });
    this.events.sort((a, b) => b.at - a.at);
    this.events.length = Math.min(this.events.length, KEEP);
    return { result: { accepted, refused }, entries: accepted ? this.entries(now) : [] };
  }

  private entries(now: number): DataEntry[] {
    const items = this.events.map(({ group: _group, ...e }) => e);
    const alerts = this.events
      .filter((e) => ALERT_LEVELS.has(e.severity))
      .slice(0, 50)
      .map((e) => ({
        id: e.id,
        severity: e.severity,
        title: { vi: `An ninh mạng: ${e.description} (${e.asset})`.slice(0, 300), en: `Cyber security: ${e.description} (${e.asset})`.slice(0, 300) },
        area: e.asset,
        at: e.at,
        ...(e.group ? { event: e.group.slice(0, 120) } : {}),
      }));
    return [
      { key: SOC_EVENTS_KEY, value: { type: 'security-events', items }, at: now },
      { key: SOC_ALERTS_KEY, value: { type: 'alerts', items: alerts }, at: now },
    ];
  }
}
