import fs from 'node:fs';
import path from 'node:path';
import { fail, ok, type Result } from '../common/result.js';

// Every JSON file a person edits (walls, layouts, scenarios, token lists) is read here, so a broken
// one always names the file, the line and column, and what to look for.

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Read and parse a JSON file. Codes: `config/not-found`, `config/unreadable`, `config/bad-json`.
 * `missingHint` says how to fix a missing file (e.g. which option names it).
 */
export function readJsonFile(file: string, missingHint = 'check the path'): Result<unknown> {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('config/not-found', `file not found: ${abs}; ${missingHint}`, abs);
    return fail('config/unreadable', `cannot read ${abs} (${code ?? String(err)}); check that the file is readable by this user`, abs);
  }
  text = text.replace(/^\uFEFF/, ''); // editors on Windows may save a byte-order mark
  try {
    return ok(JSON.parse(text));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message)?.[1];
    const { line, column } = lineColumn(text, at === undefined ? text.length : Number(at));
    const reason = message.replace(/ in JSON at position \d+.*$/, '');
    return fail('config/bad-json', `${abs}: not valid JSON at line ${line}, column ${column}: ${reason}; look for a missing comma, quote or bracket there`, `${abs}:${line}:${column}`);
  }
}
