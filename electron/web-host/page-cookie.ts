import { createHmac } from 'node:crypto';
import type { ClientRole } from '../../common/contract.js';
import { sameToken } from '../../node-common/tokens.js';
import type { WebTokens } from './web-tokens.js';

// A page opened with ?token=… gets a cookie in exchange and drops the token from its address (history,
// screenshots, the console's address bar); its reloads and its WebSocket are then let in by the cookie.
// The cookie holds an HMAC of the token, not the token: it opens this host's pages and socket only, and
// it needs no server-side session, so it outlives a restart of the host (a screen reloads unattended) and
// ends when the tokens are rotated. HttpOnly (no script reads it), SameSite=Strict (no other site's page
// sends it), Secure under TLS, host-only (no Domain). Named per role and port: two hosts on one machine,
// or a console and a screen in one browser, do not overwrite each other's.

const LABEL = 'toan-canh page cookie v1';
/** A Cookie header longer than this is not read (browsers send at most a few KB). */
const MAX_COOKIE_HEADER = 8192;

export function pageCookieName(role: ClientRole, port: number): string {
  return `tc-${role}-${port}`;
}

/** What the cookie carries for a token: not the token, and useless for anything but this host's pages. */
export function pageCookieValue(token: string): string {
  return createHmac('sha256', token).update(LABEL).digest('base64url');
}

/** The Set-Cookie header for a page of `role` opened with `token` (already checked). */
export function issuePageCookie(token: string, role: ClientRole, port: number, secure: boolean): string {
  return [`${pageCookieName(role, port)}=${pageCookieValue(token)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** name → value of a Cookie header; never throws (a bad header reads as no cookies). The first of a repeated name wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header || header.length > MAX_COOKIE_HEADER) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** Whether the request's cookies let it take `role`: as with tokens, the console's also opens screens. */
export function cookieAllows(tokens: WebTokens, header: string | undefined, role: ClientRole, port: number): boolean {
  const cookies = parseCookies(header);
  const consoleCookie = cookies.get(pageCookieName('console', port));
  const screenCookie = cookies.get(pageCookieName('screen', port));
  const isConsole = (v: string | undefined) => v !== undefined && sameToken(v, pageCookieValue(tokens.console));
  if (role === 'console') return isConsole(consoleCookie);
  const isScreen = (v: string | undefined) => v !== undefined && (sameToken(v, pageCookieValue(tokens.screen)) || isConsole(v));
  return isScreen(screenCookie) || isConsole(consoleCookie);
}
