import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, hashPassword, needsRehash, verifyPassword } from '../../../electron/wall/auth/password.js';

const cheap = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('stores the parameters and a random salt with each hash, and verifies only the right password', async () => {
    const a = await hashPassword('mật khẩu đủ dài', cheap);
    const b = await hashPassword('mật khẩu đủ dài', cheap);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu đủ dài', a)).toBe(true);
    expect(await verifyPassword('mật khẩu đủ dài', b)).toBe(true);
    expect(await verifyPassword('mat khau du dai', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('matches a Vietnamese password typed in decomposed form (NFD) against one set in NFC', async () => {
    const nfc = 'Lũ lụt miền Trung'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(await verifyPassword(nfd, await hashPassword(nfc, cheap))).toBe(true);
  });

  it("uses OWASP's current scrypt parameters by default (N=2^17, r=8, p=1), within Node's memory limit", () => {
    expect(DEFAULT_PARAMS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });

  it('uses the default cost unless told otherwise, and says when a hash should be redone', async () => {
    const strong = await hashPassword('correct horse battery', DEFAULT_PARAMS);
    expect(strong.startsWith(`scrypt$${DEFAULT_PARAMS.N}$${DEFAULT_PARAMS.r}$${DEFAULT_PARAMS.p}$`)).toBe(true);
    expect(needsRehash(strong)).toBe(false);
    expect(needsRehash(await hashPassword('x'.repeat(12), cheap))).toBe(true);
    expect(await verifyPassword('correct horse battery', strong)).toBe(true);
  });

  it('refuses malformed or hostile stored hashes instead of throwing', async () => {
    const good = await hashPassword('một mật khẩu dài', cheap);
    const parts = good.split('$');
    for (const bad of [
      '',
      'plain',
      good.replace('scrypt', 'bcrypt'),
      [parts[0], 2 ** 30, ...parts.slice(2)].join('$'), // absurd memory
      [parts[0], 1000, ...parts.slice(2)].join('$'), // not a power of two
      [...parts.slice(0, 5), 'AAAA'].join('$'), // truncated key
    ]) {
      expect(await verifyPassword('một mật khẩu dài', bad)).toBe(false);
    }
  });
});
