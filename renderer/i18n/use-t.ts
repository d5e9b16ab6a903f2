import { useCallback, useContext, useMemo } from 'react';
import type { AppError } from '../../common/result.js';
import type { Language } from '../../common/state.js';
import { useWallState } from '../state/store-context.js';
import { errorText } from './error-text.js';
import { LanguageOverride } from './language-override.js';
import { translator, type Translate } from './translate.js';

export { translate, type MessageKey, type Translate } from './translate.js';

/** The wall's language (Vietnamese until the state arrives), switchable from the console; the sign-in page may choose its own. */
export function useLanguage(): Language {
  const wall = useWallState().state?.language ?? 'vi';
  return useContext(LanguageOverride) ?? wall;
}

/** Stable while the language stays, so effects may depend on it. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translator(language), [language]);
}

/** A refusal from the main process in the page's language (see error-text.ts). */
export function useErrorText(): (error: Pick<AppError, 'code' | 'message' | 'params'>) => string {
  const language = useLanguage();
  return useCallback((error) => errorText(language, error), [language]);
}
