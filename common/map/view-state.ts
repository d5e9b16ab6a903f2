// Web Mercator as deck.gl's MapView uses it (512-px world at zoom 0), for deriving what each screen
// shows of a map panel that spans several: one zoom, and every screen centred on its own part, so
// the same canvas pixel is the same place on every screen and features run straight across seams.
// Wall maps are flat (no pitch, no bearing), which keeps the projection linear in pixels.

export interface MapViewState {
  longitude: number;
  latitude: number;
  zoom: number;
}

/** [west, south, east, north] in degrees. */
export type LonLatBounds = readonly [number, number, number, number];

export interface PartRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const TILE_SIZE = 512;
export const MAX_LATITUDE = 85.051129;

const clampLat = (lat: number) => Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));

/** World pixels at zoom 0 (y grows southwards). */
export function lonLatToWorld(lon: number, lat: number): [number, number] {
  const phi = (clampLat(lat) * Math.PI) / 180;
  const x = ((lon + 180) / 360) * TILE_SIZE;
  const y = ((Math.PI - Math.log(Math.tan(Math.PI / 4 + phi / 2))) / (2 * Math.PI)) * TILE_SIZE;
  return [x, y];
}

export function worldToLonLat(x: number, y: number): [number, number] {
  const lon = (x / TILE_SIZE) * 360 - 180;
  const lat = (2 * Math.atan(Math.exp(Math.PI - (2 * Math.PI * y) / TILE_SIZE)) - Math.PI / 2) * (180 / Math.PI);
  return [lon, lat];
}

/** Pixel (from the panel's top-left) where a place is drawn in a panel of `size` showing `view`. */
export function projectInPanel(view: MapViewState, size: { width: number; height: number }, lon: number, lat: number): [number, number] {
  const scale = 2 ** view.zoom;
  const [cx, cy] = lonLatToWorld(view.longitude, view.latitude);
  const [x, y] = lonLatToWorld(lon, lat);
  return [size.width / 2 + (x - cx) * scale, size.height / 2 + (y - cy) * scale];
}

/** The place under a panel pixel: the inverse of projectInPanel. */
export function unprojectInPanel(view: MapViewState, size: { width: number; height: number }, px: number, py: number): [number, number] {
  const scale = 2 ** view.zoom;
  const [cx, cy] = lonLatToWorld(view.longitude, view.latitude);
  return worldToLonLat(cx + (px - size.width / 2) / scale, cy + (py - size.height / 2) / scale);
}

/**
 * The view state for a window that shows `part` of a panel (part in panel pixels). Same zoom; the
 * centre is the place under the part's centre, so a canvas pixel maps to the same place on every screen.
 */
export function viewStateForPart(panelView: MapViewState, panelSize: { width: number; height: number }, part: PartRect): MapViewState {
  const [longitude, latitude] = unprojectInPanel(panelView, panelSize, part.x + part.width / 2, part.y + part.height / 2);
  return { longitude, latitude, zoom: panelView.zoom };
}

/** The view that fits `bounds` in a panel of `size` (with `padding` px on every side), zoom capped. */
export function fitBounds(bounds: LonLatBounds, size: { width: number; height: number }, padding = 0, maxZoom = 20): MapViewState {
  const [west, south, east, north] = bounds;
  const [x0, y0] = lonLatToWorld(west, north);
  const [x1, y1] = lonLatToWorld(east, south);
  const width = Math.max(1, size.width - 2 * padding);
  const height = Math.max(1, size.height - 2 * padding);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(width / Math.max(1e-9, x1 - x0), height / Math.max(1e-9, y1 - y0))));
  const [longitude, latitude] = worldToLonLat((x0 + x1) / 2, (y0 + y1) / 2);
  return { longitude, latitude, zoom };
}
