import { describe, expect, it } from 'vitest';
import { releaseDevice, type OwnedDevice } from '../../../renderer/panels/map/release-device.js';

// The page's media queries, as the browser keeps them: a query with a listener lives as long as the page,
// and so does whatever its listener reaches (for a luma.gl canvas context: the canvas, the WebGL context,
// the device with its programs and buffers).
function pageMediaQueries() {
  const listeners = new Set<() => void>();
  return { listeners, add: (l: () => void) => listeners.add(l), remove: (l: () => void) => listeners.delete(l) };
}

/** A device as a Deck leaves it: its canvas context still watching the pixel ratio. */
function deviceWatching(page: ReturnType<typeof pageMediaQueries>, calls: string[]): OwnedDevice {
  const onRatioChange = () => undefined;
  page.add(onRatioChange);
  return {
    canvasContext: {
      destroy: () => {
        calls.push('canvas context');
        page.remove(onRatioChange);
      },
    },
    destroy: () => void calls.push('device'),
  };
}

describe('releaseDevice', () => {
  it("removes the canvas context's listener, so the page no longer holds the device", () => {
    const page = pageMediaQueries();
    const calls: string[] = [];
    const devices = [deviceWatching(page, calls), deviceWatching(page, calls), deviceWatching(page, calls)];
    expect(page.listeners.size).toBe(3);
    for (const d of devices) releaseDevice(d);
    expect(page.listeners.size).toBe(0);
    expect(calls).toEqual(['canvas context', 'device', 'canvas context', 'device', 'canvas context', 'device']);
  });

  it('ends a device without a canvas context, and accepts none (a Deck that never got its device)', () => {
    const calls: string[] = [];
    releaseDevice({ canvasContext: null, destroy: () => void calls.push('device') });
    releaseDevice(null);
    expect(calls).toEqual(['device']);
  });
});
