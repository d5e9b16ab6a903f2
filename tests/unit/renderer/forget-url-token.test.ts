import { describe, expect, it } from 'vitest';
import { socketUrl } from '../../../renderer/bridge/socket-url.js';
import { forgetUrlToken, withoutToken } from '../../../renderer/bridge/url-token.js';

// Issue 14, item 6: the page's address loses its token; other query values and the hash stay.

describe('the page address without its token', () => {
  it('replaces the history entry, keeping its state', () => {
    const replaced: unknown[][] = [];
    const history = { state: { k: 1 }, replaceState: (...args: unknown[]) => void replaced.push(args) };
    expect(forgetUrlToken({ location: { href: 'http://10.0.0.5:4280/screen/A1?token=abc%2Fd&lang=en#top' }, history })).toBe(true);
    expect(replaced).toEqual([[{ k: 1 }, '', '/screen/A1?lang=en#top']]);
    expect(forgetUrlToken({ location: { href: 'http://10.0.0.5:4280/console' }, history })).toBe(false);
    expect(replaced).toHaveLength(1);
  });

  it('drops only the token', () => {
    expect(withoutToken('http://h:1/console?token=x')).toBe('/console');
    expect(withoutToken('http://h:1/screen?pair=1&token=x&token=y')).toBe('/screen?pair=1');
    expect(withoutToken('http://h:1/console')).toBeNull();
  });

  it('the socket then goes without a token (the cookie lets it in)', () => {
    expect(socketUrl({ protocol: 'https:', host: 'h:1', search: '' }, { role: 'console' })).toBe('wss://h:1/ws?role=console');
  });
});
