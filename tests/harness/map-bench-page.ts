import { Deck, MapView } from '@deck.gl/core';
import { fitBounds } from '../../common/map/view-state.js';
import type { Vessel } from '../../renderer/panels/map/map-data.js';
import { vesselLayers } from '../../renderer/panels/map/data-layers.js';

// The map half of `npm run bench:panels` (scripts/bench-map.mjs bundles this page): one Deck with a map
// view over the flood map's bounds, N points drawn by the map panel's own layer builder, and the time of
// each frame from the redraw until the GPU has finished it (a one-pixel read waits for that).

const SIZE = { width: 1620, height: 1200 };
const BOUNDS = [107.0, 15.0, 110.6, 17.2] as const;

function points(count: number): Vessel[] {
  let seed = 20251104;
  const next = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, (_, i) => ({ id: `v${i}`, lat: 15 + 2.2 * next(), lon: 107 + 3.6 * next(), headingDeg: 0, speedKn: 5, at: 0 }));
}

async function run(count: number, frames: number): Promise<{ firstMs: number; frameMs: number[]; renderer: string }> {
  const canvas = document.createElement('canvas');
  canvas.style.width = `${SIZE.width}px`;
  canvas.style.height = `${SIZE.height}px`;
  document.body.append(canvas);
  const started = performance.now();
  let firstAt = 0;
  const drawn = new Promise<void>((resolve) => {
    const deck = new Deck<MapView[]>({
      canvas,
      width: SIZE.width,
      height: SIZE.height,
      useDevicePixels: false,
      controller: false,
      views: [new MapView({ id: 'bench', controller: false, clear: true, clearColor: [11, 34, 57, 255] })],
      viewState: { bench: { ...fitBounds(BOUNDS, SIZE), pitch: 0, bearing: 0 } },
      layers: vesselLayers('bench/vessels', points(count), { viewId: 'bench', language: 'vi', labelSize: 20, fontsReady: false, onWall: [] }, false).layers,
      onAfterRender: () => {
        if (!firstAt) {
          firstAt = performance.now();
          resolve();
        }
      },
    });
    (window as unknown as { __deck: Deck<MapView[]> }).__deck = deck;
  });
  await drawn;
  const deck = (window as unknown as { __deck: Deck<MapView[]> }).__deck;
  const gl = canvas.getContext('webgl2') as WebGL2RenderingContext;
  const pixel = new Uint8Array(4);
  const frame = () => {
    const t0 = performance.now();
    deck.redraw('bench');
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) frame(); // warm-up
  const frameMs = Array.from({ length: frames }, frame);
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  deck.finalize();
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  canvas.remove();
  return { firstMs: firstAt - started, frameMs, renderer };
}

(window as unknown as { __benchMap: typeof run }).__benchMap = run;
document.documentElement.dataset.ready = 'true';
