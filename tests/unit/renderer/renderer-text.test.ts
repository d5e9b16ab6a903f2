import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../../electron/web-host/security-headers.js';
import { clockFormatter, msToNextSecond } from '../../../renderer/panels/clock/format-clock.js';
import { en } from '../../../renderer/i18n/en.js';
import { translate } from '../../../renderer/i18n/use-t.js';
import { vi } from '../../../renderer/i18n/vi.js';
import { parseRoute } from '../../../renderer/route.js';

describe('clock', () => {
  const at = new Date('2026-11-25T04:05:06Z'); // 11:05:06 in Hà Nội
  it('formats Vietnamese time and date in the panel time zone, English when asked', () => {
    const viClock = clockFormatter({ timeZone: 'Asia/Ho_Chi_Minh', showSeconds: true, showDate: true, language: 'vi' })!;
    expect(viClock(at)).toEqual({ time: '11:05:06', date: expect.stringMatching(/^Thứ Tư, 25 tháng 11,? 2026$/) });
    const enClock = clockFormatter({ timeZone: 'UTC', showSeconds: false, showDate: true, language: 'en' })!;
    expect(enClock(at)).toEqual({ time: '04:05', date: expect.stringMatching(/^Wednesday,? 25 November 2026$/) });
    expect(clockFormatter({ timeZone: 'UTC', showSeconds: true, showDate: false, language: 'vi' })!(at).date).toBeNull();
  });
  it('refuses a time zone Intl does not know, so the panel can say which field is wrong', () => {
    expect(clockFormatter({ timeZone: 'Mars/Olympus', showSeconds: true, showDate: true, language: 'vi' })).toBeNull();
  });
  it('waits until the next whole second', () => {
    expect(msToNextSecond(10_000)).toBe(1000);
    expect(msToNextSecond(10_999)).toBe(1);
    expect(msToNextSecond(10_250)).toBe(750);
  });
});

describe('UI strings', () => {
  it('has every Vietnamese string in English with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) expect(holes(en[key]), key).toEqual(holes(vi[key]));
  });
  it('fills placeholders', () => {
    expect(translate('vi', 'console.actionFailed', { message: 'mất kết nối' })).toBe('Không thực hiện được: mất kết nối');
    expect(translate('en', 'identify.grid', { row: 1, col: 2 })).toBe('row 1, column 2');
  });
});

describe('routes', () => {
  it('knows the screen and console pages and nothing else', () => {
    expect(parseRoute('/screen/A1')).toEqual({ page: 'screen', screenId: 'A1' });
    expect(parseRoute('/console/')).toEqual({ page: 'console' });
    expect(parseRoute('/')).toEqual({ page: 'not-found', path: '/' });
    expect(parseRoute('/screen/A1/extra')).toEqual({ page: 'not-found', path: '/screen/A1/extra' });
  });
});

describe('content security policy', () => {
  it('is the same in the page meta tag as in the web host header (less frame-ancestors)', () => {
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(meta).not.toContain('unsafe');
  });
});
