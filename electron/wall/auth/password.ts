import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// Passwords are stored as "scrypt$N$r$p$salt$hash" (salt and hash in base64), so the parameters
// travel with each hash and can be raised later without locking anyone out (see needsRehash).

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's current scrypt minimum (Password Storage Cheat Sheet): N=2^17, r=8, p=1, 128 MiB and a few
 * hundred ms per hash, so hashes run a few at a time (hash-slots.ts). Older hashes are redone at sign-in.
 */
export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) refuses N=2^17, so allow twice that.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  // NFC: a Vietnamese password typed with another input method must still match.
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bounds keep a damaged row from asking for gigabytes of memory.
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 20 || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { params: { N, r, p }, salt, key };
}

/** Whether `password` matches `stored`; false for a malformed hash. Constant-time comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with other parameters than `params` (re-hash it at the next login). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_PARAMS): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

/** A hash of nothing anyone knows: an unknown user's login costs the same time as a known one's. */
const dummies = new Map<string, Promise<string>>();
export function dummyHash(params: ScryptParams = DEFAULT_PARAMS): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}`;
  let hash = dummies.get(key);
  if (!hash) dummies.set(key, (hash = hashPassword(randomBytes(24).toString('base64'), params)));
  return hash;
}
