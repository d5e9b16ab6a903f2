import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The benchmark and fault scripts are plain .mjs run by node: nothing type-checks their imports, so a
// moved file would only show when someone runs a benchmark. Every relative import must name a file.
const SPEC = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function relativeImports(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(SPEC)].map((m) => m[1]!);
}

describe('scripts/', () => {
  const files = fs.readdirSync('scripts', { recursive: true, encoding: 'utf8' }).filter((f) => /\.m?js$/.test(f)).map((f) => path.join('scripts', f));

  it('has scripts to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(files)('%s imports only files that exist', (file) => {
    const missing = relativeImports(file).filter((spec) => !fs.existsSync(path.resolve(path.dirname(file), spec)));
    expect(missing).toEqual([]);
  });
});
