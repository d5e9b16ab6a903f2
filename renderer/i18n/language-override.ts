import { createContext } from 'react';
import type { Language } from '../../common/state.js';

/** A page-local language (the sign-in page, before anyone may change the wall's); null follows the wall. */
export const LanguageOverride = createContext<Language | null>(null);
