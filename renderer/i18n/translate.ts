import type { Language } from '../../common/state.js';
import { en } from './en.js';
import { vi, type MessageKey } from './vi.js';

// The one way the page turns a key into words: React code through useT(), panels and drawing code
// through translate()/translator() with the language they were given.

export type { MessageKey };
export type TextParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: TextParams) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };

export function translate(language: Language, key: MessageKey, params?: TextParams): string {
  const text = dictionaries[language][key];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

export function translator(language: Language): Translate {
  return (key, params) => translate(language, key, params);
}

/** For keys built at run time (`error.${code}`): whether the dictionaries have them. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/** The {names} a text fills in. */
export function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).map((hole) => hole.slice(1, -1));
}
