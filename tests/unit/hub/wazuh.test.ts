import { describe, expect, it } from 'vitest';
import { DataEntrySchema } from '../../../common/protocol/data.js';
import { createRandom } from '../../../common/prng.js';
import { socAlerts } from '../../../hub/sim/soc.js';
import { SocBook } from '../../../hub/soc/soc-book.js';
import { parseWazuhAlert, severityOfLevel } from '../../../hub/soc/wazuh.js';

// Wazuh's JSON alerts as the wall's security events: the fields a real alert carries, its 0–16 levels
// on four severities, and anything else refused with what is wrong, never thrown.

// As Wazuh 4.x writes it to alerts.json (trimmed of fields the wall does not read, plus one it ignores).
const REAL = {
  timestamp: '2026-12-07T18:02:11.123+0700',
  rule: { level: 10, description: 'sshd: brute force trying to get access to the system. Authentication failed.', id: '5763', mitre: { id: ['T1110'] }, firedtimes: 8, groups: ['syslog', 'sshd', 'authentication_failures'] },
  agent: { id: '003', name: 'cong-dvc-01', ip: '10.10.3.21' },
  manager: { name: 'wazuh-ioc' },
  id: '1765105331.1234567',
  full_log: 'Dec  7 18:02:10 cong-dvc-01 sshd[2211]: Failed password for invalid user admin from 203.0.113.9 port 52211 ssh2',
  decoder: { parent: 'sshd', name: 'sshd' },
  data: { srcip: '203.0.113.9', srcuser: 'admin' },
  location: '/var/log/auth.log',
};

describe('Wazuh alerts', () => {
  it('become security events: time with its offset, source with the rule group, severity, asset, status new', () => {
    const parsed = parseWazuhAlert(REAL);
    expect(parsed).toEqual({
      ok: true,
      group: 'sshd',
      event: { id: 'w1765105331-1234567', at: Date.UTC(2026, 11, 7, 11, 2, 11, 123), source: 'Wazuh: sshd', severity: 'danger', asset: 'cong-dvc-01', description: REAL.rule.description, status: 'new' },
    });
  });

  it('map levels 0–16 on four severities', () => {
    expect([0, 3, 4, 7, 8, 11, 12, 16].map(severityOfLevel)).toEqual(['info', 'info', 'warning', 'warning', 'danger', 'danger', 'critical', 'critical']);
  });

  it('refuse what is not one, saying which field', () => {
    const bad = (v: unknown) => {
      const r = parseWazuhAlert(v);
      return r.ok ? 'accepted' : r.message;
    };
    expect(bad({ ...REAL, rule: { ...REAL.rule, level: 17 } })).toMatch(/rule\.level/);
    expect(bad({ ...REAL, rule: { ...REAL.rule, level: Number.NaN } })).toMatch(/rule\.level/);
    expect(bad({ ...REAL, agent: {} })).toMatch(/agent\.name/);
    expect(bad({ ...REAL, timestamp: 'yesterday at noon' })).toMatch(/timestamp: "yesterday at noon" is not an ISO 8601 time/);
    expect(bad('<xml/>')).toMatch(/not a Wazuh alert/);
    expect(bad(null)).toMatch(/not a Wazuh alert/);
  });

  it('survive 10,000 mangled alerts: each is a valid event or a refusal, never a throw', () => {
    const rnd = createRandom(42);
    const junk = [null, -1, 1e308, Number.NaN, '', 'x'.repeat(5000), [], {}, true, '2026-13-45T99:99:99Z', { level: 5 }];
    const mangle = (v: unknown, depth: number): unknown => {
      if (depth > 3 || v === null || typeof v !== 'object') return rnd.next() < 0.3 ? junk[rnd.int(0, junk.length - 1)] : v;
      const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
      for (const k of Object.keys(copy)) {
        const roll = rnd.next();
        if (roll < 0.1) delete copy[k];
        else if (roll < 0.5) copy[k] = mangle(copy[k], depth + 1);
      }
      return copy;
    };
    let accepted = 0;
    for (let i = 0; i < 10_000; i++) {
      const r = parseWazuhAlert(mangle(REAL, 0));
      if (r.ok) {
        accepted++;
        expect(DataEntrySchema.safeParse({ key: 'security.events', at: 1, value: { type: 'security-events', items: [r.event] } }).success).toBe(true);
      } else expect(r.message.length).toBeLessThanOrEqual(500);
    }
    expect(accepted, 'some survive mangling').toBeGreaterThan(100);
    expect(accepted, 'most do not').toBeLessThan(9000);
  });
});

describe('the SOC book', () => {
  it('keeps the newest events, refuses bad ones by index, and raises the serious ones as alerts with their event type', () => {
    const book = new SocBook();
    const low = { ...REAL, id: 'a1', timestamp: '2026-12-07T18:01:00.000+0700', rule: { ...REAL.rule, level: 3, groups: ['syslog', 'sudo'] } };
    const { result, entries } = book.ingest([REAL, low, { nope: 1 }], 5);
    expect(result).toMatchObject({ accepted: 2, refused: [{ index: 2 }] });
    const [events, alerts] = entries;
    expect(events?.value.type === 'security-events' && events.value.items.map((e) => e.severity), 'newest first').toEqual(['danger', 'info']);
    expect(alerts?.value).toMatchObject({ type: 'alerts', items: [{ severity: 'danger', event: 'sshd', area: 'cong-dvc-01', title: { vi: expect.stringMatching(/^An ninh mạng: sshd: brute force/) } }] });
    expect(book.ingest({ junk: true }, 6).entries, 'nothing accepted: nothing published').toEqual([]);
  });

  it('the demo\'s alerts all pass the same parser', () => {
    const rnd = createRandom(7);
    const book = new SocBook();
    let sent = 0;
    for (let i = 0; i < 200; i++) {
      const alerts = socAlerts(rnd, Date.UTC(2026, 11, 7) + i * 5000, i);
      sent += alerts.length;
      expect(book.ingest(alerts, i).result.refused).toEqual([]);
    }
    expect(sent).toBeGreaterThan(100);
  });
});
