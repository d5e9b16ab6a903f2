import type { Language } from '../../../common/state.js';
import { LOCALES } from '../../i18n/locale.js';

export interface ClockFormat {
  timeZone: string;
  showSeconds: boolean;
  showDate: boolean;
  language: Language;
}

export interface ClockFormatter {
  (date: Date): { time: string; date: string | null };
}

/** A formatter for the clock, or null when the time zone is not one Intl knows. */
export function clockFormatter({ timeZone, showSeconds, showDate, language }: ClockFormat): ClockFormatter | null {
  const locale = LOCALES[language];
  let time: Intl.DateTimeFormat;
  let day: Intl.DateTimeFormat;
  try {
    time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', ...(showSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23' });
    day = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  } catch {
    return null;
  }
  return (date) => ({ time: time.format(date), date: showDate ? day.format(date) : null });
}

/** Milliseconds until the next whole second, so the display turns over with the real clock. */
export function msToNextSecond(now: number): number {
  return 1000 - (now % 1000);
}
