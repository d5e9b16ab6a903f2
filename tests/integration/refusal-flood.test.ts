import { afterEach, describe, expect, it } from 'vitest';
import { consoleCore, type ConsoleCore } from '../support/console-core.js';
import { rest, testHub, TOKENS } from '../support/hub-fixture.js';

// Issue 14, item 3: refusals that cannot flood the audit log, and rate limits at the hub.

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('the hub', () => {
  it('100 unauthenticated POSTs from one address: a row per kind of refusal, one summary with the count, and 429 past the rate limit', async () => {
    // The hub's clock stands still, so the bucket does not refill however slowly this machine sends.
    const at = Date.now();
    const hub = await testHub({ now: () => at });
    cleanup.push(() => hub.close());
    const before = (await hub.core.store.recentAudit(10_000)).length;
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await rest(hub, 'POST', '/api/scenarios/storm/activate', null, undefined, { Origin: 'http://evil.example' })).status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await rest(hub, 'POST', '/api/scenarios/storm/activate', null)).body).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    hub.core.refusals.flush(true);
    const all = await hub.core.store.recentAudit(10_000);
    const rows = all.slice(0, all.length - before);
    // The first bad-token refusal, the first rate-limited one, and the summary of the other 99.
    expect(rows.map((r) => r.action).sort()).toEqual(['refusals.summary', 'rest.rate-limit', 'scenario.activate']);
    const summary = rows.find((r) => r.action === 'refusals.summary');
    expect(summary).toMatchObject({ origin: '127.0.0.1', result: expect.stringMatching(/^refused: 99 more refusal\(s\)/), detail: { count: 99 } });
  });
});

describe('the wall node', () => {
  let t: ConsoleCore;
  afterEach(() => t.close());

  it('300 refused messages from one screen: one row and one summary with the count', async () => {
    t = consoleCore();
    const screen = t.screen('A1');
    const before = t.db.audit.query({ limit: 1 }).total;
    for (let i = 0; i < 300; i++) expect((await t.core.handle(screen, 'layouts:save', { layout: { id: 'x' } })).ok).toBe(false);
    t.services.refusals.flush(true);
    const rows = t.db.audit.query({ limit: 500 }).entries.slice(0, t.db.audit.query({ limit: 1 }).total - before);
    expect(rows.length).toBe(2);
    expect(rows[0]).toMatchObject({ action: 'refusals:summary', ok: false, result: expect.stringMatching(/^refused: 299 more refusal\(s\)/) });
  });

  it('a console opened before sign-in writes no "refused: auth/not-signed-in" row', async () => {
    t = consoleCore();
    const before = t.db.audit.query({ limit: 1 }).total;
    const page = t.console('just-opened', '10.0.0.5');
    expect(await t.core.handle(page, 'wall:setIdentify', { enabled: true })).toMatchObject({ ok: false, error: { code: 'auth/not-signed-in' } });
    t.services.refusals.flush(true);
    expect(t.db.audit.query({ limit: 1 }).total).toBe(before);
  });
});

describe('a bad percent-escape in a REST path', () => {
  it('is refused 401 without a token, and 400 with a message after it (before: an empty 500 before the token check)', async () => {
    const hub = await testHub();
    cleanup.push(() => hub.close());
    expect(await rest(hub, 'POST', '/api/scenarios/%E0%A4%A/activate', null)).toMatchObject({ status: 401, body: { error: { code: 'bad-token' } } });
    const bad = await rest(hub, 'POST', '/api/scenarios/%E0%A4%A/activate', TOKENS.leader);
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/bad percent-escape/) } } });
    expect(await hub.core.store.revision('demo-2x2')).toBe(0);
  });
});
