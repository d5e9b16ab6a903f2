import { useContext } from 'react';
import type { Language } from '../../common/state.js';
import { useWallState } from '../state/store-context.js';
import { LanguageOverride } from './language-override.js';
import { en } from './en.js';
import { vi, type MessageKey } from './vi.js';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[language][key];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/** The wall's language (Vietnamese until the state arrives), switchable from the console; the sign-in page may choose its own. */
export function useLanguage(): Language {
  const wall = useWallState().state?.language ?? 'vi';
  return useContext(LanguageOverride) ?? wall;
}

export function useT(): Translate {
  const language = useLanguage();
  return (key, params) => translate(language, key, params);
}
