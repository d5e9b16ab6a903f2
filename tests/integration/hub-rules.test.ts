import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataEntry } from '../../common/protocol/data.js';
import type { RuleInput } from '../../common/rules/rule-schema.js';
import { fakeClock } from '../support/fake-clock.js';
import { tempDir, testHub, TOKENS } from '../support/hub-fixture.js';

// The hub's rules from their files: a gauge reading posted to POST /api/data proposes the flood
// scenario, the water receding reverts the wall; a rule may switch a wall by itself only where the
// scenario allows it for that severity; every firing is audited and GET /api/rules says what each did.

const H = 3600_000;
let hubs: Array<Awaited<ReturnType<typeof testHub>>> = [];
afterEach(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
});

function rulesDir(extra: Record<string, unknown>): string {
  const dir = tempDir();
  fs.copyFileSync('config/rules/flood-alarm-3.json', path.join(dir, 'flood-alarm-3.json'));
  for (const [name, body] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

async function start(extra: Record<string, unknown> = {}) {
  const clock = fakeClock(1_800_000_000_000);
  const hub = await testHub({ rulesDir: rulesDir(extra), now: clock.now });
  hubs.push(hub);
  const call = async (method: string, url: string, body?: unknown, token = TOKENS.admin) => {
    const res = await fetch(`${hub.url}${url}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as { ok: boolean; value: unknown; error?: { code: string; message: string } } };
  };
  return { hub, clock, call };
}

const gauges = (at: number, ...levels: number[]): { entries: DataEntry[] } => ({
  entries: [{ key: 'gauges.rivers', at, value: { type: 'gauges', items: levels.map((levelM, i) => ({ id: `g${i}`, name: `Trạm ${i}`, river: 'Hương', lat: 16.4, lon: 107.5, levelM, alarmM: [2, 3, 4] as [number, number, number], at })) } }],
});

const stormRule: RuleInput = {
  schemaVersion: 1,
  id: 'storm-cap',
  name: { vi: 'Bão: cảnh báo khẩn cấp', en: 'Storm: urgent warning' },
  when: { type: 'alert', key: 'alerts.*', minSeverity: 'danger', events: ['Bão'] },
  then: { action: 'activate', scenarioId: 'storm', reason: { vi: 'Cảnh báo bão: {title}', en: 'Storm warning: {title}' } },
  revert: { afterSeconds: 6 * 3600 },
};
const stormAlert = (severity: 'danger' | 'critical', at: number): { entries: DataEntry[] } => ({
  entries: [{ key: 'alerts.cap', at, value: { type: 'alerts', items: [{ id: 'bao-so-9', severity, event: 'Bão', title: { vi: 'Bão số 9 đổ bộ', en: 'Typhoon no. 9 making landfall' }, area: 'Ven biển', at }] } }],
});

describe('hub rules', () => {
  it('a gauge above level III proposes the flood scenario; every gauge below level II for two hours takes the wall back', async () => {
    const { hub, clock, call } = await start();
    expect((await call('POST', '/api/scenarios/normal-operations/activate')).status).toBe(202);
    expect((await call('POST', '/api/data', gauges(clock.now(), 3.5, 1))).status).toBe(202);
    expect((await call('GET', '/api/proposals')).body.value).toEqual([]);
    await call('POST', '/api/data', gauges(clock.now(), 4.2, 1));
    const [proposal] = (await call('GET', '/api/proposals')).body.value as Array<{ id: string; ruleId: string; scenarioId: string; reason: { vi: string } }>;
    expect(proposal).toMatchObject({ ruleId: 'flood-alarm-3', scenarioId: 'flood-response', reason: { vi: expect.stringContaining('Trạm 0 4,20 m, vượt báo động III (4,00 m)') } });
    expect((await call('POST', `/api/proposals/${proposal!.id}/confirm`, undefined, TOKENS.leader)).status).toBe(202);
    expect((await hub.core.activations.current('demo-2x2'))?.scenario.id).toBe('flood-response');

    clock.advance(H);
    await call('POST', '/api/data', gauges(clock.now(), 3.2, 1));
    clock.advance(2 * H);
    await hub.core.checkRules();
    expect((await hub.core.activations.current('demo-2x2'))?.scenario.id, 'still above level II').toBe('flood-response');
    await call('POST', '/api/data', gauges(clock.now(), 2.5, 1));
    clock.advance(2 * H - 1000);
    await hub.core.checkRules();
    expect((await hub.core.activations.current('demo-2x2'))?.scenario.id, 'not two hours yet').toBe('flood-response');
    clock.advance(1000);
    await hub.core.checkRules();
    expect((await hub.core.activations.current('demo-2x2'))).toMatchObject({ scenario: { id: 'normal-operations' }, source: 'rule', activatedBy: { name: 'rule flood-alarm-3', role: 'system' } });

    const rules = (await call('GET', '/api/rules', undefined, TOKENS.operator)).body.value as Array<{ id: string; phase: string; last: { outcome: string; detail: { en: string } } | null }>;
    expect(rules.find((r) => r.id === 'flood-alarm-3')).toMatchObject({ phase: 'cooling', last: { outcome: 'reverted', detail: { en: expect.stringContaining('previous scenario') } } });
    await hub.core.checkRules();
    expect(hub.core.ruleList().find((r) => r.id === 'flood-alarm-3')).toMatchObject({ phase: 'armed', last: { outcome: 'rearmed' } });

    const audit = (await call('GET', '/api/audit?limit=50')).body.value as Array<{ action: string; actor: string; result: string }>;
    const byRule = audit.filter((e) => e.actor === 'rule flood-alarm-3').map((e) => `${e.action}: ${e.result}`);
    expect(byRule).toEqual(expect.arrayContaining(['rule.fire: proposed', 'proposal.create: proposed', 'rule.revert: reverted: cleared', expect.stringMatching(/^scenario.revert: accepted/)]));
  });

  it('a rule switches a wall by itself only where the scenario allows it for that severity; otherwise it proposes', async () => {
    const { hub, clock, call } = await start({ 'storm-cap.json': stormRule });
    const storm = (await hub.core.store.scenario('storm'))!;
    await hub.core.publishScenario({ scenario: { ...storm, ruleActivation: { minSeverity: 'critical' } }, actor: { name: 'admin', role: 'admin' }, origin: 'test' });

    await call('POST', '/api/data', stormAlert('danger', clock.now()));
    expect((await hub.core.activations.current('demo-2x2')), 'danger is below what the scenario allows').toBeNull();
    expect(hub.core.allProposals()).toMatchObject([{ ruleId: 'storm-cap', scenarioId: 'storm', reason: { vi: 'Cảnh báo bão: Bão số 9 đổ bộ' } }]);
    expect(hub.core.ruleList().find((r) => r.id === 'storm-cap')?.last?.outcome).toBe('proposed');

    // Six hours on, the rule withdraws its proposal; the alert is gone, so it is ready again.
    clock.advance(6 * H);
    await hub.core.checkRules();
    expect(hub.core.allProposals()).toEqual([]);
    expect(hub.core.ruleList().find((r) => r.id === 'storm-cap')?.last?.outcome).toBe('withdrawn');
    await call('POST', '/api/data', { entries: [{ key: 'alerts.cap', at: clock.now(), value: { type: 'alerts', items: [] } }] });

    await call('POST', '/api/data', stormAlert('critical', clock.now()));
    expect((await hub.core.activations.current('demo-2x2'))).toMatchObject({ scenario: { id: 'storm' }, source: 'rule', activatedBy: { name: 'rule storm-cap' } });
    expect(hub.core.allProposals()).toEqual([]);
    const audit = (await call('GET', '/api/audit?limit=50')).body.value as Array<{ action: string; actor: string; result: string }>;
    expect(audit.filter((e) => e.actor === 'rule storm-cap').map((e) => `${e.action}: ${e.result}`)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^rule\.fire: proposed \(the scenario allows rules to activate it from critical; this finding is danger\)/),
      'rule.revert: withdrawn: timeout',
      'rule.fire: activated',
    ]));
  });

  it('a bad rule file is refused with its name and the JSON path of the problem; the other rules still run', async () => {
    const { hub, clock, call } = await start({ 'broken.json': { ...stormRule, id: 'broken', when: { type: 'value', key: 'kpi.rain' } }, 'not-json.json': '{ "id": ' });
    const refused = hub.log.lines.filter((l) => l.msg === 'rule file refused').map((l) => `${String(l.file)}: ${String(l.problem)}`);
    expect(refused).toEqual(expect.arrayContaining([expect.stringMatching(/broken\.json: when: give exactly one of "above" and "below"/), expect.stringMatching(/not-json\.json: not valid JSON at line 1/)]));
    expect(hub.core.ruleList().map((r) => r.id)).toEqual(['flood-alarm-3']);
    await call('POST', '/api/data', gauges(clock.now(), 4.5));
    expect(hub.core.allProposals()).toHaveLength(1);
  });

  it('Wazuh alerts posted to /api/soc/wazuh become security events, and a critical malware alert fires a rule on alerts.soc', async () => {
    const cyber: RuleInput = {
      schemaVersion: 1, id: 'cyber-malware', name: { vi: 'Mã độc', en: 'Malware' },
      when: { type: 'alert', key: 'alerts.soc', minSeverity: 'critical', events: ['rootcheck'] },
      then: { action: 'propose', scenarioId: 'cyber-incident', reason: { vi: '{title}', en: '{title}' } },
    };
    const { hub, clock, call } = await start({ 'cyber.json': cyber });
    const alert = (level: number, groups: string[]) => ({ timestamp: new Date(clock.now()).toISOString(), rule: { level, description: 'Trojaned version of file detected.', groups }, agent: { name: 'mot-cua-db' } });
    expect(await call('POST', '/api/soc/wazuh', { rule: {} })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid-payload', message: expect.stringMatching(/not a Wazuh alert/) } } });
    expect(await call('POST', '/api/soc/wazuh', [alert(7, ['ossec', 'syscheck'])], TOKENS.leader)).toMatchObject({ status: 403 });
    expect(await call('POST', '/api/soc/wazuh', [alert(7, ['ossec', 'syscheck']), { bad: 1 }])).toMatchObject({ status: 202, body: { value: { accepted: 1, refused: [{ index: 1 }] } } });
    expect(hub.core.dataValue('security.events')?.value).toMatchObject({ type: 'security-events', items: [{ severity: 'warning', asset: 'mot-cua-db', source: 'Wazuh: syscheck' }] });
    expect(hub.core.allProposals()).toEqual([]);
    await call('POST', '/api/soc/wazuh', alert(13, ['ossec', 'rootcheck']));
    expect(hub.core.allProposals()).toMatchObject([{ ruleId: 'cyber-malware', scenarioId: 'cyber-incident', reason: { vi: 'An ninh mạng: Trojaned version of file detected. (mot-cua-db)' } }]);
  });
});
