// A camera tour for the soak benchmark, driven the way an operator's console would: every step, the
// layout on the wall now (whatever scenario put it there) is saved with every camera tile on another
// source and applied (`layouts:save` + `layouts:apply` over the console's socket). The scenario stays, so
// each screen keeps its drawn layer and only the camera tiles change, as a tour changes tiles, not the wall.
import fs from 'node:fs';
import path from 'node:path';
import { openConsoleSocket, signIn } from './console-socket.mjs';

// The bench's own account, created the way a new installation creates its first administrator.
const ACCOUNT = { username: 'soak-bench', displayName: 'Soak bench', password: 'soak-bench-2026-tour' };
const TOUR_LAYOUT_ID = 'soak-camera-tour';

/** The cameras Chromium can play (H.264; the HEVC one is the unsupported-format case, a real fault). */
export function playableCameras(file = path.resolve('assets/media/cameras/cameras.json')) {
  return JSON.parse(fs.readFileSync(file, 'utf8')).filter((c) => c.codec === 'h264');
}

/**
 * `layout` with every camera cell on a different stream than at step - 1. Ids carry the step, so each
 * tile is a camera it did not show before (a real tour walks through more cameras than the 7 simulated
 * streams): the tile's player is replaced, as it is when a tour moves on.
 */
export function tourLayout(layout, step, pool) {
  let panelIndex = 0;
  const panels = layout.panels.map((panel) => {
    if (panel.type !== 'camera') return panel;
    const offset = 3 * panelIndex++;
    const cameras = panel.props.cameras.map((_, cell) => {
      const source = pool[(offset + cell + step) % pool.length];
      return { id: `${source.id}-t${step % 100}`, name: source.name, url: `/cameras/${source.id}/live.m3u8` };
    });
    return { ...panel, props: { ...panel.props, cameras } };
  });
  return { ...layout, id: TOUR_LAYOUT_ID, panels };
}

export async function startCameraTour(consoleUrl, pool = playableCameras()) {
  const socket = await openConsoleSocket(consoleUrl);
  const must = async (what, answer) => {
    const r = await answer;
    if (!r.ok) throw new Error(`camera tour, ${what}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  await signIn(socket, ACCOUNT);
  let revision = 0;
  let step = 0;
  return {
    /** Moves every camera tile on; returns the camera ids the wall now shows. */
    async step() {
      step++;
      const state = await must('state:snapshot', socket.request('state:snapshot', {}));
      const layout = tourLayout(state.layout, step, pool);
      revision = (await must('layouts:save', socket.request('layouts:save', { layout, expectedRevision: revision }))).revision;
      await must('layouts:apply', socket.request('layouts:apply', { layoutId: layout.id }));
      return layout.panels.filter((p) => p.type === 'camera').flatMap((p) => p.props.cameras.map((c) => c.id));
    },
    close: () => socket.close(),
  };
}
