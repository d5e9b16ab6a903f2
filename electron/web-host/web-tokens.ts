import type { ClientRole } from '../../common/contract.js';
import { newToken, sameToken as same } from '../../node-common/tokens.js';

// Access tokens for the web host: the console token may change the wall, the screen token only shows it.
export interface WebTokens {
  console: string;
  screen: string;
}

export function createWebTokens(): WebTokens {
  return { console: newToken(), screen: newToken() };
}

/** Whether `token` lets a client take `role`. The console token also opens screens. */
export function tokenAllows(tokens: WebTokens, token: string | null, role: ClientRole): boolean {
  if (!token) return false;
  const isConsole = same(token, tokens.console);
  const isScreen = same(token, tokens.screen);
  return role === 'console' ? isConsole : isConsole || isScreen;
}
