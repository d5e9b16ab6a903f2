import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../common/json-depth.js';
import { parseNodeEvent } from '../../common/protocol/validate.js';
import { commandDetail, shortJson } from '../../electron/wall/audit/describe.js';
import { addPeople, consoleCore, signedIn, type ConsoleCore } from '../support/console-core.js';

// Issue 14: a deeply nested 400 KB payload was called "larger than 1 MB", and its refusal overflowed the
// stack in the audit writer (JSON.stringify of 100 000 levels), so the refusal left no audit row.

/** `{"a":{"a":…1…}}` nested `levels` deep, parsed the way a socket message is. */
const nested = (levels: number): unknown => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);

describe('nesting depth', () => {
  it('is measured without recursion, a scalar at depth 0', () => {
    expect(nestsDeeperThan(1)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan(nested(100_000))).toBe(true);
    expect(nestsDeeperThan([[1], { b: [[2]] }], 4)).toBe(false);
    expect(nestsDeeperThan([[1], { b: [[2]] }], 3)).toBe(true);
  });

  it('the audit detail of a hostile payload is short and cut at a bounded depth', () => {
    const deep = nested(100_000);
    expect(() => commandDetail({ layout: 1, deep })).not.toThrow();
    const detail = commandDetail({ deep, wide: Array.from({ length: 100_000 }, (_, i) => i) }) ?? '';
    expect(detail.length).toBeLessThanOrEqual(1000);
    expect(detail).toContain('"…"');
    expect(shortJson({ a: [1, 'x', null, true], b: { c: 2 } }, 1000)).toBe(JSON.stringify({ a: [1, 'x', null, true], b: { c: 2 } }));
  });

  it('the hub refuses a deep event as invalid, naming the depth (not "larger than 1 MB")', () => {
    const checked = parseNodeEvent('wall:ack', nested(100_000));
    expect(checked).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining(`nests deeper than ${MAX_JSON_DEPTH} levels`) } });
  });
});

describe('the wall node', () => {
  let t: ConsoleCore;
  afterEach(() => t.close());

  it('refuses a 400 KB nested payload as too deep and writes the refusal to the audit log', async () => {
    t = consoleCore();
    await addPeople(t);
    const operator = await signedIn(t, 'vanhanh');
    const payload = nested(80_000);
    const before = t.db.audit.query({ limit: 1 }).total;
    const result = await t.core.handle(operator, 'wall:setIdentify', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: `payload for wall:setIdentify nests deeper than ${MAX_JSON_DEPTH} levels; send a flatter value` } });
    const rows = t.db.audit.query({ limit: 5 }).entries;
    expect(t.db.audit.query({ limit: 1 }).total).toBe(before + 1);
    expect(rows[0]).toMatchObject({ action: 'wall:setIdentify', ok: false, detail: expect.stringContaining('"…"') });
  });
});
