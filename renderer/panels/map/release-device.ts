// What a Deck made for itself and does not end: deck.gl's finalize() leaves the luma.gl device it created.
// The device's canvas context watches the page's pixel ratio through a matchMedia listener, and a media
// query with a listener lives as long as the page: it held the canvas, the WebGL context and every
// program, buffer and layer of each Deck a screen let go (the JS heap grew with every switch that
// replaced a map host). Destroying the canvas context removes that listener and its observers.

export interface OwnedDevice {
  canvasContext: { destroy(): void } | null;
  destroy(): void;
}

/** Ends a device a finalized Deck leaves behind: its canvas context first (observers, listeners), then it. */
export function releaseDevice(device: OwnedDevice | null): void {
  if (!device) return;
  device.canvasContext?.destroy();
  device.destroy();
}
