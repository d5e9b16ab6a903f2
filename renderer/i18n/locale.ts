import type { Language } from '../../common/state.js';

// Data that carries its own words in both languages (a panel's title and titleEn, a feature's name and
// name_en) and dates in the page's language: the same choice everywhere instead of a check in each file.

export const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The English variant when English is shown and there is one; the Vietnamese otherwise. */
export function inLanguage<T>(language: Language, vi: T, en: T | null | undefined): T {
  return language === 'en' && en !== undefined && en !== null && en !== '' ? en : vi;
}

export function formatDateTime(language: Language, at: number): string {
  return new Date(at).toLocaleString(LOCALES[language]);
}

export function formatClockTime(language: Language, at: number): string {
  return new Date(at).toLocaleTimeString(LOCALES[language]);
}

/** A number with the language's decimal mark (7,62 / 7.62), no grouping: map labels stay short. */
export function formatDecimal(language: Language, value: number, digits: number): string {
  const text = value.toFixed(digits);
  return language === 'vi' ? text.replace('.', ',') : text;
}
