import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Bearer tokens as both the wall node and the hub make and compare them.

/** 24 random bytes, URL-safe: long enough that guessing is hopeless, short enough for a URL. */
/** 24 random bytes, base64url; never starting with '-', which command lines take for an option (`--hub-token -x…`). */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(24).toString('base64url');
    if (!token.startsWith('-')) return token;
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality whatever the lengths (both sides are hashed first). */
export function sameToken(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Short, non-reversible tag of a presented token, so refused attempts can be correlated in the log. */
export const tokenTag = (token: string): string => digest(token).subarray(0, 4).toString('hex');
