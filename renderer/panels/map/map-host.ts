import type * as DeckCoreModule from '@deck.gl/core';
import type { Deck, Layer, MapView } from '@deck.gl/core';
import type { MapViewState } from '../../../common/map/view-state.js';
import type { Rect } from '../../../common/wall/schema.js';
import { mapCounters } from './map-debug.js';
import { releaseDevice, type OwnedDevice } from './release-device.js';

// A drawn layout's one Deck (WebGL contexts are few per page): a view per map panel on this screen, each
// at the part of the viewport the panel covers. Panels register and unregister. The host owns its canvas,
// which the layout places (`attach`); parked between layouts, it keeps its Deck, compiled shaders, drawing
// buffer and layers for the next map (see map-host-pool.ts). `destroy` finalizes the Deck and releases
// its context.

export interface MapViewSpec {
  /** The part of the viewport the panel shows (viewport px). */
  rect: Rect;
  viewState: MapViewState;
  layers: Layer[];
  /** Background of the view ([r, g, b, a] 0–255): the sea. */
  clearColor: [number, number, number, number];
  /** Told (true) once a frame with this spec has been drawn, (false) when a new spec waits for one. */
  onDrawn?: (drawn: boolean) => void;
}

type DeckCore = typeof DeckCoreModule;
let deckCore: Promise<DeckCore> | null = null;
// deck.gl's core is a chunk of its own, fetched when a screen first has a map.
const loadDeckCore = () => (deckCore ??= import('@deck.gl/core'));

function boundingBox(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

// Where parked canvases wait: still in the document, so they keep their size. Taken out of it, the
// canvas would be resized to nothing and its drawing buffer reallocated on the next map (most of a
// second on a software renderer).
let parking: HTMLElement | null = null;
function parkingLot(): HTMLElement {
  if (parking?.isConnected) return parking;
  parking = document.createElement('div');
  parking.className = 'map-parking';
  parking.setAttribute('aria-hidden', 'true');
  document.body.append(parking);
  return parking;
}

export class MapHost {
  private readonly canvas: HTMLCanvasElement = document.createElement('canvas');
  private attached = false;
  private deck: Deck<MapView[]> | null = null;
  /** The device the Deck made for itself: finalize() leaves it (release-device.ts). */
  private device: OwnedDevice | null = null;
  private core: DeckCore | null = null;
  private readonly views = new Map<string, MapViewSpec & { version: number }>();
  private version = 0;
  private queued = false;
  private drawnVersion = -1;
  private idle: number | null = null;
  private lastLayers: Layer[] = [];

  constructor() {
    this.canvas.className = 'map-surface';
    this.canvas.dataset.testid = 'map-surface';
  }

  /** Puts the canvas in `slot` (where the layout draws its maps), or parks it, hidden, off the layout. */
  attach(slot: HTMLElement | null): void {
    (slot ?? parkingLot()).append(this.canvas);
    this.attached = slot !== null;
    this.schedule();
  }

  /** Between layouts: no views, off the page, hidden until it has drawn its next layout's maps. */
  park(): void {
    for (const id of [...this.views.keys()]) this.remove(id);
    this.attach(null);
    this.canvas.style.visibility = 'hidden';
  }

  set(id: string, spec: MapViewSpec): void {
    if (!this.views.has(id)) mapCounters().views++;
    this.views.set(id, { ...spec, version: ++this.version });
    spec.onDrawn?.(false);
    this.schedule();
  }

  remove(id: string): void {
    if (this.views.delete(id)) mapCounters().views--;
    this.schedule();
  }

  /** Ends everything, whatever is registered: the Deck, its context, the canvas. */
  destroy(): void {
    this.release();
    this.canvas.remove();
    this.attached = false;
  }

  // Batched to the end of the task: a layout swap unregisters and registers in one commit, and must not
  // finalize the Deck only to create it again.
  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.sync();
    });
  }

  private sync(): void {
    if (!this.attached || this.views.size === 0) {
      // Kept, drawing nothing: the next map on this screen starts without compiling its shaders again,
      // and if it is the same panel (a scenario shown again), its layers keep their state and buffers.
      this.deck?.setProps({ layers: this.lastLayers.map((layer) => layer.clone({ visible: false })) });
      return this.cancelStart();
    }
    const entries = [...this.views.entries()];
    // The canvas covers only the maps (the box around their views): fewer pixels to clear and composite.
    const box = boundingBox(entries.map(([, v]) => v.rect));
    Object.assign(this.canvas.style, { left: `${box.x}px`, top: `${box.y}px` });
    if (!this.deck || !this.core) return this.start();
    const { MapView } = this.core;
    const views = entries.map(([id, v]) => new MapView({ id, x: v.rect.x - box.x, y: v.rect.y - box.y, width: v.rect.width, height: v.rect.height, controller: false, clear: true, clearColor: v.clearColor }));
    const viewState = Object.fromEntries(entries.map(([id, v]) => [id, { ...v.viewState, pitch: 0, bearing: 0 }]));
    const layers = entries.flatMap(([, v]) => v.layers);
    this.lastLayers = layers;
    // Deck sizes the canvas (CSS px) from width and height.
    this.deck.setProps({ width: box.width, height: box.height, views, viewState, layers });
  }

  // A new context compiles its shaders in long tasks (seconds on a software renderer): start it once the
  // page is idle, so the rest of the screen is painted (and reported) first.
  private start(): void {
    this.idle ??= requestIdleCallback(
      () => {
        void loadDeckCore().then(
          (core) => {
            this.idle = null;
            this.core = core;
            if (!this.attached || this.views.size === 0 || this.deck) return;
            this.deck = this.create(core, this.canvas);
            this.sync();
          },
          (error: unknown) => {
            this.idle = null;
            console.warn(`map: deck.gl did not load: ${String(error)}`);
          },
        );
      },
      { timeout: 2000 },
    );
  }

  private create({ Deck }: DeckCore, canvas: HTMLCanvasElement): Deck<MapView[]> {
    const counters = mapCounters();
    counters.decks++;
    counters.created++;
    return new Deck<MapView[]>({
      canvas,
      controller: false,
      useDevicePixels: true,
      // A layer belongs to the view whose id starts its own.
      layerFilter: ({ layer, viewport }) => layer.id.startsWith(`${viewport.id}/`),
      onDeviceInitialized: (device) => (this.device = device),
      onAfterRender: () => this.drawn(),
      onError: (error) => console.warn(`map: ${error.message}`),
    });
  }

  private drawn(): void {
    mapCounters().frames++;
    if (this.drawnVersion === this.version) return;
    this.drawnVersion = this.version;
    if (this.views.size > 0) this.canvas.style.visibility = '';
    for (const v of this.views.values()) v.onDrawn?.(true);
  }

  private cancelStart(): void {
    if (this.idle !== null) cancelIdleCallback(this.idle);
    this.idle = null;
  }

  private release(): void {
    this.cancelStart();
    const deck = this.deck;
    if (!deck) return;
    this.deck = null;
    this.lastLayers = [];
    this.drawnVersion = -1;
    deck.finalize();
    releaseDevice(this.device);
    this.device = null;
    mapCounters().decks--;
    // luma.gl leaves the context to garbage collection; a wall running for months should not wait for it.
    this.canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
