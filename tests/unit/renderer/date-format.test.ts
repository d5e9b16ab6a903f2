import { afterEach, describe, expect, it } from 'vitest';
import { WallSchema } from '../../../common/wall/schema.js';
import { displayTimeZone, formatClockTime, formatDateTime, formatDay, setDisplayTimeZone } from '../../../renderer/i18n/locale.js';
import { formatElapsed } from '../../../renderer/panels/procedure/format-elapsed.js';
import { demoWallJson } from '../wall/wall-fixtures.js';

// One date format everywhere, day first, in the centre's time zone whatever the browser's.
afterEach(() => setDisplayTimeZone(undefined));

describe('dates on the console and the wall', () => {
  const at = Date.UTC(2026, 11, 7, 5, 44, 23); // 12:44:23 in Hà Nội

  it('reads dd/MM/yyyy HH:mm:ss in Asia/Ho_Chi_Minh by default, in both languages', () => {
    expect(displayTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(formatDateTime('vi', at)).toBe('07/12/2026 12:44:23');
    expect(formatDateTime('en', at)).toBe('07/12/2026 12:44:23');
    expect(formatClockTime('vi', at)).toBe('12:44:23');
    expect(formatDay(at)).toBe('07/12/2026');
  });

  it("follows the wall's configured time zone", () => {
    setDisplayTimeZone('Europe/London');
    expect(formatDateTime('vi', at)).toBe('07/12/2026 05:44:23');
  });

  it('the wall file refuses a time zone the system does not know, naming an example', () => {
    const r = WallSchema.safeParse({ ...demoWallJson(), timeZone: 'Asia/Ha_Noi' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Asia\/Ho_Chi_Minh/);
    expect(WallSchema.parse({ ...demoWallJson(), timeZone: 'Asia/Bangkok' }).timeZone).toBe('Asia/Bangkok');
  });

  it('says time since activation in whole units', () => {
    expect(formatElapsed(40_000, 'vi')).toBe('40 giây');
    expect(formatElapsed(12 * 60_000 + 5_000, 'vi')).toBe('12 phút');
    expect(formatElapsed(65 * 60_000, 'vi')).toBe('1 giờ 05 phút');
    expect(formatElapsed(65 * 60_000, 'en')).toBe('1 h 05 min');
  });
});
