import type { Language } from '../../../common/state.js';
import { translate } from '../../i18n/translate.js';
import { displayTimeZone } from '../../i18n/locale.js';

// Numbers, ages and times as the wall shows them: vi-VN (12.850; 7,62) or en-US (12,850; 7.62).

export const NUMBER_LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' };

const formatters = new Map<string, Intl.NumberFormat>();

/** Decimal places a value has (at most `max`), so 7.6 shows as 7,6 and 12850 without a comma. */
export function decimalsOf(value: number, max = 2): number {
  for (let d = 0; d < max; d++) if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-9) return d;
  return max;
}

export function formatNumber(value: number, language: Language, digits?: number): string {
  const d = digits ?? decimalsOf(value);
  const id = `${language}:${d}`;
  let f = formatters.get(id);
  if (!f) formatters.set(id, (f = new Intl.NumberFormat(NUMBER_LOCALES[language], { minimumFractionDigits: d, maximumFractionDigits: d })));
  return f.format(value);
}

/** Stale: older than the period the indicator is expected to be updated in. */
export function isStale(at: number, periodS: number | undefined, now: number): boolean {
  return periodS !== undefined && now - at > periodS * 1000;
}

const relative = new Map<Language, Intl.RelativeTimeFormat>();

/** "3 phút trước" / "3 minutes ago": the age of a value in the largest whole unit. */
export function formatAge(ms: number, language: Language): string {
  let f = relative.get(language);
  if (!f) relative.set(language, (f = new Intl.RelativeTimeFormat(NUMBER_LOCALES[language], { numeric: 'auto' })));
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return f.format(-s, 'second');
  if (s < 3600) return f.format(-Math.floor(s / 60), 'minute');
  if (s < 86_400) return f.format(-Math.floor(s / 3600), 'hour');
  return f.format(-Math.floor(s / 86_400), 'day');
}

const clock = new Map<string, Intl.DateTimeFormat>();

/** Time of day (and the date when it is not today) in Vietnam's time zone: "14:05" or "14:05 24/11". */
export function formatTime(at: number, now: number, language: Language): string {
  const get = (id: string, opts: Intl.DateTimeFormatOptions) => {
    const zone = displayTimeZone();
    let f = clock.get(`${language}:${zone}:${id}`);
    if (!f) clock.set(`${language}:${zone}:${id}`, (f = new Intl.DateTimeFormat(NUMBER_LOCALES[language], { timeZone: zone, ...opts })));
    return f;
  };
  const time = get('t', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  // Day and month from parts: ICU versions differ on the separator ("24/11" or "24-11").
  const parts = get('d', { day: '2-digit', month: '2-digit' });
  const day = (t: number) => {
    const p = Object.fromEntries(parts.formatToParts(t).map((x) => [x.type, x.value]));
    return translate(language, 'kpi.dayMonth', { day: p['day'] ?? '', month: p['month'] ?? '' });
  };
  return day(at) === day(now) ? time : `${time} ${day(at)}`;
}

/** Build a language's formatters ahead of the first value (ICU data for a time zone takes a while to load). */
export function warmFormatters(language: Language): void {
  const now = Date.now();
  formatNumber(0, language, 0);
  formatNumber(0.5, language, 1);
  formatTime(now, now, language);
}

/** Share of a target reached, as a whole percent. */
export function targetShare(value: number, target: number | undefined): number | null {
  if (target === undefined || target === 0) return null;
  return Math.round((value / target) * 100);
}
