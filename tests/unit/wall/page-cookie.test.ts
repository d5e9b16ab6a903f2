import { describe, expect, it } from 'vitest';
import { cookieAllows, issuePageCookie, pageCookieName, pageCookieValue, parseCookies } from '../../../electron/web-host/page-cookie.js';

// Issue 14, item 6: the page token is exchanged for a cookie; these are its parsing and issuing rules.

const tokens = { console: 'console-token-0123456789', screen: 'screen-token-0123456789' };
const cookie = (role: 'console' | 'screen', token: string, port = 4280) => `${pageCookieName(role, port)}=${pageCookieValue(token)}`;

describe('parsing a Cookie header', () => {
  it('reads name=value pairs, trims, unquotes, keeps the first of a repeated name', () => {
    expect([...parseCookies(' a=1; b="two" ;c=x=y; a=3; =bad; noequals; d=')]).toEqual([['a', '1'], ['b', 'two'], ['c', 'x=y'], ['d', '']]);
  });

  it('reads a missing, empty or oversized header as no cookies, never throwing', () => {
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('').size).toBe(0);
    expect(parseCookies(`a=${'x'.repeat(9000)}`).size).toBe(0);
    expect(parseCookies('%zz=%zz; b=%E0%A4%A').get('b')).toBe('%E0%A4%A');
  });
});

describe('issuing the page cookie', () => {
  it('is HttpOnly, SameSite=Strict, host-only on /, Secure only under TLS, and holds no token', () => {
    const plain = issuePageCookie(tokens.console, 'console', 4280, false);
    expect(plain).toBe(`tc-console-4280=${pageCookieValue(tokens.console)}; Path=/; HttpOnly; SameSite=Strict`);
    expect(plain).not.toContain(tokens.console);
    expect(plain).not.toMatch(/Domain|Max-Age|Expires/);
    expect(issuePageCookie(tokens.screen, 'screen', 443, true)).toBe(`tc-screen-443=${pageCookieValue(tokens.screen)}; Path=/; HttpOnly; SameSite=Strict; Secure`);
  });

  it('derives a different value per token', () => {
    expect(pageCookieValue(tokens.console)).not.toBe(pageCookieValue(tokens.screen));
    expect(pageCookieValue(tokens.console)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('what a cookie lets in', () => {
  it('the console cookie opens the console and screens; the screen cookie only screens', () => {
    expect(cookieAllows(tokens, cookie('console', tokens.console), 'console', 4280)).toBe(true);
    expect(cookieAllows(tokens, cookie('console', tokens.console), 'screen', 4280)).toBe(true);
    expect(cookieAllows(tokens, cookie('screen', tokens.screen), 'screen', 4280)).toBe(true);
    expect(cookieAllows(tokens, cookie('screen', tokens.screen), 'console', 4280)).toBe(false);
    // A screen-token value put in the console's cookie does not make a console.
    expect(cookieAllows(tokens, cookie('console', tokens.screen), 'console', 4280)).toBe(false);
  });

  it('refuses another port\'s cookie, a wrong value, the raw token, and no cookie', () => {
    expect(cookieAllows(tokens, cookie('console', tokens.console, 4281), 'console', 4280)).toBe(false);
    expect(cookieAllows(tokens, `${pageCookieName('console', 4280)}=${tokens.console}`, 'console', 4280)).toBe(false);
    expect(cookieAllows(tokens, cookie('console', 'another-token'), 'console', 4280)).toBe(false);
    expect(cookieAllows(tokens, undefined, 'screen', 4280)).toBe(false);
  });

  it('stops working when the tokens are rotated', () => {
    expect(cookieAllows({ console: 'new-console', screen: 'new-screen' }, cookie('console', tokens.console), 'screen', 4280)).toBe(false);
  });
});
