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
