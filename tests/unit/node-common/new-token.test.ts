import { describe, expect, it } from 'vitest';
import { newToken } from '../../../node-common/tokens.js';

describe('newToken', () => {
  it('never starts with "-", which a command line takes for an option (1 in 64 base64url tokens did)', () => {
    const tokens = Array.from({ length: 2000 }, newToken);
    expect(tokens.filter((t) => t.startsWith('-'))).toEqual([]);
    expect(new Set(tokens).size).toBe(2000);
    for (const t of tokens.slice(0, 50)) expect(t).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{31}$/);
  });
});
