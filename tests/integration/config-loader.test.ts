import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLayoutFile, loadWallFile, watchConfigFile } from '../../electron/startup/config-loader.js';
import type { WallConfig } from '../../common/wall/schema.js';
import type { Result } from '../../common/result.js';

const demoText = fs.readFileSync(path.resolve('config/walls/demo-2x2.json'), 'utf8');
const layoutPath = path.resolve('config/layouts/demo-2x2-normal.json');
let dir: string;
const file = (name: string, text?: string): string => {
  const p = path.join(dir, name);
  if (text !== undefined) fs.writeFileSync(p, text);
  return p;
};
const demoWith = (edit: (json: { name: string; screens: { bezelMm: { left: number } }[] }) => void): string => {
  const json = JSON.parse(demoText);
  edit(json);
  return JSON.stringify(json, null, 2);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-config-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadWallFile', () => {
  it('loads the demo wall from disk', () => {
    const result = loadWallFile(file('wall.json', demoText));
    expect(result.ok && result.value.screens.map((s) => s.id)).toEqual(['A1', 'A2', 'B1', 'B2']);
  });

  it('says where a missing file was looked for and how to make one', () => {
    const missing = path.join(dir, 'walls', 'tinh.json');
    expect(loadWallFile(missing)).toEqual({
      ok: false,
      error: {
        code: 'config/not-found',
        message: `file not found: ${missing}; check --wall or create it from config/walls/demo-2x2.json`,
        where: missing,
      },
    });
  });

  it('reports a path it cannot read as a file', () => {
    const result = loadWallFile(dir);
    expect(!result.ok && [result.error.code, result.error.message]).toEqual([
      'config/unreadable',
      `cannot read ${dir} (EISDIR); check that the file is readable by this user`,
    ]);
  });

  it('gives the line and column of malformed JSON', () => {
    const p = file('wall.json', '{\n  "schemaVersion": 1,\n  "id": "x"\n  "name": "y"\n}\n');
    const result = loadWallFile(p);
    expect(!result.ok && result.error.code).toBe('config/bad-json');
    expect(!result.ok && result.error.where).toBe(`${p}:4:3`);
    expect(!result.ok && result.error.message).toMatch(new RegExp(`^${p}: not valid JSON at line 4, column 3: .+; look for a missing comma, quote or bracket there$`));
  });

  it('points at the end of a truncated file, after a byte-order mark', () => {
    const p = file('wall.json', '\uFEFF{\n  "schemaVersion": 1,\n  "screens": [\n');
    const result = loadWallFile(p);
    expect(!result.ok && result.error.where).toBe(`${p}:4:1`);
  });

  it('names the file and field of a bad value', () => {
    const p = file('wall.json', demoWith((j) => { j.screens[2]!.bezelMm.left = 2000; }));
    const result = loadWallFile(p);
    expect(!result.ok && result.error).toEqual({
      code: 'config/invalid',
      message: `${p}: screens[2].bezelMm.left: Too big: expected number to be <=1000; screens[2].bezelMm: left + right bezel (2002.3 mm) must be less than the active width (1209.6 mm); bezels are the frame width of one edge, usually 0.5–10 mm`,
      where: `${p} › screens[2].bezelMm.left`,
    });
  });

  it('rejects a wall whose screens clash', () => {
    const p = file('wall.json', demoText.replace('"row": 0, "col": 1', '"row": 0, "col": 0'));
    const result = loadWallFile(p);
    expect(!result.ok && result.error).toEqual({
      code: 'config/geometry',
      message: `${p}: screens[1].position: screens A1 and A2 both use grid cell row 0, col 0; give each screen its own cell`,
      where: `${p} › screens[1].position`,
    });
  });
});

describe('loadLayoutFile', () => {
  it('loads the demo layout against the demo wall, and names a wall mismatch', () => {
    const wall = loadWallFile(file('wall.json', demoText));
    if (!wall.ok) throw new Error(wall.error.message);
    expect(loadLayoutFile(layoutPath, wall.value).ok).toBe(true);
    const other = { ...wall.value, id: 'tinh-3x9' };
    const result = loadLayoutFile(layoutPath, other);
    expect(!result.ok && result.error.where).toBe(`${layoutPath} › wallId`);
  });
});

describe('watchConfigFile', () => {
  /** Collects reports; `next()` resolves with the next one to arrive. */
  function recorder() {
    const seen: Result<WallConfig>[] = [];
    let waiting: ((r: Result<WallConfig>) => void) | undefined;
    return {
      seen,
      onChange: (r: Result<WallConfig>) => {
        seen.push(r);
        waiting?.(r);
        waiting = undefined;
      },
      next: () => new Promise<Result<WallConfig>>((resolve) => { waiting = resolve; }),
    };
  }

  it('reports a good edit, then a bad one, and stops when asked', async () => {
    const p = file('wall.json', demoText);
    const rec = recorder();
    const stop = watchConfigFile(p, rec.onChange);
    try {
      let report = rec.next();
      // Three quick writes are one report, carrying the last.
      for (const name of ['one', 'two', 'Tường tầng 2']) fs.writeFileSync(p, demoWith((j) => { j.name = name; }));
      const good = await report;
      expect(good.ok && good.value.name).toBe('Tường tầng 2');

      // Editors save to a temporary file and rename it over the original.
      report = rec.next();
      fs.writeFileSync(file('wall.json.tmp'), demoText.replace('"bezelMm"', '"bezelMM"'));
      fs.renameSync(file('wall.json.tmp'), p);
      const bad = await report;
      expect(!bad.ok && bad.error.message).toBe(`${p}: screens[0]: unknown field "bezelMM"; did you mean "bezelMm"?`);
      expect(rec.seen).toHaveLength(2);
    } finally {
      stop();
    }
    fs.writeFileSync(p, demoText);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(rec.seen).toHaveLength(2);
  });

  it('ignores other files in the same folder', async () => {
    const p = file('wall.json', demoText);
    const rec = recorder();
    const stop = watchConfigFile(p, rec.onChange);
    try {
      const report = rec.next();
      fs.writeFileSync(file('other.json'), '{');
      fs.writeFileSync(p, demoText);
      const result = await report;
      expect(result.ok).toBe(true);
      expect(rec.seen).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
