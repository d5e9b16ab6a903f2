import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell, csvTime } from '../../../common/audit-csv.js';
import type { AuditEntry } from '../../../common/audit.js';

const headings = { seq: 'STT', time: 'Thời gian', actor: 'Người', role: 'Vai trò', action: 'Thao tác', target: 'Đối tượng', result: 'Kết quả', origin: 'Nơi', detail: 'Chi tiết', hash: 'Mã băm' };
const entry: AuditEntry = {
  seq: 7,
  at: Date.UTC(2026, 9, 20, 1, 2, 3),
  actor: 'nguyen.van.a',
  role: 'leader',
  action: 'scenario:activate',
  target: 'flood-response',
  detail: '{"scenarioId":"flood-response","note":"Lũ \\"lớn\\", cấp III"}',
  origin: 'browser web-3 192.168.1.20',
  ok: false,
  result: 'refused: forbidden — Tài khoản "a" không có quyền,\nthử lại',
  hash: 'ab'.repeat(32),
};

describe('audit CSV', () => {
  it('starts with a BOM, uses CRLF, and keeps Vietnamese text as UTF-8', () => {
    const csv = auditCsv([entry], headings);
    expect(csv.startsWith('\uFEFFSTT,Thời gian,Người,Vai trò,Thao tác,Đối tượng,Kết quả,Nơi,Chi tiết,Mã băm\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // heading, the one row (its own line break is a bare \n), ''
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and writes Vietnam time', () => {
    const row = auditCsv([entry], headings).split('\r\n')[1]!;
    expect(row).toBe(
      [
        '7',
        '2026-10-20 08:02:03',
        'nguyen.van.a',
        'leader',
        'scenario:activate',
        'flood-response',
        '"refused: forbidden — Tài khoản ""a"" không có quyền,\nthử lại"',
        'browser web-3 192.168.1.20',
        '"{""scenarioId"":""flood-response"",""note"":""Lũ \\""lớn\\"", cấp III""}"',
        'ab'.repeat(32),
      ].join(','),
    );
    expect(csvTime(entry.at, 'UTC')).toBe('2026-10-20 01:02:03');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-')).toBe(`"'-"`);
    expect(csvCell('@x')).toBe(`"'@x"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell('plain')).toBe('plain');
  });
});
