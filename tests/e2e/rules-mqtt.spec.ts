import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { hasMosquitto, startMosquitto, type Broker } from '../support/services.js';
import { ACCOUNTS } from './support/accounts.js';
import { expect, HEAVY_PANEL_TYPES, test as wallTest } from './support/fixtures.js';
import { startWebHostProcess, type WebHostProcess } from './support/web-host-process.js';
import { ConsolePage } from './pages/console-page.js';

// A river gauge on MQTT, as a centre wires one: Debian's mosquitto on loopback, an MQTT source
// (config/sources) and the flood rule (config/rules) as files, the simulator off. The reading crosses
// alarm level III: the rule proposes the flood scenario and a leader confirms; the reading falls below
// level II and stays there for the rule's time (3 s here, two hours in config/rules): the wall goes back.

const TOPIC = 'tram/kim-long/muc-nuoc';
const station = { id: 'kim-long', name: 'Kim Long', river: 'Hương', lat: 16.45, lon: 107.55, alarmM: [1, 2, 3.5] };

function configDirs(broker: Broker): { sources: string; rules: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-rules-e2e-'));
  const sources = path.join(dir, 'sources');
  const rules = path.join(dir, 'rules');
  fs.mkdirSync(sources);
  fs.mkdirSync(rules);
  const source = { id: 'tram-do-mua', type: 'mqtt', url: broker.url, topics: [{ topic: TOPIC, payload: 'number', points: [{ to: { kind: 'gauge', key: 'gauges.mqtt', station, min: -5, max: 30 } }] }] };
  fs.writeFileSync(path.join(sources, 'tram-do-mua.json'), JSON.stringify(source, null, 2));
  const flood = JSON.parse(fs.readFileSync('config/rules/flood-alarm-3.json', 'utf8')) as { revert: { when: { forSeconds: number } } };
  flood.revert.when.forSeconds = 3;
  fs.writeFileSync(path.join(rules, 'flood-alarm-3.json'), JSON.stringify(flood, null, 2));
  return { sources, rules };
}

const test = wallTest.extend<object, { broker: Broker; host: WebHostProcess }>({
  broker: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const broker = await startMosquitto();
      await use(broker);
      await broker.stop();
    },
    { scope: 'worker' },
  ],
  host: [
    async ({ broker }, use) => {
      const dirs = configDirs(broker);
      const host = await startWebHostProcess({
        withoutTypes: HEAVY_PANEL_TYPES,
        env: { TOAN_CANH_SIMULATE: '0', TOAN_CANH_SOURCES_DIR: dirs.sources, TOAN_CANH_RULES_DIR: dirs.rules, TOAN_CANH_APPLY_DELAY_MS: '600' },
      });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

test.describe.configure({ timeout: 120_000 });
test.skip(!hasMosquitto, 'needs Debian\'s mosquitto at /usr/sbin/mosquitto (apt-get install mosquitto)');

test('an MQTT gauge above level III proposes the flood scenario; below level II for the rule\'s time, the wall goes back', async ({ context, wall, screens, broker }) => {
  const hub = wall.host.hubUrl;
  const rest = (method: string, route: string) =>
    fetch(`${hub.origin}${route}`, { method, headers: { Authorization: `Bearer ${hub.searchParams.get('token') ?? ''}` } }).then(async (r) => (await r.json()) as { ok: boolean; value: unknown });
  expect((await rest('POST', '/api/scenarios/normal-operations/activate')).ok).toBe(true);
  await expect.poll(async () => (await wall.snapshot()).scenario?.id).toBe('normal-operations');

  const console_ = await ConsolePage.open(context, wall.host.consoleUrl, ACCOUNTS.leader);
  await console_.openArea('leader');
  const rule = console_.page.getByTestId('rule-flood-alarm-3');
  await expect(rule, 'the console lists the rule, watching').toHaveAttribute('data-phase', 'armed');

  const sensor = await mqtt.connectAsync(broker.url, { clientId: 'tram-kim-long' });
  try {
    // Retained, as gauges publish: the hub's source gets it whenever it subscribes.
    await sensor.publishAsync(TOPIC, '3.62', { qos: 1, retain: true });
    const proposal = console_.page.locator('[data-testid^="proposal-"]:not([data-testid^="proposal-confirm-"])').first();
    await expect(proposal).toContainText('Kim Long');
    await expect(proposal).toContainText('vượt báo động III');
    await expect(rule).toHaveAttribute('data-outcome', 'proposed');
    expect((await wall.snapshot()).scenario?.id, 'a proposal alone switches nothing').toBe('normal-operations');

    await proposal.locator('[data-testid^="proposal-confirm-"]').click();
    await expect(console_.page.getByTestId('summary-scenario')).toHaveAttribute('data-scenario', 'flood-response');
    const flood = await wall.snapshot();
    for (const s of Object.values(screens)) await s.waitForRevision(flood.revision);

    // The water recedes below level II (2 m) and stays there: the rule takes the wall back.
    await sensor.publishAsync(TOPIC, '1.80', { qos: 1, retain: true });
    await expect(console_.page.getByTestId('summary-scenario')).toHaveAttribute('data-scenario', 'normal-operations', { timeout: 30_000 });
    const back = await wall.snapshot();
    expect(back.scenario).toMatchObject({ id: 'normal-operations', source: 'rule' });
    for (const s of Object.values(screens)) await s.waitForRevision(back.revision);
    await expect(rule).toHaveAttribute('data-outcome', /reverted|rearmed/);

    const audit = (await rest('GET', '/api/audit?limit=50')).value as Array<{ action: string; actor: string; result: string }>;
    const byRule = audit.filter((e) => e.actor === 'rule flood-alarm-3').map((e) => `${e.action}: ${e.result}`);
    expect(byRule, JSON.stringify(byRule)).toEqual(expect.arrayContaining(['rule.fire: proposed', 'rule.revert: reverted: cleared']));
  } finally {
    await sensor.endAsync();
  }
});
