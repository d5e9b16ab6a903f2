import { z } from 'zod';

// Which field of a JSON document a data point reads: a JSON Pointer (RFC 6901, "/stations/0/level")
// or a small JSONPath subset ("$.stations[0].level", "$['mực nước']"): names and indexes only, no
// wildcards, filters or recursion, so one path is one value.

export type FieldPath = ReadonlyArray<string | number>;

/** The path's steps, or an error saying what is wrong with it. */
export function parseFieldPath(path: string): { ok: true; steps: FieldPath } | { ok: false; message: string } {
  if (path === '' || path === '$') return { ok: true, steps: [] };
  if (path.startsWith('/')) {
    const steps = path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (path.slice(1).split('/').some((s) => /~[^01]|~$/.test(s))) return { ok: false, message: 'in a JSON Pointer "~" is written "~0" and "/" inside a name "~1"' };
    return { ok: true, steps };
  }
  if (!path.startsWith('$')) return { ok: false, message: 'start with "/" (JSON Pointer) or "$" (JSONPath)' };
  const steps: Array<string | number> = [];
  const re = /\.([A-Za-z_$\u00C0-\u1EF9][\w$\u00C0-\u1EF9-]*)|\[(\d{1,9})\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const at = re.lastIndex;
    const m = re.exec(path);
    if (!m) return { ok: false, message: `cannot read the JSONPath at character ${at + 1}: use .name, [index] or ['name'] (no wildcards or filters)` };
    if (m[1] !== undefined) steps.push(m[1]);
    else if (m[2] !== undefined) steps.push(Number(m[2]));
    else steps.push((m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'));
  }
  return { ok: true, steps };
}

export const FieldPathSchema = z
  .string()
  .max(300)
  .superRefine((p, ctx) => {
    const parsed = parseFieldPath(p);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

/** The value at `steps`, or undefined when the document has no such field (own properties only). */
export function readField(doc: unknown, steps: FieldPath): unknown {
  let at: unknown = doc;
  for (const step of steps) {
    if (Array.isArray(at)) {
      const i = typeof step === 'number' ? step : /^(0|[1-9]\d{0,8})$/.test(step) ? Number(step) : NaN;
      if (!(i >= 0 && i < at.length)) return undefined;
      at = at[i];
    } else if (at !== null && typeof at === 'object') {
      const name = String(step);
      if (!Object.prototype.hasOwnProperty.call(at, name)) return undefined;
      at = (at as Record<string, unknown>)[name];
    } else return undefined;
  }
  return at;
}

/** "/a/0" or "$.a[0]" as people wrote it, for error messages. */
export function describePath(path: string): string {
  return path === '' || path === '$' ? 'the whole document' : `"${path}"`;
}
