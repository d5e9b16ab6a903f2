// Shared pieces of the fault runs (scripts/faults.mjs): what must be stopped on the way out, bounded
// waits, the hub's REST, stand-in screens over the node's WebSocket, and the report's tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPatch } from '../../common/state.ts';
import { TOKENS } from '../../tests/support/hub-fixture.ts';
import { openConsole, startWallNodeProcess } from '../../tests/support/wall-node-process.ts';
import { WallSocket } from '../../tests/support/wall-socket.ts';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Everything a fault started, stopped in reverse order whatever happens (also when the fault throws). */
export class Stack {
  #steps = [];
  defer(what, stop) {
    this.#steps.push({ what, stop });
  }
  async unwind() {
    for (const { what, stop } of this.#steps.reverse()) {
      try {
        await stop();
      } catch (err) {
        console.warn(`faults: stopping ${what} failed: ${err.message}`);
      }
    }
    this.#steps = [];
  }
}

export function tempDir(stack, name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tc-fault-${name}-`));
  stack.defer(`temp folder ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Polls `check` every `everyMs` until it holds: the time it took (ms), or null after `timeoutMs`. */
export async function within(timeoutMs, check, everyMs = 20) {
  const start = Date.now();
  while (Date.now() - start <= timeoutMs) {
    if (await check()) return Date.now() - start;
    await sleep(everyMs);
  }
  return null;
}

/** POST/GET on a hub's REST API with its admin token (tests/support/hub-fixture.ts grants). */
export async function hubRest(hubUrl, method, route, body, token = TOKENS.admin) {
  const res = await fetch(`${hubUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(5000),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * A screen as the renderer is to its node, without drawing: keeps the state from snapshot and patches,
 * reports each revision as applied, and notes every scenario revision it was told to show, with when.
 */
export async function openScreenSocket(origin, token, screenId) {
  const socket = await WallSocket.open(`${origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}&role=screen&screen=${screenId}`);
  let state = null;
  let reported = 0;
  const scenarioMessages = []; // { revision, at, kind }
  let closedAt = null;
  socket.ws.on('close', () => (closedAt = Date.now()));
  const handle = (m) => {
    let scenario;
    if (m.event === 'state:snapshot') {
      state = m.payload;
      scenario = state.scenario;
    } else if (m.event === 'state:patch' && state) {
      const next = applyPatch(state, m.payload);
      if (!next) {
        socket.sendRaw(JSON.stringify({ id: 1_000_000 + reported, channel: 'state:snapshot', payload: {} }));
        return;
      }
      state = next;
      scenario = m.payload.set.scenario;
    } else if (m.result?.ok && m.result.value?.wall && m.result.value?.revision !== undefined) {
      state = m.result.value; // the snapshot asked for after a gap
      scenario = state.scenario;
    } else return;
    if (scenario) scenarioMessages.push({ revision: scenario.revision, at: Date.now(), kind: m.event ?? 'snapshot-answer' });
    reported++;
    socket.sendRaw(JSON.stringify({ id: reported, channel: 'screen:report', payload: { screenId, appliedRevision: state.revision, state: 'ready' } }));
  };
  // The snapshot may have come with the handshake, before this line: WallSocket keeps what came.
  socket.messages.forEach(handle);
  socket.ws.on('message', (raw) => handle(JSON.parse(String(raw))));
  // The first snapshot comes unasked.
  await within(30_000, () => state !== null);
  if (!state) throw new Error(`screen ${screenId}: no snapshot within 30 s (got ${JSON.stringify(socket.messages).slice(0, 600)})`);
  return {
    screenId,
    socket,
    state: () => state,
    scenarioRevision: () => state?.scenario?.revision ?? null,
    /** The scenario revisions this screen switched to, in order (a message repeating the shown one is not a switch). */
    switches() {
      const out = [];
      let shown = null;
      for (const m of scenarioMessages) {
        if (m.revision !== shown) out.push(m);
        shown = m.revision;
      }
      return out;
    },
    /** Messages that re-sent the scenario already shown. */
    repeats: () => scenarioMessages.filter((m, i) => i > 0 && scenarioMessages[i - 1].revision === m.revision).length,
    closedAt: () => closedAt,
    close: () => socket.close(),
  };
}

/** A web host wall node following `hubUrl` (kill -9 on the way out) and its console over the WebSocket. */
export async function startNode(stack, { db, hubUrl, nodeId, label = 'wall node' }) {
  const node = await startWallNodeProcess({ db, hubUrl, nodeId });
  stack.defer(label, () => node.kill9());
  const desk = await openConsole(node);
  stack.defer(`${label}: console socket`, () => desk.close());
  return { node, desk };
}

/** Once the node is connected to its hub (15 s at most): the demo wall's four screens as screen sockets. */
export async function openWallScreens(stack, node, desk) {
  if ((await within(15_000, () => desk.state()?.backend?.state === 'connected')) === null) throw new Error('the wall node did not connect to the hub within 15 s');
  const screens = [];
  for (const id of ['A1', 'A2', 'B1', 'B2']) {
    const s = await openScreenSocket(node.origin, node.consoleToken, id);
    stack.defer(`screen socket ${id}`, () => s.close());
    screens.push(s);
  }
  return screens;
}

export const fmtMs = (ms) => (ms === null || ms === undefined || Number.isNaN(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
export const met = (ok) => (ok ? '**met**' : '**NOT met**');
const cell = (v) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One fault's table: what was done, what was measured, the goal, met or not. */
export function table(rows) {
  return ['| what was done | measured | goal | met |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${cell(r.done)} | ${cell(r.measured)} | ${cell(r.goal)} | ${r.ok === null ? 'not judged' : met(r.ok)} |`)].join('\n');
}

