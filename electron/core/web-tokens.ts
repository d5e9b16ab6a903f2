import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ClientRole } from '../../common/contract.js';

// Access tokens for the web host: the console token may change the wall, the screen token only shows it.
export interface WebTokens {
  console: string;
  screen: string;
}

export function createWebTokens(): WebTokens {
  return { console: randomBytes(24).toString('base64url'), screen: randomBytes(24).toString('base64url') };
}

// Hash first so the comparison takes the same time whatever the lengths.
function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Whether `token` lets a client take `role`. The console token also opens screens. */
export function tokenAllows(tokens: WebTokens, token: string | null, role: ClientRole): boolean {
  if (!token) return false;
  const isConsole = same(token, tokens.console);
  const isScreen = same(token, tokens.screen);
  return role === 'console' ? isConsole : isConsole || isScreen;
}
