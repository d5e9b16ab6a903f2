import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { MapHost } from './map-host.js';
import { MapHostPool } from './map-host-pool.js';
import './map.css';

// One MapHost per drawn screen viewport, taken from the screen's pool where there is one (a wall screen
// drawing the next scenario beside the current one), else its own. The canvas sits just above the top-most
// map panel (panels under the maps show through where no view draws); legends go in an overlay above it.
interface MapHostValue {
  /** Null for the first commit, until the host is taken (an effect, so nothing is taken twice). */
  host: MapHost | null;
  overlays: HTMLElement | null;
  setOverlays: (el: HTMLElement | null) => void;
}

const MapHostContext = createContext<MapHostValue | null>(null);
const MapHostPoolContext = createContext<MapHostPool | null>(null);

/** Around a screen's drawn layers: their maps share warm Decks instead of making new ones per switch. */
export function MapHostPoolProvider({ children }: { children: ReactNode }) {
  const [pool] = useState(() => new MapHostPool());
  useEffect(() => {
    pool.open();
    return () => pool.destroy();
  }, [pool]);
  return <MapHostPoolContext.Provider value={pool}>{children}</MapHostPoolContext.Provider>;
}

export function MapHostProvider({ children }: { children: ReactNode }) {
  const pool = useContext(MapHostPoolContext);
  const [host, setHost] = useState<MapHost | null>(null);
  const [overlays, setOverlays] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const taken = pool ? pool.acquire() : new MapHost();
    setHost(taken);
    return () => (pool ? pool.release(taken) : taken.destroy());
  }, [pool]);
  return <MapHostContext.Provider value={{ host, overlays, setOverlays }}>{children}</MapHostContext.Provider>;
}

export function useMapHost(): MapHostValue {
  const value = useContext(MapHostContext);
  if (!value) throw new Error('a map panel needs MapHostProvider around the viewport');
  return value;
}

/** Where the screen's map canvas goes (placed and sized by the MapHost), and the legend overlay. */
export function MapSurface({ width, height }: { width: number; height: number }) {
  const { host, setOverlays } = useMapHost();
  const slot = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || !host) return;
      host.attach(el);
      return () => host.attach(null);
    },
    [host],
  );
  return (
    <>
      <div ref={slot} className="map-slot" />
      <div ref={setOverlays} className="map-overlays" style={{ width, height }} />
    </>
  );
}
