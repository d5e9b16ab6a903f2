import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { MapHost } from './map-host.js';
import './map.css';

// One MapHost per screen viewport. The canvas sits just above the top-most map panel (panels under the
// maps show through where no view draws); legends go in an overlay above the canvas.
interface MapHostValue {
  host: MapHost;
  overlays: HTMLElement | null;
  setOverlays: (el: HTMLElement | null) => void;
}

const MapHostContext = createContext<MapHostValue | null>(null);

export function MapHostProvider({ children }: { children: ReactNode }) {
  const [host] = useState(() => new MapHost());
  const [overlays, setOverlays] = useState<HTMLElement | null>(null);
  useEffect(() => () => host.destroy(), [host]);
  return <MapHostContext.Provider value={{ host, overlays, setOverlays }}>{children}</MapHostContext.Provider>;
}

export function useMapHost(): MapHostValue {
  const value = useContext(MapHostContext);
  if (!value) throw new Error('a map panel needs MapHostProvider around the viewport');
  return value;
}

/** The screen's map canvas (placed and sized by the MapHost) and the legend overlay over the viewport. */
export function MapSurface({ width, height }: { width: number; height: number }) {
  const { host, setOverlays } = useMapHost();
  const canvas = useCallback(
    (el: HTMLCanvasElement | null) => {
      if (!el) return;
      host.setCanvas(el);
      return () => host.setCanvas(null);
    },
    [host],
  );
  return (
    <>
      <canvas ref={canvas} className="map-surface" data-testid="map-surface" />
      <div ref={setOverlays} className="map-overlays" style={{ width, height }} />
    </>
  );
}
