// Fault 6: the hub's database damaged while it is down. The hub must refuse to start with a message that
// says what to do; the wall node following it must keep showing its last scenario, also across its own restart.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startHubProcess } from '../../tests/support/hub-process.ts';
import { fmtMs, hubRest, openScreenSocket, openWallScreens, sleep, startNode, table, tempDir, within } from './common.mjs';

const ACTION_WORDS = /move .*aside|di chuyển|chuyển .*sang|restore|khôi phục|backup|sao lưu|delete|xoá|xóa/i;
const WATCH_MS = 10_000;

export async function hubCorrupt(stack) {
  const dir = tempDir(stack, 'hub-corrupt');
  const db = path.join(dir, 'hub.db');
  let hub = await startHubProcess(dir, { db });
  stack.defer('hub', () => hub.kill());
  const port = hub.port;
  const wallDb = path.join(dir, 'wall.db');
  let { node, desk } = await startNode(stack, { db: wallDb, hubUrl: hub.url, nodeId: 'fault-hub-corrupt', label: 'wall node (first)' });
  const screens = await openWallScreens(stack, node, desk);
  await hubRest(hub.url, 'POST', '/api/scenarios/storm/activate', {});
  const shown = await hubRest(hub.url, 'POST', '/api/scenarios/flood-response/activate', {});
  if (!shown.body.ok) throw new Error(`activation refused: ${JSON.stringify(shown.body.error)}`);
  const revision = shown.body.value.revision;
  if ((await within(10_000, () => screens.every((s) => s.scenarioRevision() === revision))) === null) throw new Error('the screens did not show the activation within 10 s');
  await hub.kill();

  // Everything in the main file, then a clean copy to damage one way per variant.
  const fix = new Database(db);
  fix.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = fix.pragma('page_size', { simple: true });
  const activationsRoot = fix.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'activations'").get().rootpage;
  fix.close();
  const pristine = `${db}.pristine`;
  fs.copyFileSync(db, pristine);
  const variants = [
    { name: `the root page of the activations table (page ${activationsRoot})`, page: activationsRoot },
    { name: 'page 1 (the file header and schema)', page: 1 },
  ];
  const results = [];
  for (const v of variants) {
    fs.copyFileSync(pristine, db);
    for (const extra of ['-wal', '-shm']) fs.rmSync(db + extra, { force: true });
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (v.page - 1) * pageSize);
    fs.closeSync(fd);
    const t = Date.now();
    try {
      hub = await startHubProcess(dir, { db, port });
      results.push({ ...v, refused: false, ms: Date.now() - t, message: 'the hub started and serves requests' });
      const health = await hubRest(hub.url, 'GET', '/api/walls').catch((e) => ({ body: { ok: false, error: { message: e.message } } }));
      results.at(-1).message += `; GET /api/walls: ${health.body.ok ? `ok (revision ${health.body.value[0]?.revision ?? '—'})` : health.body.error.message}`;
      await hub.kill();
    } catch (err) {
      const said = /toan-canh hub: cannot start: [^\n]*/.exec(err.message)?.[0] ?? err.message.slice(0, 400);
      results.push({ ...v, refused: true, ms: Date.now() - t, message: said });
    }
  }

  // The node meanwhile: its last scenario, then the same after a kill -9 with the hub still down.
  const keptFor = await within(WATCH_MS, () => desk.state()?.scenario?.revision !== revision || screens.some((s) => s.scenarioRevision() !== revision), 100);
  const beforeRestart = desk.state();
  await node.kill9();
  desk.close();
  const restartAt = Date.now();
  ({ node, desk } = await startNode(stack, { db: wallDb, hubUrl: `http://127.0.0.1:${port}`, nodeId: 'fault-hub-corrupt', label: 'wall node (restarted)' }));
  const restartedMs = Date.now() - restartAt;
  const restoredMs = await within(WATCH_MS, () => desk.state()?.scenario?.revision === revision);
  await sleep(200);
  const after = desk.state();
  const screenAfter = await openScreenSocket(node.origin, node.consoleToken, 'A1');
  stack.defer('screen socket A1 (restarted node)', () => screenAfter.close());

  const rows = [
    ...results.map((r) => ({
      done: `hub stopped (SIGKILL) after revision ${revision}, its database checkpointed, then ${r.name} overwritten with 0xA5 bytes (${pageSize} bytes); the hub started on it`,
      measured: `${r.refused ? `refused in ${fmtMs(r.ms)}` : `NOT refused (${fmtMs(r.ms)})`}; stderr: "${r.message}"`,
      goal: 'the hub refuses, with a message that says what to do',
      ok: r.refused && ACTION_WORDS.test(r.message),
    })),
    {
      done: `meanwhile the wall node (hub unreachable) watched for ${WATCH_MS / 1000} s`,
      measured: `console state: scenario ${beforeRestart?.scenario?.id ?? 'none'} revision ${beforeRestart?.scenario?.revision ?? '—'}, hub ${beforeRestart?.backend?.state}; four screens on revision ${revision}: ${keptFor === null ? 'throughout' : `NO, changed after ${fmtMs(keptFor)}`}`,
      goal: 'the wall keeps its last scenario',
      ok: keptFor === null && beforeRestart?.scenario?.revision === revision,
    },
    {
      done: 'then the node killed (SIGKILL) and started again on its database, the hub still refusing to start',
      measured: `node ready in ${fmtMs(restartedMs)}; its state: scenario ${after?.scenario?.id ?? 'none'} revision ${after?.scenario?.revision ?? '—'}${restoredMs === null ? '' : ` (within ${fmtMs(restoredMs)} of the console connecting)`}, layout "${after?.layout?.id}", hub ${after?.backend?.state}, data marked stale: ${after?.dataStale ? 'yes' : 'no'}; a screen connecting gets scenario revision ${screenAfter.scenarioRevision() ?? 'none'}`,
      goal: 'the wall keeps its last scenario across its own restart (issue 19, part 2)',
      ok: restoredMs !== null && screenAfter.scenarioRevision() === revision,
    },
  ];
  return {
    title: "Fault 6: the hub's database corrupt at start",
    body: `A standalone hub and a web host wall node following it, four screen sockets. The hub's message is what it printed on stderr before exiting (\`toan-canh hub: cannot start: …\`).\n\n${table(rows)}`,
    ok: rows.every((r) => r.ok !== false),
  };
}
