// How deeply a parsed JSON value nests, measured without recursion: JSON.parse accepts 100 000 levels in
// a few hundred KB, and anything that then walks the value recursively (JSON.stringify, zod, an audit
// summary) overflows the stack. Messages are refused above MAX_JSON_DEPTH before anything walks them.

/** Deepest nesting a message may have; real payloads (layouts, scenarios) stay well under 20. */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests objects or arrays deeper than `max` levels (a scalar is depth 0). */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}
