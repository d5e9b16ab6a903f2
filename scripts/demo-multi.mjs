// npm run demo:multi: the 2×2 demo wall driven by two PCs, on this one: the standalone hub and two wall
// nodes (web hosts), row A (A1, A2) and row B (B1, B2), each with its own node file (config/nodes/),
// database and port. Prints every URL; open each node's screens in its own browser. Ctrl+C stops all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toan-canh-multi-'));
const children = [];

/** Starts a process and resolves with its printed lines once `done` says they are all there. */
function start(name, args, env, done) {
  const child = spawn(tsx, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, FORCE_COLOR: '0' } });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err = (err + String(d)).slice(-20_000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} printed nothing usable within 90 s\n${out}\n${err}`)), 90_000);
    child.stdout.on('data', (d) => {
      out += String(d);
      const lines = out.split('\n');
      if (done(lines)) {
        clearTimeout(timer);
        resolve({ child, lines });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}\n${out}\n${err}`));
    });
  });
}

function stopAll() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

try {
  const hub = await start('hub', ['hub/main.ts', '--port', String(process.env.HUB_PORT ?? 0), '--db', path.join(dir, 'hub.db'), '--apply-delay', process.env.TOAN_CANH_APPLY_DELAY_MS ?? '400'], {}, (lines) => lines.some((l) => l.startsWith('wall nodes: ')));
  const nodeLine = hub.lines.find((l) => l.startsWith('wall nodes: ')) ?? '';
  const hubUrl = /TOAN_CANH_HUB=(\S+)/.exec(nodeLine)?.[1];
  const nodeToken = /TOAN_CANH_HUB_TOKEN=(\S+)/.exec(nodeLine)?.[1];
  if (!hubUrl || !nodeToken) throw new Error(`the hub printed no node settings:\n${hub.lines.join('\n')}`);
  const rest = hub.lines.find((l) => l.includes('/api?token='));
  const nodes = [];
  for (const row of ['a', 'b']) {
    const args = ['electron/web-main.ts', '--wall', 'config/walls/demo-2x2.json', '--node', `config/nodes/demo-2x2-row-${row}.json`, '--port', '0', '--db', path.join(dir, `node-${row}`, 'wall.db')];
    fs.mkdirSync(path.join(dir, `node-${row}`));
    nodes.push({ row, ...(await start(`node ${row}`, args, { TOAN_CANH_HUB: hubUrl, TOAN_CANH_HUB_TOKEN: nodeToken }, (lines) => lines.some((l) => l.startsWith('tokens: ')) || lines.filter((l) => l.startsWith('screen ')).length >= 2)) });
  }
  console.log(`Toàn Cảnh — tường 2×2 do hai máy điều khiển / the 2×2 wall driven by two nodes (data in ${dir})`);
  console.log(`hub ${hubUrl}`);
  if (rest) console.log(`hub REST ${rest.trim()}`);
  for (const n of nodes) {
    for (const l of n.lines.filter((x) => x.startsWith('console ') || x.startsWith('screen '))) console.log(`node demo-row-${n.row} ${l}`);
  }
  console.log('Mở các màn hình của mỗi máy trong một trình duyệt riêng; Ctrl+C để dừng. / Open each node\'s screens in a browser of its own; Ctrl+C stops.');
  await Promise.race(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
} catch (err) {
  console.error(`demo:multi: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  stopAll();
}
