import { describe, expect, it } from 'vitest';
import { pageIdentity, socketUrl } from '../../../renderer/bridge/socket-url.js';
import { parseRoute } from '../../../renderer/route.js';
import { newPairCode, PAIR_CODE, pairCode } from '../../../renderer/screen/pair-code.js';

describe('a /screen page without a screen id', () => {
  it('is the pairing page, and connects as a screen with its code', () => {
    expect(parseRoute('/screen')).toEqual({ page: 'pair' });
    expect(parseRoute('/screen/')).toEqual({ page: 'pair' });
    const who = pageIdentity('/screen', () => 'K7M2QX');
    expect(who).toEqual({ role: 'screen', pairCode: 'K7M2QX' });
    expect(socketUrl({ protocol: 'http:', host: '10.0.0.5:4280', search: '?token=t' }, who)).toBe('ws://10.0.0.5:4280/ws?token=t&role=screen&pair=K7M2QX');
  });

  it('gets a readable code (no 0, O, 1 or I) and keeps it for the tab', () => {
    expect(newPairCode(() => Uint8Array.from([0, 8, 31, 32, 255, 24]))).toBe('AJ9A92');
    const codes = Array.from({ length: 200 }, () => newPairCode());
    expect(codes.every((c) => PAIR_CODE.test(c) && !/[01OI]/.test(c))).toBe(true);
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    const first = pairCode(storage);
    expect(pairCode(storage)).toBe(first);
  });
});
