import { MapHost } from './map-host.js';

// A screen keeps its map hosts (each a Deck on its own canvas) across scenario switches: a new WebGL
// context compiles every shader again, seconds on a software renderer, far longer than a switch may take.
// The layout shown holds one host, the next one (drawn hidden) another; a host let go is kept warm for
// the next map, so a screen never holds more than the two it needs, however often the wall switches.

export class MapHostPool {
  private readonly idle: MapHost[] = [];
  private closed = false;

  /** `keep`: hosts kept warm once let go; more are destroyed, their contexts released. */
  constructor(private readonly keep = 1) {}

  acquire(): MapHost {
    return this.idle.pop() ?? new MapHost();
  }

  release(host: MapHost): void {
    host.park();
    // The pool may end first: React may run the screen's cleanup before its layers'.
    if (!this.closed && this.idle.length < this.keep) this.idle.push(host);
    else host.destroy();
  }

  /** In use again (development's StrictMode ends effects once and runs them again). */
  open(): void {
    this.closed = false;
  }

  destroy(): void {
    this.closed = true;
    for (const host of this.idle.splice(0)) host.destroy();
  }
}
