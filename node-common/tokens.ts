import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Bearer tokens as both the wall node and the hub make and compare them.

/** 24 random bytes, URL-safe: long enough that guessing is hopeless, short enough for a URL. */
export const newToken = (): string => randomBytes(24).toString('base64url');

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality whatever the lengths (both sides are hashed first). */
export function sameToken(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Short, non-reversible tag of a presented token, so refused attempts can be correlated in the log. */
export const tokenTag = (token: string): string => digest(token).subarray(0, 4).toString('hex');
