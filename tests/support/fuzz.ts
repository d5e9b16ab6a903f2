import type { Random } from '../../common/prng.js';

// Random and mutated JSON values for fuzzing, from a seeded generator so a failure can be replayed.

const STRINGS = ['', 'a', 'demo-2x2', 'flood-response', 'A1', '__proto__', 'constructor', 'Mực nước', '😀', '<script>', '../../etc/passwd', '\u0000', 'null'];
const NUMBERS = [0, -1, 1, 1.5, -0, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e-9, 42];

export function randomValue(rnd: Random, depth = 0): unknown {
  const kind = rnd.int(0, depth > 3 ? 4 : 7);
  switch (kind) {
    case 0: return null;
    case 1: return rnd.chance(0.5);
    case 2: return rnd.chance(0.5) ? rnd.pick(NUMBERS) : rnd.range(-1e6, 1e6);
    case 3: return rnd.chance(0.6) ? rnd.pick(STRINGS) : randomString(rnd, rnd.int(0, 80));
    case 4: return rnd.chance(0.02) ? 'x'.repeat(rnd.int(2000, 200_000)) : randomString(rnd, 8);
    case 5: return Array.from({ length: rnd.int(0, 6) }, () => randomValue(rnd, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rnd.int(0, 6); i > 0; i--) setOwn(o, rnd.chance(0.5) ? rnd.pick(STRINGS) : randomString(rnd, 6), randomValue(rnd, depth + 1));
      return o;
    }
  }
}

function randomString(rnd: Random, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(rnd.chance(0.9) ? rnd.int(32, 126) : rnd.int(0x80, 0x2fff));
  return s;
}

/** A copy of `value` with one to three random changes somewhere inside it. */
export function mutate(rnd: Random, value: unknown): unknown {
  let out = structuredClone(value);
  for (let n = rnd.int(1, 3); n > 0; n--) out = mutateOnce(rnd, out);
  return out;
}

function mutateOnce(rnd: Random, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || rnd.chance(0.15)) return replace(rnd, value);
  const container = value as Record<string, unknown>;
  const keys = Object.keys(container);
  if (keys.length === 0 || rnd.chance(0.1)) {
    setOwn(container, rnd.pick(['extra', 'revision', 'role', '__proto__', 'wallId']), randomValue(rnd, 2));
    return container;
  }
  const key = rnd.pick(keys);
  if (rnd.chance(0.2)) {
    delete container[key];
    return Array.isArray(container) ? container.filter((x) => x !== undefined) : container;
  }
  setOwn(container, key, rnd.chance(0.6) ? mutateOnce(rnd, container[key]) : replace(rnd, container[key]));
  return container;
}

function replace(rnd: Random, value: unknown): unknown {
  switch (rnd.int(0, 5)) {
    case 0: return randomValue(rnd, 2);
    case 1: return typeof value === 'number' ? rnd.pick([-value, value * 1e9, value + 0.5, -1, 0]) : rnd.pick(NUMBERS);
    case 2: return typeof value === 'string' ? value + randomString(rnd, rnd.int(1, 400)) : rnd.pick(STRINGS);
    case 3: return Array.isArray(value) ? [...value, ...value] : [value];
    case 4: return { value };
    default: return null;
  }
}

/** An own property even for "__proto__", as JSON.parse would make it (plain assignment would set the prototype). */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A short event name from any value. */
export function nameOf(value: unknown): string {
  return (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'x')).slice(0, 60) || 'x';
}
