import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDayTime, setDisplayTimeZone } from '../../../renderer/i18n/locale.js';
import { translator } from '../../../renderer/i18n/translate.js';
import { problemDetail } from '../../../renderer/console/problem-detail.js';
import { fieldProblem, type Validity } from '../../../renderer/ui/form-problem.js';

// Where the browser would speak its own language in a Vietnamese page: its validation bubbles, its file
// picker's "Choose File", its date pickers in the browser's locale. The page owns all of these.

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsxFiles(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));
}

describe('no browser words in the page', () => {
  const files = tsxFiles('renderer').map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const offenders = (pattern: RegExp, allowed: string) => files.filter((f) => f.file !== path.join('renderer', allowed) && pattern.test(f.text)).map((f) => f.file);

  it('every form goes through AppForm (noValidate, the app’s own messages)', () => {
    expect(offenders(/<form[\s>]/, 'ui/app-form.tsx')).toEqual([]);
    expect(fs.readFileSync('renderer/ui/app-form.tsx', 'utf8')).toMatch(/<form [^>]*noValidate/);
  });
  it('every file input goes through FilePicker (its own button and "no file" text)', () => {
    expect(offenders(/type=["']file["']/, 'ui/file-picker.tsx')).toEqual([]);
  });
  it('no browser date or time picker (they show the browser’s locale, mm/dd/yyyy)', () => {
    expect(offenders(/type=["'](date|datetime-local|time|month|week)["']/, '-')).toEqual([]);
  });
});

describe('the app’s own validation messages', () => {
  const vi = translator('vi');
  const check = (validity: Partial<Validity>, custom = '') =>
    fieldProblem(vi, { field: 'Mật khẩu', validity: { valid: false, valueMissing: false, tooShort: false, tooLong: false, customError: false, ...validity }, custom, length: 4, minLength: 10, maxLength: 64 });
  it('words each kind of problem in Vietnamese, naming the field', () => {
    expect(check({ valueMissing: true })).toBe('Chưa điền “Mật khẩu”.');
    expect(check({ tooShort: true })).toBe('“Mật khẩu” cần ít nhất 10 ký tự (đang có 4).');
    expect(check({ tooLong: true })).toBe('“Mật khẩu” chỉ được tối đa 64 ký tự (đang có 4).');
    expect(check({ customError: true }, 'Ngày sai')).toBe('Ngày sai');
    expect(check({})).toBe('“Mật khẩu” chưa đúng dạng.');
    expect(check({ valid: true })).toBeNull();
  });
});

describe('dates typed day first, in the centre’s time zone', () => {
  afterEach(() => setDisplayTimeZone(undefined));
  it('reads dd/MM/yyyy as the whole day and dd/MM/yyyy HH:mm as the whole minute, in Asia/Ho_Chi_Minh', () => {
    expect(parseDayTime('07/12/2026')).toEqual({ start: Date.UTC(2026, 11, 6, 17, 0), end: Date.UTC(2026, 11, 7, 17, 0) - 1 });
    expect(parseDayTime(' 7/12/2026 08:30 ')).toEqual({ start: Date.UTC(2026, 11, 7, 1, 30), end: Date.UTC(2026, 11, 7, 1, 31) - 1 });
  });
  it('follows the configured zone, across a daylight-saving change', () => {
    setDisplayTimeZone('Europe/London');
    expect(parseDayTime('01/07/2026 12:00')?.start).toBe(Date.UTC(2026, 6, 1, 11, 0));
    expect(parseDayTime('01/12/2026 12:00')?.start).toBe(Date.UTC(2026, 11, 1, 12, 0));
  });
  it('refuses what is not such a date (month first, impossible days, ISO)', () => {
    for (const bad of ['12/31/2026', '31/02/2026', '2026-12-07', '07/12/2026 24:00', '07/12/26', '']) expect(parseDayTime(bad), bad).toBeNull();
  });
});

describe('configuration problems on the console', () => {
  it('names the file once: where shows it, the detail drops it', () => {
    const where = '/srv/toan-canh/layouts/a.json › panels[0].props.spacing';
    expect(problemDetail({ where, message: '/srv/toan-canh/layouts/a.json: panels[0].props.spacing: expected number' })).toBe('panels[0].props.spacing: expected number');
    expect(problemDetail({ message: 'no file here: x' })).toBe('no file here: x');
  });
});
