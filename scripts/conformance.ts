// npm run conformance -- --url http://<hub>:4290 --node-token … --command-token … --wall <id> --screens A1,A2 --scenario <id>
// Checks a hub (ours or a province's own) against docs/protocol.md over the wire (tests/conformance/).
// Use a wall, screens and scenario set aside for the test: it activates that scenario several times.
import { parseArgs } from 'node:util';
import { checks, runConformance } from '../tests/conformance/checks.js';

const usage = `npm run conformance -- [options]
  --url <url>              the hub's base URL (http://host:port)
  --node-token <token>     a token of role node
  --command-token <token>  a token of role leader or admin (activates --scenario several times)
  --wall <id>              the wall the suite's node claims
  --screens <A1,A2>        screens of that wall no other node drives during the run
  --scenario <id>          a scenario of that wall
  --only <id,id>           run only these checks (${checks.map((c) => c.id).join(', ')})`;

const { values } = parseArgs({
  options: { url: { type: 'string' }, 'node-token': { type: 'string' }, 'command-token': { type: 'string' }, wall: { type: 'string' }, screens: { type: 'string' }, scenario: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean' } },
  strict: true,
});
const missing = ['url', 'node-token', 'command-token', 'wall', 'screens', 'scenario'].filter((k) => !values[k as keyof typeof values]);
if (values.help || missing.length) {
  if (missing.length && !values.help) console.error(`missing: ${missing.map((m) => `--${m}`).join(', ')}\n`);
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const target = {
  url: values.url!.replace(/\/+$/, ''),
  nodeToken: values['node-token']!,
  commandToken: values['command-token']!,
  wallId: values.wall!,
  screens: values.screens!.split(',').map((s) => s.trim()).filter(Boolean),
  scenarioId: values.scenario!,
};
const results = await runConformance(target, values.only?.split(','), (r) => console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.id} (${r.section}) ${r.title}${r.ok ? '' : `\n     ${r.message}`}`));
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} of ${results.length} checks passed`);
process.exit(failed ? 1 : 0);
