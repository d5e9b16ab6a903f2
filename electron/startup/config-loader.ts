import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { WallSchema } from '../../common/wall/schema.js';
import type { WallConfig } from '../../common/wall/schema.js';
import { LayoutSchema } from '../../common/wall/layout-schema.js';
import type { Layout } from '../../common/wall/layout-schema.js';
import { rectsOverlap, wallCanvas, wallGeometryIssues } from '../../common/wall/geometry.js';
import { fail, ok } from '../../common/result.js';
import { readJsonFile } from '../../node-common/json-file.js';
import type { Result } from '../../common/result.js';
import { formatPath } from '../../common/contract.js';

// Reads wall and layout files for a technician: every error names the file, the field and the fix.
// Never throws, so a bad edit on a running wall is reported while the last good config stays up.

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}
interface FlatIssue extends Issue {
  unknownKey?: string;
  missing?: boolean;
}

/** Zod's union failure says only "Invalid input": show the branch that came closest instead. */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): FlatIssue[] {
  return issues.flatMap((issue): FlatIssue[] => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return flatten(closest, at);
    }
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: at, message: `unknown field "${key}"; check its spelling (names are case-sensitive) or remove it`, unknownKey: key }));
    }
    return [{ path: at, message: issue.message, missing: issue.code === 'invalid_type' && / received undefined$/.test(issue.message) }];
  });
}

const loose = (name: string): string => name.toLowerCase().replace(/[-_]/g, '');

/** A field in the wrong case (bezelMM, active_area_mm) is also reported missing: say "did you mean" once. */
function pairMisspellings(issues: FlatIssue[]): Issue[] {
  const dropped = new Set<FlatIssue>();
  const out = issues.map((issue): Issue => {
    const key = issue.unknownKey;
    if (key === undefined) return issue;
    const parent = formatPath(issue.path);
    const twin = issues.find((m) => m.missing && !dropped.has(m) && formatPath(m.path.slice(0, -1)) === parent && loose(String(m.path.at(-1))) === loose(key));
    if (!twin) return issue;
    dropped.add(twin);
    return { path: issue.path, message: `unknown field "${key}"; did you mean "${String(twin.path.at(-1))}"?` };
  });
  return out.filter((i) => !dropped.has(i as FlatIssue));
}

function invalid(code: string, issues: Issue[], file?: string): Result<never> {
  const lines = issues.map((i) => `${i.path.length ? formatPath(i.path) : '(root)'}: ${i.message}`);
  const first = issues[0]?.path.length ? formatPath(issues[0].path) : undefined;
  const where = [file, first].filter(Boolean).join(' › ') || undefined;
  return fail(code, `${file ? `${file}: ` : ''}${lines.join('; ')}`, where);
}

/** Any other file a person edits (the node configuration): the same messages, naming the file and the field. */
export function validateWith<T>(schema: z.ZodType<T>, json: unknown, file?: string): Result<T> {
  const parsed = schema.safeParse(json);
  return parsed.success ? ok(parsed.data) : invalid('config/invalid', pairMisspellings(flatten(parsed.error.issues)), file);
}

export function validateWall(json: unknown, file?: string): Result<WallConfig> {
  const parsed = WallSchema.safeParse(json);
  if (!parsed.success) return invalid('config/invalid', pairMisspellings(flatten(parsed.error.issues)), file);
  const geometry = wallGeometryIssues(parsed.data);
  if (geometry.length) return invalid('config/geometry', geometry, file);
  return ok(parsed.data);
}

/** Without `wall`, checks the layout on its own; with it, also that it fits that wall. */
export function validateLayout(json: unknown, wall?: WallConfig, file?: string): Result<Layout> {
  const parsed = LayoutSchema.safeParse(json);
  if (!parsed.success) return invalid('config/invalid', pairMisspellings(flatten(parsed.error.issues)), file);
  const layout = parsed.data;
  if (!wall) return ok(layout);
  const issues: Issue[] = [];
  if (layout.wallId !== wall.id) {
    issues.push({ path: ['wallId'], message: `layout is for wall "${layout.wallId}" but the wall is "${wall.id}"; set wallId to "${wall.id}" or load the matching wall` });
  }
  const canvas = wallCanvas(wall);
  const whole = { x: 0, y: 0, width: canvas.width, height: canvas.height };
  layout.panels.forEach((p, i) => {
    if (rectsOverlap(p.rect, whole)) return;
    const { x, y, width, height } = p.rect;
    issues.push({ path: ['panels', i, 'rect'], message: `panel "${p.id}" (${width}×${height} at ${x}, ${y}) is entirely outside the wall canvas (${canvas.width}×${canvas.height}); move it inside` });
  });
  return issues.length ? invalid('config/layout-mismatch', issues, file) : ok(layout);
}

const WALL_MISSING = 'check --wall or create it from config/walls/demo-2x2.json';

export function loadWallFile(file: string): Result<WallConfig> {
  const json = readJsonFile(file, WALL_MISSING);
  return json.ok ? validateWall(json.value, path.resolve(file)) : json;
}

export function loadLayoutFile(file: string, wall?: WallConfig): Result<Layout> {
  const json = readJsonFile(file, 'check --layout or create it from config/layouts/demo-2x2-normal.json');
  return json.ok ? validateLayout(json.value, wall, path.resolve(file)) : json;
}

/**
 * Reload `file` whenever it changes and report the result. Watches the directory, because editors
 * save by writing a new file and renaming it over the old one. Returns a function that stops watching.
 */
export function watchConfigFile(file: string, onChange: (result: Result<WallConfig>) => void): () => void;
export function watchConfigFile<T>(file: string, onChange: (result: Result<T>) => void, load: (file: string) => Result<T>): () => void;
export function watchConfigFile<T>(
  file: string,
  onChange: (result: Result<T>) => void,
  // Only the first overload omits `load`, and there T is WallConfig.
  load = loadWallFile as unknown as (file: string) => Result<T>,
): () => void {
  const abs = path.resolve(file);
  const name = path.basename(abs);
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(path.dirname(abs), (_event, changed) => {
      if (changed !== null && changed.toString() !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => onChange(load(abs)), 200);
    });
  } catch (err) {
    onChange(fail('config/watch-failed', `cannot watch ${path.dirname(abs)} for changes: ${String(err)}; edits to ${name} need a restart`, abs));
    return () => {};
  }
  watcher.on('error', (err) => onChange(fail('config/watch-failed', `stopped watching ${abs}: ${err.message}; edits need a restart`, abs)));
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
