import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';

// Boundary files are fetched once per page and shared by every map panel that names them.
const cache = new Map<string, Promise<FeatureCollection>>();

function load(url: string): Promise<FeatureCollection> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const json = (await res.json()) as { type?: unknown; features?: unknown };
      if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error('not a GeoJSON FeatureCollection');
      return json as FeatureCollection;
    });
    pending.catch(() => cache.delete(url)); // try again on the next mount
    cache.set(url, pending);
  }
  return pending;
}

export type GeoJsonState = { url: string; data: FeatureCollection | null; error: string | null };

/** Each URL's collection once loaded, or why it could not be. */
export function useGeoJson(urls: readonly string[]): GeoJsonState[] {
  const joined = urls.join('\n');
  const [states, setStates] = useState<GeoJsonState[]>(() => urls.map((url) => ({ url, data: null, error: null })));
  useEffect(() => {
    let live = true;
    const list = joined ? joined.split('\n') : [];
    setStates(list.map((url) => ({ url, data: null, error: null })));
    list.forEach((url, i) => {
      load(url).then(
        (data) => live && setStates((s) => s.map((x, j) => (j === i ? { url, data, error: null } : x))),
        (err: unknown) => live && setStates((s) => s.map((x, j) => (j === i ? { url, data: null, error: err instanceof Error ? err.message : String(err) } : x))),
      );
    });
    return () => {
      live = false;
    };
  }, [joined]);
  return states;
}

/** True once the bundled font's Vietnamese glyphs are loaded (TextLayer draws its atlas from it). */
export function useMapFont(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    document.fonts.load('600 28px "Be Vietnam Pro"', 'Trạm đo mực nước Hội An').then(
      () => live && setReady(true),
      () => live && setReady(true), // draw with the fallback face rather than not at all
    );
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
