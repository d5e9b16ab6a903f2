import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonFile } from '../../../node-common/json-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-json-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('readJsonFile', () => {
  it('reads a file, a byte-order mark included', () => {
    expect(readJsonFile(write('bom.json', '\uFEFF{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });

  it('names the line and column of broken JSON', () => {
    const file = write('broken.json', '{\n  "a": 1\n  "b": 2\n}\n');
    const result = readJsonFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('config/bad-json');
    expect(result.error.message).toMatch(/line 3, column 3/);
    expect(result.error.where).toBe(`${file}:3:3`);
  });

  it('says how to fix a missing file', () => {
    const result = readJsonFile(path.join(dir, 'none.json'), 'check --tokens');
    expect(result).toMatchObject({ ok: false, error: { code: 'config/not-found', message: expect.stringMatching(/none\.json; check --tokens$/) } });
  });
});
