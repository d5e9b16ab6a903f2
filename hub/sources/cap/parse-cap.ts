import { parseSafeXml, xmlText } from './safe-xml.js';
import { circleRing, parsePolygon, type Ring } from './cap-geometry.js';

// A CAP 1.2 alert (OASIS, ITU-T X.1303) read into what the wall needs: who sent it, its kind, which
// alerts it updates or cancels, and its info blocks (one per language) with their areas. Anything
// required that is missing or malformed is refused with the element's name.

export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];

export interface CapArea {
  desc: string;
  /** [lon, lat] rings, closed; circles already turned into rings. */
  rings: Ring[];
}

export interface CapInfo {
  language: string;
  event: string;
  headline: string | null;
  severity: CapSeverity;
  urgency: (typeof CAP_URGENCIES)[number];
  certainty: (typeof CAP_CERTAINTIES)[number];
  expires: number | null;
  areas: CapArea[];
}

export interface CapAlert {
  identifier: string;
  sender: string;
  sent: number;
  status: 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
  msgType: 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error';
  /** "sender,identifier" of each alert this one updates or cancels. */
  references: string[];
  infos: CapInfo[];
}

export type CapResult = { ok: true; alert: CapAlert } | { ok: false; message: string };

const MAX_INFOS = 10;
const MAX_AREAS = 20;

export function parseCap(xml: string, maxBytes: number): CapResult {
  const read = parseSafeXml(xml, maxBytes);
  if (!read.ok) return read;
  return capFromElement(read.doc.alert);
}

/** An <alert> element already parsed (a feed's inline entry, or a whole document's root). */
export function capFromElement(el: unknown): CapResult {
  if (!el || typeof el !== 'object' || Array.isArray(el)) return { ok: false, message: 'no CAP <alert> element' };
  const a = el as Record<string, unknown>;
  const need = (name: string, max = 500): string | { error: string } => {
    const t = xmlText(a[name]);
    if (!t) return { error: `<alert> has no <${name}>` };
    return t.length > max ? { error: `<${name}> is longer than ${max} characters` } : t;
  };
  const identifier = need('identifier');
  const sender = need('sender');
  const sentText = need('sent', 40);
  const status = need('status', 20);
  const msgType = need('msgType', 20);
  for (const v of [identifier, sender, sentText, status, msgType]) if (typeof v !== 'string') return { ok: false, message: v.error };
  const sent = parseCapTime(sentText as string);
  if (sent === null) return { ok: false, message: `<sent> "${String(sentText).slice(0, 40)}" is not a CAP date-time (2026-12-07T18:00:00+07:00)` };
  if (!['Actual', 'Exercise', 'System', 'Test', 'Draft'].includes(status as string)) return { ok: false, message: `<status> "${String(status).slice(0, 20)}" is not Actual, Exercise, System, Test or Draft` };
  if (!['Alert', 'Update', 'Cancel', 'Ack', 'Error'].includes(msgType as string)) return { ok: false, message: `<msgType> "${String(msgType).slice(0, 20)}" is not Alert, Update, Cancel, Ack or Error` };
  const references = (xmlText(a.references) ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 50)
    .map((r) => r.split(',').slice(0, 2).join(','));
  if ((msgType === 'Update' || msgType === 'Cancel') && references.length === 0) return { ok: false, message: `a ${String(msgType)} needs <references> (sender,identifier,sent of the alert it replaces)` };
  const infos: CapInfo[] = [];
  const rawInfos = Array.isArray(a.info) ? a.info.slice(0, MAX_INFOS) : [];
  for (const [i, raw] of rawInfos.entries()) {
    const info = readInfo(raw);
    if (typeof info === 'string') return { ok: false, message: `<info> ${i + 1}: ${info}` };
    infos.push(info);
  }
  if (msgType !== 'Cancel' && msgType !== 'Ack' && msgType !== 'Error' && infos.length === 0) return { ok: false, message: `an ${String(msgType)} needs at least one <info>` };
  return {
    ok: true,
    alert: { identifier: identifier as string, sender: sender as string, sent, status: status as CapAlert['status'], msgType: msgType as CapAlert['msgType'], references, infos },
  };
}

function readInfo(raw: unknown): CapInfo | string {
  if (!raw || typeof raw !== 'object') return 'empty';
  const i = raw as Record<string, unknown>;
  const event = xmlText(i.event);
  if (!event) return 'no <event>';
  const severity = xmlText(i.severity);
  const urgency = xmlText(i.urgency);
  const certainty = xmlText(i.certainty);
  if (!CAP_SEVERITIES.includes(severity as CapSeverity)) return `<severity> "${String(severity).slice(0, 20)}" is not one of ${CAP_SEVERITIES.join(', ')}`;
  if (!CAP_URGENCIES.includes(urgency as CapInfo['urgency'])) return `<urgency> "${String(urgency).slice(0, 20)}" is not one of ${CAP_URGENCIES.join(', ')}`;
  if (!CAP_CERTAINTIES.includes(certainty as CapInfo['certainty'])) return `<certainty> "${String(certainty).slice(0, 20)}" is not one of ${CAP_CERTAINTIES.join(', ')}`;
  const expiresText = xmlText(i.expires);
  const expires = expiresText ? parseCapTime(expiresText) : null;
  if (expiresText && expires === null) return `<expires> "${expiresText.slice(0, 40)}" is not a CAP date-time`;
  const areas: CapArea[] = [];
  for (const [n, rawArea] of (Array.isArray(i.area) ? i.area.slice(0, MAX_AREAS) : []).entries()) {
    if (!rawArea || typeof rawArea !== 'object') return `<area> ${n + 1} is empty`;
    const area = rawArea as Record<string, unknown>;
    const desc = xmlText(area.areaDesc);
    if (!desc) return `<area> ${n + 1} has no <areaDesc>`;
    const rings: Ring[] = [];
    for (const p of Array.isArray(area.polygon) ? area.polygon : []) {
      const ring = parsePolygon(xmlText(p) ?? '');
      if (typeof ring === 'string') return `<area> ${n + 1} <polygon>: ${ring}`;
      rings.push(ring);
    }
    for (const c of Array.isArray(area.circle) ? area.circle : []) {
      const ring = circleRing(xmlText(c) ?? '');
      if (typeof ring === 'string') return `<area> ${n + 1} <circle>: ${ring}`;
      rings.push(ring);
    }
    areas.push({ desc: desc.slice(0, 300), rings });
  }
  return {
    language: (xmlText(i.language) ?? 'en-US').slice(0, 20),
    event: event.slice(0, 300),
    headline: xmlText(i.headline)?.slice(0, 300) ?? null,
    severity: severity as CapSeverity,
    urgency: urgency as CapInfo['urgency'],
    certainty: certainty as CapInfo['certainty'],
    expires,
    areas,
  };
}

/** CAP times carry an explicit offset (2026-12-07T18:00:00+07:00); "Z" is tolerated. */
export function parseCapTime(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(text)) return null;
  const t = Date.parse(text);
  return Number.isFinite(t) && t >= 0 ? t : null;
}
