import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';

// Boundary files are fetched once per page and shared by every map panel that names them.
const cache = new Map<string, Promise<FeatureCollection>>();
// What has arrived, so a map mounted again (a scenario shown again) draws its outlines in its first
// frame, and its layers match the ones its warm Deck kept instead of being built again.
const loaded = new Map<string, FeatureCollection>();

function load(url: string): Promise<FeatureCollection> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const json = (await res.json()) as { type?: unknown; features?: unknown };
      if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error('not a GeoJSON FeatureCollection');
      loaded.set(url, json as FeatureCollection);
      return json as FeatureCollection;
    });
    pending.catch(() => cache.delete(url)); // try again on the next mount
    cache.set(url, pending);
  }
  return pending;
}

export type GeoJsonState = { url: string; data: FeatureCollection | null; error: string | null };

const initial = (url: string): GeoJsonState => ({ url, data: loaded.get(url) ?? null, error: null });

/** Each URL's collection once loaded, or why it could not be. */
export function useGeoJson(urls: readonly string[]): GeoJsonState[] {
  const joined = urls.join('\n');
  const [states, setStates] = useState<GeoJsonState[]>(() => urls.map(initial));
  useEffect(() => {
    let live = true;
    const list = joined ? joined.split('\n') : [];
    setStates((s) => (s.map((x) => x.url).join('\n') === joined ? s : list.map(initial)));
    list.forEach((url, i) => {
      if (loaded.has(url)) return;
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

let fontLoaded = false;
/** True once the bundled font's Vietnamese glyphs are loaded (TextLayer draws its atlas from it). */
export function useMapFont(): boolean {
  const [ready, setReady] = useState(fontLoaded);
  useEffect(() => {
    if (fontLoaded) return;
    let live = true;
    const done = () => {
      fontLoaded = true;
      if (live) setReady(true);
    };
    // draw with the fallback face rather than not at all
    document.fonts.load('600 28px "Be Vietnam Pro"', 'Trạm đo mực nước Hội An').then(done, done);
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
