import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { parsePanelProps } from '../../common/panels/registry.js';
import type { Language } from '../../common/state.js';
import { CameraView } from '../../renderer/panels/camera/camera-view.js';

// Test page for tests/e2e/camera.spec.ts and scripts/bench-cameras.mjs only (built by
// tests/e2e/fixtures/camera-harness.ts and the bench, never part of the app bundle): mounts camera panels exactly as a screen page would, without a wall behind them.

interface MountOptions {
  props: unknown;
  rect?: Rect;
  /** The panel as a whole when this page shows only `rect` of it (a panel spanning screens). */
  whole?: Rect;
  language?: Language;
}

const roots = new Map<string, { root: Root; host: HTMLDivElement }>();

type Rect = { x: number; y: number; width: number; height: number };

function mount(id: string, { props, rect = { x: 0, y: 0, width: 640, height: 360 }, whole = rect, language = 'vi' }: MountOptions): void {
  unmount(id);
  const parsed = parsePanelProps('camera', props);
  if (!parsed) throw new Error(`camera props do not validate: ${JSON.stringify(props)}`);
  const host = document.createElement('div');
  host.className = 'panel';
  host.dataset.panelId = id;
  Object.assign(host.style, { position: 'absolute', left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  document.body.append(host);
  const root = createRoot(host);
  const panel = { id, type: 'camera', rect, z: 0, props: props as Record<string, unknown> };
  flushSync(() => root.render(createElement(CameraView, { panel, props: parsed, local: whole, visible: rect, language, viewportOrigin: { x: 0, y: 0 } })));
  roots.set(id, { root, host });
}

function unmount(id: string): void {
  const entry = roots.get(id);
  if (!entry) return;
  entry.root.unmount();
  entry.host.remove();
  roots.delete(id);
}

declare global {
  interface Window {
    __cameraHarness?: { mount: typeof mount; unmount: typeof unmount; mounted: () => string[] };
  }
}

window.__cameraHarness = { mount, unmount, mounted: () => [...roots.keys()] };
Object.assign(document.body.style, { margin: '0', background: '#000' });
document.documentElement.dataset.harness = 'ready';
