import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { describeIssues } from '../common/contract.js';
import { readJsonFile } from './json-file.js';

// A folder of JSON files, one item each (config/scenarios, config/rules): each file read and checked
// on its own, so a bad one is named with its problem (and JSON path) and the others still count.

export interface FolderProblem {
  file: string;
  message: string;
}

export function readConfigFolder<S extends z.ZodType<{ id: string }>>(
  dir: string,
  schema: S,
  what: string,
  options: { missingIsEmpty?: boolean } = {},
): { items: Array<{ file: string; value: z.output<S> }>; problems: FolderProblem[] } {
  const items: Array<{ file: string; value: z.output<S> }> = [];
  const problems: FolderProblem[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if (options.missingIsEmpty && (error as NodeJS.ErrnoException).code === 'ENOENT') return { items, problems };
    return { items, problems: [{ file: dir, message: `cannot read the ${what}s folder: ${String(error)}` }] };
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    const json = readJsonFile(file);
    if (!json.ok) {
      problems.push({ file, message: json.error.message });
      continue;
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      problems.push({ file, message: describeIssues(parsed.error) });
      continue;
    }
    const id = parsed.data.id;
    const other = seen.get(id);
    if (other) {
      problems.push({ file, message: `${what} id "${id}" is already used by ${other}; give each ${what} its own id` });
      continue;
    }
    seen.set(id, file);
    items.push({ file, value: parsed.data });
  }
  return { items, problems };
}
