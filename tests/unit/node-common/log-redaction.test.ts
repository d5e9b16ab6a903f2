import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessLines } from '../../../node-common/access-file.js';
import { memoryLogger, redactText } from '../../../node-common/log.js';

// No token in any log line: the places that logged one are fixed, and the logger masks any that slips through.
describe('log redaction', () => {
  it('masks token= query values, Bearer credentials and *_TOKEN= assignments in messages and fields', () => {
    const log = memoryLogger();
    log.info('hub REST API http://127.0.0.1:4290/api?token=s3cr3t-abc&x=1', {
      url: 'https://wall:4280/console?token=AbC_-123',
      nested: { list: ['ws://h/ws?role=screen&token=zzz', 'Authorization: Bearer eyJ.abc.def'] },
      env: 'TOAN_CANH_HUB=http://h TOAN_CANH_HUB_TOKEN=node-secret',
      error: new Error('GET /x?access_token=qqq failed'),
    });
    const text = JSON.stringify(log.lines);
    for (const secret of ['s3cr3t-abc', 'AbC_-123', 'zzz', 'eyJ.abc.def', 'node-secret', 'qqq']) expect(text).not.toContain(secret);
    expect(log.lines[0]!.msg).toBe('hub REST API http://127.0.0.1:4290/api?token=***&x=1');
    expect(log.lines[0]!.url).toBe('https://wall:4280/console?token=***');
  });

  it('leaves lines without secrets as they are', () => {
    expect(redactText('screen A1 connected from 10.0.0.5 (tokenTag 1a2b)')).toBe('screen A1 connected from 10.0.0.5 (tokenTag 1a2b)');
  });

  it('the Electron app logs the embedded hub\'s REST URL without its token', () => {
    const main = fs.readFileSync('electron/shell/main.ts', 'utf8');
    expect(main).not.toMatch(/log\.\w+\([^)]*url: backend\.restUrl\b/);
    expect(main).toContain("log.info('hub REST API', { url: redactText(backend.restUrl)");
  });

  it('under systemd, printed access URLs go to the journal without tokens; the file has them', () => {
    const lines = ['console http://h:4280/console?token=c0ns0le', 'wall nodes: TOAN_CANH_HUB=http://h TOAN_CANH_HUB_TOKEN=n0de'];
    expect(accessLines(lines, null, {})).toEqual(lines);
    const printed = accessLines(lines, null, { INVOCATION_ID: 'x' }).join('\n');
    expect(printed).not.toContain('c0ns0le');
    expect(printed).not.toContain('n0de');
    expect(printed).toContain('console http://h:4280/console?token=***');
  });
});
