import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openHubDatabase } from '../../hub/db/open.js';
import { memoryLogger } from '../../node-common/log.js';

// A hub whose database is damaged refuses to start and says what to do, as the wall node does.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-hub-corrupt-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function hubFile(name: string): string {
  const file = path.join(dir, name);
  const opened = openHubDatabase(file, memoryLogger());
  if (!opened.ok) throw new Error(opened.error.message);
  opened.value.close();
  return file;
}

describe('a damaged hub database', () => {
  it('is refused at open with how to recover, when a data page is damaged', () => {
    const file = hubFile('page.db');
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 2 * 4096, 3 * 4096); // the third page: a table's b-tree
    fs.writeFileSync(file, bytes);
    const opened = openHubDatabase(file, memoryLogger());
    expect(opened).toMatchObject({ ok: false, error: { code: 'db/corrupt' } });
    if (opened.ok) return;
    expect(opened.error.message).toMatch(/is damaged|not a readable/);
    expect(opened.error.message).toMatch(/move .* aside/);
    expect(opened.error.message).toMatch(/backups.*npm run hub:restore/);
  });

  it('is refused at open with how to recover, when its header is gone', () => {
    const file = hubFile('header.db');
    const bytes = fs.readFileSync(file);
    bytes.fill(0, 0, 100);
    fs.writeFileSync(file, bytes);
    const opened = openHubDatabase(file, memoryLogger());
    expect(opened).toMatchObject({ ok: false, error: { code: 'db/corrupt', message: expect.stringMatching(/not a readable Toàn Cảnh database.*move .* aside/s) } });
  });
});
