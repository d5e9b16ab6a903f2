import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../../electron/web-host/security-headers.js';
import { clockFormatter, msToNextSecond } from '../../../renderer/panels/clock/format-clock.js';
import { consoleVi } from '../../../renderer/i18n/console-vi.js';
import { en } from '../../../renderer/i18n/en.js';
import { errorText } from '../../../renderer/i18n/error-text.js';
import { errorsVi } from '../../../renderer/i18n/errors-vi.js';
import { formsVi } from '../../../renderer/i18n/forms-vi.js';
import { panelsVi } from '../../../renderer/i18n/panels-vi.js';
import { technicianVi } from '../../../renderer/i18n/technician-vi.js';
import { isMessageKey, placeholders, translate } from '../../../renderer/i18n/translate.js';
import { vi } from '../../../renderer/i18n/vi.js';
import { failureText, sinceText } from '../../../renderer/panels/camera/failure-text.js';
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
  it('defines each key in one part of the dictionary only (a later part would silently replace it)', () => {
    const parts = [technicianVi, panelsVi, errorsVi, consoleVi, formsVi];
    const seen = parts.flatMap((part) => Object.keys(part));
    expect(seen.filter((key, i) => seen.indexOf(key) !== i)).toEqual([]);
  });
});

// Every file under a folder, for the scan of what the main process sends.
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
}

describe('refusals from the main process', () => {
  it('has words in both languages for every code the main process sends with params for the page', () => {
    const codes = new Set<string>();
    for (const file of sources('electron')) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/failWith\(\s*'([^']+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/code: '([^']+)',(?:(?!code:)[\s\S]){0,400}?params:/g)) codes.add(m[1]!);
    }
    expect([...codes].sort()).toEqual(expect.arrayContaining(['auth/throttled', 'auth/not-signed-in', 'backend-offline', 'forbidden']));
    for (const code of codes) expect(isMessageKey(`error.${code}`), code).toBe(true);
  });
  it('says a refusal in the page language from its code and params', () => {
    const forbidden = { code: 'forbidden', message: 'Account "a" (operator) may not do scenario:activate; it needs the role leader or admin.', params: { username: 'a', role: 'operator', channel: 'scenario:activate', roles: 'leader,admin' } };
    expect(errorText('vi', forbidden)).toBe('Tài khoản “a” (cán bộ vận hành) không có quyền thực hiện scenario:activate; cần vai trò: lãnh đạo, quản trị viên.');
    expect(errorText('en', forbidden)).toBe('Account “a” (operator) may not do scenario:activate; it needs the role: leader, administrator.');
    const throttled = { code: 'auth/throttled', message: 'Too many failed sign-ins for "vanhanh"; try again in 8 s.', params: { seconds: 8 } };
    expect(errorText('vi', throttled)).toBe('Đăng nhập sai quá nhiều lần; thử lại sau 8 giây.');
    expect(errorText('vi', { code: 'auth/bad-credentials', message: 'Wrong username or password.' })).toBe('Sai tên đăng nhập hoặc mật khẩu.');
  });
  it("shows the time a link was lost in the page language, on the centre's clock (UTC+7), not the browser's", () => {
    const at = Date.UTC(2026, 10, 25, 7, 5, 9);
    const offline = { code: 'backend-offline', message: 'Backend connection lost since …', params: { sinceAt: at } };
    expect(errorText('vi', offline)).toBe('Mất kết nối máy chủ từ 14:05:09: chưa kích hoạt, để tường không lệch với trung tâm.');
    expect(errorText('en', offline)).toBe('Backend connection lost since 14:05:09: nothing was changed, so the wall does not diverge from the centre.');
  });
  it('falls back to the English message for a code it has no words for, or params it lacks', () => {
    expect(errorText('vi', { code: 'layout/unknown', message: 'no layout "x"' })).toBe('no layout "x"');
    expect(errorText('vi', { code: 'forbidden', message: 'a screen window may not call layouts:save' })).toBe('a screen window may not call layouts:save');
    expect(placeholders(translate('vi', 'error.forbidden'))).toEqual(['username', 'role', 'channel', 'roles']);
  });
});

describe('camera overlay', () => {
  it('says each failure plainly in Vietnamese and English', () => {
    expect(failureText('vi', { kind: 'not-found', httpStatus: 404 })).toBe('Không tìm thấy luồng (404)');
    expect(failureText('en', { kind: 'not-found', httpStatus: 404 })).toBe('Stream not found (404)');
    expect(failureText('vi', { kind: 'unsupported', codec: 'hvc1.1.6.L93.B0' })).toBe('Định dạng không hỗ trợ (HEVC/H.265)');
    expect(failureText('en', { kind: 'unsupported', codec: 'hvc1.1.6.L93.B0' })).toBe('Unsupported format (HEVC/H.265)');
    expect(failureText('vi', { kind: 'unsupported' })).toBe('Định dạng không hỗ trợ');
    expect(failureText('vi', { kind: 'unreachable' })).toBe('Không kết nối được tới máy chủ camera');
    expect(failureText('en', { kind: 'corrupt' })).toBe('Corrupt video data');
    const kinds = ['not-found', 'forbidden', 'server-error', 'unreachable', 'timeout', 'bad-playlist', 'corrupt', 'unsupported', 'stall', 'other'] as const;
    expect(new Set(kinds.map((kind) => failureText('vi', { kind, httpStatus: 500 }))).size).toBe(kinds.length);
  });
  it('counts seconds, then minutes, then hours since the last frame', () => {
    expect(sinceText('vi', 12_400)).toBe('12 giây');
    expect(sinceText('vi', 185_000)).toBe('3 phút 05 giây');
    expect(sinceText('vi', 3_725_000)).toBe('1 giờ 02 phút');
    expect(sinceText('en', 12_400)).toBe('12 s');
    expect(sinceText('en', -50)).toBe('0 s');
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
