// Fault 1: kill -9 the standalone hub during a burst of REST activations, a web host node following it
// with four screens. Every acknowledged activation must be in the hub's history after its restart, none
// applied twice, revisions strictly increasing on every screen, every screen on the hub's last revision
// within 5 s of its return.
import path from 'node:path';
import Database from 'better-sqlite3';
import { startHubProcess } from '../../tests/support/hub-process.ts';
import { fmtMs, hubRest, openWallScreens, sleep, startNode, table, tempDir, within } from './common.mjs';

const ACTIVATIONS = 100;
const EVERY_MS = 25;
const KILL_AT = 50; // killed as the 50th request goes out, with the ones before it still in flight
const RESYNC_GOAL_MS = 5000;
const SCENARIOS = ['flood-response', 'storm', 'traffic-incident', 'public-event', 'normal-operations'];

export async function hubKill(stack) {
  const dir = tempDir(stack, 'hub-kill');
  const db = path.join(dir, 'hub.db');
  let hub = await startHubProcess(dir, { db });
  stack.defer('hub (first)', () => hub.kill());
  const { node, desk } = await startNode(stack, { db: path.join(dir, 'wall.db'), hubUrl: hub.url, nodeId: 'fault-hub-kill' });
  const screens = await openWallScreens(stack, node, desk);

  // The burst: one request every EVERY_MS ms, each answered or failing on its own.
  const attempts = [];
  let killedAt = null;
  let killing = null;
  for (let i = 0; i < ACTIVATIONS; i++) {
    const scenarioId = SCENARIOS[i % SCENARIOS.length];
    const attempt = { i, scenarioId, sentAt: Date.now(), answer: null, error: null };
    attempt.done = hubRest(hub.url, 'POST', `/api/scenarios/${scenarioId}/activate`, {}).then(
      (r) => (attempt.answer = r),
      (err) => (attempt.error = err.cause?.code ?? err.message),
    );
    attempts.push(attempt);
    if (i === KILL_AT) {
      killedAt = Date.now();
      killing = hub.kill();
    }
    await sleep(EVERY_MS);
  }
  await killing;
  await Promise.all(attempts.map((a) => a.done));
  const burstMs = Date.now() - attempts[0].sentAt;
  await sleep(500);
  const restartAt = Date.now();
  hub = await startHubProcess(dir, { db, port: hub.port });
  const returnedAt = Date.now();
  stack.defer('hub (restarted)', () => hub.kill());

  const acked = attempts.filter((a) => a.answer?.body?.ok);
  const refused = attempts.filter((a) => a.answer && !a.answer.body.ok);
  const failed = attempts.filter((a) => !a.answer);
  const history = new Database(db, { readonly: true, fileMustExist: true });
  const rows = history.prepare("SELECT revision, scenario_id FROM activations WHERE wall_id = 'demo-2x2' ORDER BY revision").all();
  history.close();
  const byRevision = new Map(rows.map((r) => [r.revision, r.scenario_id]));
  const lost = acked.filter((a) => byRevision.get(a.answer.body.value.revision) !== a.scenarioId);
  const ackedRevisions = acked.map((a) => a.answer.body.value.revision);
  const sharedRevisions = ackedRevisions.length - new Set(ackedRevisions).size;
  const last = rows.at(-1)?.revision ?? 0;
  const unacknowledgedInHistory = rows.length - acked.length;

  // Every screen on the hub's last revision after its return.
  const waitFrom = Date.now();
  const resync = await Promise.all(screens.map((s) => within(15_000, () => s.scenarioRevision() === last, 10)));
  const sinceReturn = resync.map((ms) => (ms === null ? null : ms + (waitFrom - returnedAt)));
  await sleep(1000); // anything sent twice would arrive now
  const perScreen = screens.map((s) => {
    const revs = s.switches().map((m) => m.revision);
    const increasing = revs.every((r, k) => k === 0 || r > revs[k - 1]);
    const twice = revs.length - new Set(revs).size;
    return { id: s.screenId, count: revs.length, increasing, twice, repeats: s.repeats(), first: revs[0], lastShown: revs.at(-1) };
  });
  const worstResync = sinceReturn.some((t) => t === null) ? null : Math.max(...sinceReturn);
  const allIncreasing = perScreen.every((p) => p.increasing);
  const twiceTotal = perScreen.reduce((n, p) => n + p.twice, 0);
  const hubDownMs = returnedAt - killedAt;

  const rowsOut = [
    {
      done: `${ACTIVATIONS} activations over REST, one every ${EVERY_MS} ms (${fmtMs(burstMs)}), five scenarios in turn; hub killed (SIGKILL) as request ${KILL_AT + 1} went out; restarted on the same port and database ${fmtMs(returnedAt - killedAt)} later (start took ${fmtMs(returnedAt - restartAt)})`,
      measured: `${acked.length} acknowledged (202), ${refused.length} refused by the hub, ${failed.length} unanswered (connection refused/reset: ${[...new Set(failed.map((f) => f.error))].join(', ') || '—'}); history after restart: ${rows.length} activations, revisions ${rows[0]?.revision ?? '—'}–${last}; acknowledged but missing or another scenario: ${lost.length}; in history without an acknowledgement (in flight at the kill): ${unacknowledgedInHistory}`,
      goal: 'none lost: every acknowledged activation in the hub\'s history',
      ok: lost.length === 0 && acked.length > 0,
    },
    {
      done: 'same run: revisions handed out, and what each screen was told to switch to',
      measured: `${sharedRevisions} revision numbers given to two acknowledged activations; switches per screen ${perScreen.map((p) => `${p.id} ${p.count}`).join(', ')}; a revision switched to twice: ${twiceTotal}; the shown scenario re-sent without a switch: ${perScreen.map((p) => p.repeats).join('/')}`,
      goal: 'none applied twice',
      ok: sharedRevisions === 0 && twiceTotal === 0,
    },
    {
      done: 'same run: the order of revisions each screen switched to',
      measured: perScreen.map((p) => `${p.id}: ${p.count} switches, ${p.first}→${p.lastShown}, ${p.increasing ? 'strictly increasing' : 'OUT OF ORDER'}`).join('; '),
      goal: 'revisions strictly increasing on every screen',
      ok: allIncreasing,
    },
    {
      done: `hub back after ${fmtMs(hubDownMs)} down; its last revision ${last}`,
      measured: `every screen on revision ${last} ${worstResync === null ? 'NOT within 15 s' : `${fmtMs(worstResync)} after the hub printed its URL`} (per screen ${sinceReturn.map(fmtMs).join(', ')})`,
      goal: `every screen on the hub's last revision within ${RESYNC_GOAL_MS / 1000} s of its return`,
      ok: worstResync !== null && worstResync <= RESYNC_GOAL_MS,
    },
  ];
  return {
    title: 'Fault 1: the hub killed during a burst of activations',
    body: `A standalone hub (\`hub/main.ts\` as its own process, \`--no-sim\`) and a web host wall node following it (\`TOAN_CANH_HUB\`), the 2×2 demo wall; the four screens are WebSocket clients of the node that keep the state from snapshot and patches and report each revision applied, as the screen page does (they do not draw). The history is the hub's \`activations\` table, read from its database after the restart.\n\n${table(rowsOut)}`,
    ok: rowsOut.every((r) => r.ok !== false),
  };
}
