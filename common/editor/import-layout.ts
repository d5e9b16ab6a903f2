import { formatPath } from '../contract.js';
import { LayoutSchema, type Layout } from '../wall/layout-schema.js';
import { rectsOverlap, wallCanvas } from '../wall/geometry.js';
import type { WallConfig } from '../wall/schema.js';

// Importing a layout file: every problem is listed with its path, and nothing is taken unless the
// whole file is good (the caller changes nothing on a failure).

export interface ImportProblem {
  /** "panels[2].props.color", or "(file)" for the file as a whole. */
  path: string;
  message: string;
}
export type ImportResult = { ok: true; layout: Layout } | { ok: false; problems: ImportProblem[] };

const MAX_BYTES = 2 * 1024 * 1024;

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineColumn(text, Number(position[1]))}` : '';
    return { ok: false, problem: { path: '(file)', message: `not valid JSON${where}: ${message}` } };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks only the wall can make: the wall id, and panels that would be entirely off the canvas. */
function wallProblems(json: unknown, wall: WallConfig): ImportProblem[] {
  if (!isRecord(json)) return [];
  const problems: ImportProblem[] = [];
  if (typeof json.wallId === 'string' && json.wallId !== wall.id) {
    problems.push({ path: 'wallId', message: `the layout is for wall "${json.wallId}" but this wall is "${wall.id}"` });
  }
  const canvas = wallCanvas(wall);
  const whole = { x: 0, y: 0, width: canvas.width, height: canvas.height };
  if (Array.isArray(json.panels)) {
    json.panels.forEach((p, i) => {
      const r = isRecord(p) && isRecord(p.rect) ? p.rect : null;
      if (!r || ![r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n))) return;
      const rect = { x: r.x as number, y: r.y as number, width: r.width as number, height: r.height as number };
      if (rect.width > 0 && rect.height > 0 && !rectsOverlap(rect, whole)) {
        problems.push({ path: `panels[${i}].rect`, message: `the panel is entirely outside the wall (${canvas.width}×${canvas.height} px)` });
      }
    });
  }
  return problems;
}

export function importLayout(text: string, wall: WallConfig): ImportResult {
  if (text.length > MAX_BYTES) return { ok: false, problems: [{ path: '(file)', message: `the file is larger than ${MAX_BYTES / 1024 / 1024} MB` }] };
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const parsed = LayoutSchema.safeParse(json.value);
  const problems: ImportProblem[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.length ? formatPath(i.path) : '(file)', message: i.message }));
  problems.push(...wallProblems(json.value, wall));
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, layout: parsed.data };
}

/** The layout as the file to export: stable key order, two-space indent, a final newline. */
export function exportLayout(layout: Layout): string {
  return `${JSON.stringify(layout, null, 2)}\n`;
}
