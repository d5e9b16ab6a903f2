import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks, runConformance } from '../conformance/checks.js';
import { startBareHub } from '../support/bare-hub.js';
import { testHub, TOKENS } from '../support/hub-fixture.js';

// The conformance suite a province runs against its own hub (npm run conformance), run against ours.

let hub: Awaited<ReturnType<typeof testHub>>;
beforeAll(async () => {
  hub = await testHub();
});
afterAll(() => hub.close());

describe('conformance suite against the reference hub', () => {
  it.each(checks.map((c) => [c.id, c.title]))('%s: %s', async (id) => {
    const target = { url: hub.url, nodeToken: TOKENS.node, commandToken: TOKENS.admin, wallId: 'demo-2x2', screens: ['A1', 'A2', 'B1', 'B2'], scenarioId: 'storm' };
    const [result] = await runConformance(target, [id]);
    expect(result?.message ?? '').toBe('');
    expect(result?.ok).toBe(true);
  });
});

describe('conformance suite against a hub that does not keep the protocol', () => {
  it('fails it, naming what is wrong (a bare socket.io server that accepts anyone and answers every event ok)', async () => {
    const bare = await startBareHub();
    try {
      const results = await runConformance({ url: bare.url, nodeToken: 'x'.repeat(16), commandToken: 'y'.repeat(16), wallId: 'demo-2x2', screens: ['A1'], scenarioId: 'storm' });
      const failed = results.filter((r) => !r.ok).map((r) => r.id);
      expect(failed).toEqual(expect.arrayContaining(['health', 'handshake-bad-token', 'handshake-malformed', 'handshake-version', 'event-errors', 'ack-refusals', 'activation-flow']));
      expect(results.find((r) => r.id === 'handshake-bad-token')?.message).toBe('the handshake was accepted');
      expect(results.find((r) => r.id === 'clock-sync')?.ok, 'its clock answer is right').toBe(true);
    } finally {
      await bare.close();
    }
  }, 60_000);
});
