// Fault 3: the disk under the wall node's database fills up. The console and the log must say so
// clearly, the wall must keep showing (screens still get state), and nothing may be half-written.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { signInAdmin } from '../../tests/e2e/support/accounts.ts';
import { startHubProcess } from '../../tests/support/hub-process.ts';
import { fmtMs, hubRest, openWallScreens, sleep, startNode, table, tempDir, within } from './common.mjs';

const SIZE_MIB = 12;
const WRITES = 10; // of each kind while full
const DISK_WORDS = /SQLITE_FULL|db\/full|disk (is )?full|disk under .* is full|đầy|no space|ENOSPC|database or disk is full/i;
// A message a person can act on says what to do, not only what failed.
const ACTION_WORDS = /giải phóng|free (up )?(some )?space|xoá|xóa|delete|remove|dọn/i;

export async function diskFull(stack) {
  const dir = tempDir(stack, 'disk-full');
  const hub = await startHubProcess(dir, { db: path.join(dir, 'hub.db') });
  stack.defer('hub', () => hub.kill());

  // A size-limited folder for the node's database: tmpfs (root), else the run says it could not.
  const full = path.join(dir, 'full');
  fs.mkdirSync(full);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MIB}m`, 'tmpfs', full], { stdio: 'pipe' });
  } catch (err) {
    return { title: 'Fault 3: the disk full under the database', body: `**Not run:** \`mount -t tmpfs\` failed here (${String(err.stderr ?? err.message).trim()}); run as root.`, ok: false };
  }
  stack.defer(`tmpfs at ${full}`, () => execFileSync('umount', ['-l', full]));
  // The log file beside the database would be on the full disk too; it is kept outside so it can be read.
  fs.mkdirSync(path.join(dir, 'node-logs'));
  fs.symlinkSync(path.join(dir, 'node-logs'), path.join(full, 'logs'));
  const db = path.join(full, 'wall.db');
  const { node, desk } = await startNode(stack, { db, hubUrl: hub.url, nodeId: 'fault-disk-full' });
  await signInAdmin(desk.socket);
  const screens = await openWallScreens(stack, node, desk);
  const base = JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8'));
  const layout = (id, n) => ({ ...base, id, name: `Bố cục ${id} ${n}` });
  // Before: one layout saved while there is room.
  const before = await desk.socket.request('layouts:save', { layout: layout('fault-full-before', 0), expectedRevision: 0 });
  if (!before.ok) throw new Error(`saving a layout before the disk was full failed: ${before.error.message}`);
  const problemsBefore = desk.state()?.problems.length ?? 0;
  const logFile = path.join(dir, 'node-logs', 'toan-canh-web.log');
  const logBefore = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;

  // Fill the folder to the last byte.
  const filler = path.join(full, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x55);
  let filled = 0;
  for (let i = 0; i < (SIZE_MIB * 1024 * 1024) / chunk.length + 16; i++) {
    try {
      filled += fs.writeSync(fd, chunk);
    } catch {
      break; // ENOSPC
    }
  }
  for (const size of [4096, 512, 64, 1]) {
    try {
      while (fs.writeSync(fd, Buffer.alloc(size))) filled += size;
    } catch {
      /* full at this size; try smaller */
    }
  }
  fs.closeSync(fd);
  const freeKiB = Number(execFileSync('df', ['-k', '--output=avail', full], { encoding: 'utf8' }).split('\n')[1]);

  // While full: the console keeps editing, and a scenario is activated on the hub.
  const answers = [];
  for (let n = 1; n <= WRITES; n++) {
    answers.push({ kind: 'layouts:save', id: `fault-full-${n}`, r: await desk.socket.request('layouts:save', { layout: layout(`fault-full-${n}`, n), expectedRevision: 0 }).catch((e) => ({ ok: false, error: { code: 'unanswered', message: e.message } })) });
    answers.push({ kind: 'drafts:save', r: await desk.socket.request('drafts:save', { layout: layout(`fault-full-draft-${n}`, n), baseRevision: 0 }).catch((e) => ({ ok: false, error: { code: 'unanswered', message: e.message } })) });
  }
  const activateAt = Date.now();
  const activation = await hubRest(hub.url, 'POST', '/api/scenarios/storm/activate', {});
  const revision = activation.body.ok ? activation.body.value.revision : null;
  const switchWait = revision === null ? null : await within(10_000, () => screens.every((s) => s.scenarioRevision() === revision));
  const switchMs = switchWait === null ? null : Date.now() - activateAt;
  await sleep(1000); // the console's state and the log catch up
  const failedAnswers = answers.filter((a) => !a.r.ok);
  const messages = [...new Set(failedAnswers.map((a) => `${a.r.error.code}: ${a.r.error.message}`))];
  const namingDisk = failedAnswers.filter((a) => DISK_WORDS.test(a.r.error.message));
  const clearAnswers = namingDisk.filter((a) => ACTION_WORDS.test(a.r.error.message) && a.r.error.code !== 'internal');
  const problems = (desk.state()?.problems ?? []).slice(problemsBefore);
  const diskProblems = problems.filter((p) => DISK_WORDS.test(p.message));
  const logText = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(logBefore) : '';
  const logLines = logText.split('\n').filter((l) => DISK_WORDS.test(l));
  const screensAlive = screens.every((s) => s.closedAt() === null);

  // Room again: does saving work without a restart? Then the node is killed and the file checked.
  fs.rmSync(filler);
  const after = await desk.socket.request('layouts:save', { layout: layout('fault-full-after', 0), expectedRevision: 0 }).catch((e) => ({ ok: false, error: { message: e.message } }));
  await node.kill9();
  const check = new Database(db, { fileMustExist: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  const stored = check.prepare("SELECT id, layout_json FROM layouts WHERE id LIKE 'fault-full-%'").all();
  check.close();
  const acked = new Set(answers.filter((a) => a.kind === 'layouts:save' && a.r.ok).map((a) => a.id));
  const unreadable = stored.filter((r) => {
    try {
      JSON.parse(r.layout_json);
      return false;
    } catch {
      return true;
    }
  });
  const storedWhileFull = stored.filter((r) => /^fault-full-\d+$/.test(r.id)).length;

  const rows = [
    {
      done: `wall database on a ${SIZE_MIB} MiB tmpfs (\`mount -t tmpfs\`, not an injected error), filled with a file until writes failed (${(filled / 2 ** 20).toFixed(1)} MiB written, ${freeKiB} KiB left); then ${WRITES} layout saves and ${WRITES} draft saves from the console`,
      measured: `${answers.length - failedAnswers.length} of ${answers.length} acknowledged; answers to the others: ${messages.join(' / ') || '—'}; ${namingDisk.length} of ${failedAnswers.length} name the full disk, ${clearAnswers.length} also say what to do under an error code of their own`,
      goal: 'a clear message on the console: the answer names the full disk and what to do (Vietnamese first, as every message)',
      ok: failedAnswers.length > 0 && clearAnswers.length === failedAnswers.length,
    },
    {
      done: 'same run: the console\'s problems list (the state it gets over its socket), which the console shows',
      measured: `problems added: ${problems.length ? problems.map((p) => `"${p.code}: ${p.message}"`).join('; ') : 'none'}`,
      goal: 'the full disk shown among the console\'s problems',
      ok: diskProblems.length > 0,
    },
    {
      done: 'same run: the node\'s log file',
      measured: `log lines naming the full disk: ${logLines.length}${logLines.length ? ` (first: ${logLines[0].slice(0, 240)})` : ''}`,
      goal: 'the full disk said in the log',
      ok: logLines.length > 0,
    },
    {
      done: 'same run, still full: a scenario activated on the hub (the node records what it shows in the full database)',
      measured: revision === null ? `the hub refused: ${JSON.stringify(activation.body.error)}` : `all four screens switched to revision ${revision} ${switchMs === null ? 'NOT within 10 s' : `${fmtMs(switchMs)} after the REST request went out`}; screen sockets still open: ${screensAlive ? 'all four' : 'NOT all'}`,
      goal: 'the wall keeps showing (screens still get state)',
      ok: switchMs !== null && screensAlive,
    },
    {
      done: 'the filler removed, one more save; then the node killed (SIGKILL) and the file checked',
      measured: `save after room came back: ${after.ok ? 'acknowledged' : `refused (${after.error.message})`}; \`PRAGMA integrity_check\`: ${integrity}; layouts saved while full found in the file: ${storedWhileFull} (acknowledged: ${acked.size}); stored layouts whose JSON does not parse: ${unreadable.length}`,
      goal: 'nothing half-written (integrity_check ok)',
      ok: integrity === 'ok' && unreadable.length === 0 && stored.filter((r) => acked.has(r.id)).length === acked.size,
    },
  ];
  return {
    title: 'Fault 3: the disk full under the database',
    body: `A web host wall node following a standalone hub, its database in a size-limited folder; its console over the WebSocket (signed in as an administrator) and four screen sockets. The node's \`logs/\` folder is a link to a folder outside the full one, so the log can be read (on a real full disk the log file fails too and the node logs to stderr only).\n\n${table(rows)}`,
    ok: rows.every((r) => r.ok !== false),
  };
}
