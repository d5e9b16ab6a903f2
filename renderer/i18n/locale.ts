import type { Language } from '../../common/state.js';

// Data that carries its own words in both languages (a panel's title and titleEn, a feature's name and
// name_en) and dates in the page's language: the same choice everywhere instead of a check in each file.

export const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The English variant when English is shown and there is one; the Vietnamese otherwise. */
export function inLanguage<T>(language: Language, vi: T, en: T | null | undefined): T {
  return language === 'en' && en !== undefined && en !== null && en !== '' ? en : vi;
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
let timeZone = DEFAULT_TIME_ZONE;
let parts: Intl.DateTimeFormat | null = null;

/** The centre's time zone (the wall's `timeZone`), set when the page gets the wall's state. */
export function setDisplayTimeZone(zone: string | undefined): void {
  const next = zone ?? DEFAULT_TIME_ZONE;
  if (next === timeZone) return;
  timeZone = next;
  parts = null;
}

export function displayTimeZone(): string {
  return timeZone;
}

// One format in both languages, day first: "07/12/2026 12:44:23" (a locale's own order misleads: 12/7 or 7/12).
function dateParts(at: number): Record<string, string> {
  if (!parts) {
    const opts = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;
    try {
      parts = new Intl.DateTimeFormat('en-GB', { ...opts, timeZone });
    } catch {
      parts = new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: DEFAULT_TIME_ZONE });
    }
  }
  return Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value]));
}

/** dd/MM/yyyy HH:mm:ss in the centre's time zone, whatever the browser's. */
export function formatDateTime(_language: Language, at: number): string {
  const p = dateParts(at);
  return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}:${p['second']}`;
}

/** HH:mm:ss in the centre's time zone. */
export function formatClockTime(_language: Language, at: number): string {
  const p = dateParts(at);
  return `${p['hour']}:${p['minute']}:${p['second']}`;
}

/** dd/MM/yyyy in the centre's time zone. */
export function formatDay(at: number): string {
  const p = dateParts(at);
  return `${p['day']}/${p['month']}/${p['year']}`;
}

/** A number with the language's decimal mark (7,62 / 7.62), no grouping: map labels stay short. */
export function formatDecimal(language: Language, value: number, digits: number): string {
  const text = value.toFixed(digits);
  return language === 'vi' ? text.replace('.', ',') : text;
}

/**
 * "dd/MM/yyyy" or "dd/MM/yyyy HH:mm" typed by a person, read in the centre's time zone (not the browser's):
 * the first and last millisecond it names (a whole day, or a whole minute); null when it is no such date.
 */
export function parseDayTime(text: string): { start: number; end: number } | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const timed = m[4] !== undefined;
  const [hour, minute] = timed ? [Number(m[4]), Number(m[5])] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(asUtc).getUTCDate() !== day) return null; // 31/02 and the like
  // The zone's offset at that moment, found by formatting it there (twice: the offset may change in between).
  const offsetAt = (at: number) => {
    const p = dateParts(at);
    return Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']) % 24, Number(p['minute']), Number(p['second'])) - at;
  };
  let start = asUtc - offsetAt(asUtc);
  start = asUtc - offsetAt(start);
  return { start, end: start + (timed ? 60_000 : 86_400_000) - 1 };
}
