import { WebMercatorViewport } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { fitBounds, lonLatToWorld, projectInPanel, unprojectInPanel, viewStateForPart, worldToLonLat } from '../../../common/map/view-state.js';

const panelView = { longitude: 108.2, latitude: 16.05, zoom: 8.3 };
// A map panel across the seam of the demo wall: canvas x 1000–2900 (A1 ends at 1920, A2 starts at 1926).
const panel = { x: 1000, y: 200, width: 1900, height: 800 };
const size = { width: panel.width, height: panel.height };
const a1Part = { x: 0, y: 0, width: 920, height: 800 };
const a2Part = { x: 926, y: 0, width: 974, height: 800 };
const places: Array<[number, number]> = [[108.2, 16.05], [107.6, 16.46], [108.33, 15.88], [109.1, 15.4], [106.9, 16.8]];

describe('Web Mercator as deck.gl draws it', () => {
  it('puts the equator and the meridians where the 512-px world has them', () => {
    expect(lonLatToWorld(0, 0)).toEqual([256, 256]);
    expect(lonLatToWorld(-180, 0)[0]).toBe(0);
    expect(lonLatToWorld(90, 0)[0]).toBe(384);
    const [lon, lat] = worldToLonLat(...lonLatToWorld(108.2, 16.05));
    expect(lon).toBeCloseTo(108.2, 9);
    expect(lat).toBeCloseTo(16.05, 9);
  });

  it('projects a place to the same panel pixel as deck.gl’s WebMercatorViewport', () => {
    const deck = new WebMercatorViewport({ ...size, ...panelView });
    for (const [lon, lat] of places) {
      const [x, y] = projectInPanel(panelView, size, lon, lat);
      const [dx, dy] = deck.project([lon, lat]) as [number, number];
      expect(x).toBeCloseTo(dx, 3);
      expect(y).toBeCloseTo(dy, 3);
      const [ulon, ulat] = unprojectInPanel(panelView, size, x, y);
      expect(ulon).toBeCloseTo(lon, 9);
      expect(ulat).toBeCloseTo(lat, 9);
    }
  });
});

describe('the view of one screen’s part of a spanning map', () => {
  it('keeps the zoom and draws every place at the same canvas pixel as the whole panel would', () => {
    for (const part of [a1Part, a2Part, { x: 300, y: 120, width: 500, height: 333 }]) {
      const view = viewStateForPart(panelView, size, part);
      expect(view.zoom).toBe(panelView.zoom);
      const deck = new WebMercatorViewport({ width: part.width, height: part.height, ...view });
      for (const [lon, lat] of places) {
        const [px, py] = projectInPanel(panelView, size, lon, lat);
        const [x, y] = deck.project([lon, lat]) as [number, number];
        expect(x + part.x).toBeCloseTo(px, 2);
        expect(y + part.y).toBeCloseTo(py, 2);
      }
    }
  });

  it('leaves the bezel gap out of both screens: the two parts are 6 px of map apart', () => {
    const left = viewStateForPart(panelView, size, a1Part);
    const right = viewStateForPart(panelView, size, a2Part);
    const [lonAtA1Edge] = unprojectInPanel(left, a1Part, a1Part.width, 400);
    const [lonAtA2Edge] = unprojectInPanel(right, a2Part, 0, 400);
    const degPerPx = 360 / (512 * 2 ** panelView.zoom);
    expect((lonAtA2Edge - lonAtA1Edge) / degPerPx).toBeCloseTo(6, 6);
  });

  it('is the panel’s own view for a part that is the whole panel', () => {
    const view = viewStateForPart(panelView, size, { x: 0, y: 0, ...size });
    expect(view.longitude).toBeCloseTo(panelView.longitude, 9);
    expect(view.latitude).toBeCloseTo(panelView.latitude, 9);
  });
});

describe('fitting bounds', () => {
  it('shows all of the bounds and fills one side of the panel', () => {
    const bounds = [107.2, 15.2, 109.2, 16.9] as const;
    const view = fitBounds(bounds, size, 20);
    const [x0, y0] = projectInPanel(view, size, bounds[0], bounds[3]);
    const [x1, y1] = projectInPanel(view, size, bounds[2], bounds[1]);
    expect(x0).toBeGreaterThanOrEqual(20 - 1e-6);
    expect(y0).toBeGreaterThanOrEqual(20 - 1e-6);
    expect(x1).toBeLessThanOrEqual(size.width - 20 + 1e-6);
    expect(y1).toBeLessThanOrEqual(size.height - 20 + 1e-6);
    expect(Math.min(x0 - 20, y0 - 20)).toBeCloseTo(0, 6);
  });
});
