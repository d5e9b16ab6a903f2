import { describe, expect, it } from 'vitest';
import { Sessions } from '../../../electron/wall/auth/sessions.js';

const user = { username: 'lan', displayName: 'Trần Thị Lan', role: 'operator' as const };

describe('console sessions', () => {
  it('end after the idle time without activity, and activity keeps them alive', () => {
    let now = 1_000;
    const sessions = new Sessions(30 * 60_000, () => now);
    const s = sessions.create(user);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    now += 29 * 60_000;
    expect(sessions.get(s.token)).toBe(s);
    sessions.touch(s);
    now += 29 * 60_000;
    expect(sessions.get(s.token)).toBe(s);
    now += 60_000;
    expect(sessions.get(s.token)).toBeNull();
    expect(sessions.sweep()).toEqual([s]);
    expect(sessions.sweep()).toEqual([]);
  });

  it('ends every session of one user, leaving others', () => {
    const sessions = new Sessions(60_000, () => 0);
    const a = sessions.create(user);
    const b = sessions.create(user);
    const c = sessions.create({ ...user, username: 'minh' });
    expect(sessions.endUser('lan').map((s) => s.token).sort()).toEqual([a.token, b.token].sort());
    expect(sessions.get(a.token)).toBeNull();
    expect(sessions.get(c.token)).toBe(c);
    expect(sessions.info(c)).toEqual({ username: 'minh', displayName: 'Trần Thị Lan', role: 'operator', idleTimeoutMs: 60_000 });
  });
});
