import { describe, expect, it } from 'vitest';
import { WallResult } from '../../../hub/results.js';

const leader = { name: 'Lãnh đạo', role: 'leader' as const };
const ack = (screens: Array<[string, 'applied' | 'failed' | 'pending', string?]>) => ({
  wallId: 'w',
  revision: 2,
  screens: screens.map(([screenId, status, message]) => ({ screenId, status, ...(message ? { message } : {}), at: 1 })),
});

describe('WallResult', () => {
  it('is pending until every screen of every node has answered, then applied', () => {
    const r = new WallResult('w', 2, 'flood', leader, 0);
    r.addScreens('pc-1', ['A1', 'A2'], 0);
    r.addScreens('pc-2', ['B1'], 0);
    expect(r.apply('pc-1', ack([['A1', 'applied'], ['A2', 'applied']]), 1)).toBe(true);
    expect(r.outcome).toBe('pending');
    r.apply('pc-2', ack([['B1', 'applied']]), 2);
    expect(r.outcome).toBe('applied');
    expect(r.summary()).toBe('applied on 3/3 screens');
  });

  it("ignores a node's claims about screens it does not drive, and unchanged repeats", () => {
    const r = new WallResult('w', 2, 'flood', leader, 0);
    r.addScreens('pc-1', ['A1'], 0);
    r.addScreens('pc-2', ['B1'], 0);
    expect(r.apply('pc-1', ack([['B1', 'applied']]), 1)).toBe(false);
    expect(r.toMessage().screens.find((s) => s.screenId === 'B1')?.status).toBe('pending');
    expect(r.apply('pc-1', ack([['A1', 'applied']]), 1)).toBe(true);
    expect(r.apply('pc-1', ack([['A1', 'applied']]), 2)).toBe(false);
  });

  it('names failures and timeouts; none applied is failed; a newer revision supersedes', () => {
    const r = new WallResult('w', 2, 'flood', leader, 0);
    r.addScreens('pc-1', ['A1', 'A2'], 0);
    r.apply('pc-1', ack([['A1', 'failed', 'map tiles missing']]), 1);
    expect(r.expire(5, (node) => `no answer from ${node}`)).toBe(true);
    expect(r.outcome).toBe('failed');
    expect(r.summary()).toBe('applied on 0/2 screens; A1 failed: map tiles missing; A2 timeout: no answer from pc-1');
    r.apply('pc-1', ack([['A2', 'applied']]), 6);
    expect(r.outcome).toBe('partial');
    r.supersede(7);
    expect(r.outcome).toBe('superseded');
  });

  it('with no screen at all it fails once the wait is over', () => {
    const r = new WallResult('w', 2, 'flood', leader, 0);
    expect(r.outcome).toBe('failed');
    expect(r.summary()).toBe('no screen was connected');
  });
});
