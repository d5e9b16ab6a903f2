import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { CameraSource } from '../../../common/panels/camera.js';
import type { Language } from '../../../common/state.js';
import { inLanguage } from '../../i18n/locale.js';

// The console's live view draws camera tiles from recent frames the wall's screens took of their own
// players, instead of playing every stream a second time. Without this context a tile plays as usual.

export interface CameraStills {
  /** The latest frame of a camera as a data: URL, or null when none came yet. */
  frame(cameraId: string): string | null;
  subscribe(listener: () => void): () => void;
}

const StillsContext = createContext<CameraStills | null>(null);

export function CameraStillsProvider({ stills, children }: { stills: CameraStills; children: ReactNode }) {
  return <StillsContext.Provider value={stills}>{children}</StillsContext.Provider>;
}

export function useCameraStills(): CameraStills | null {
  return useContext(StillsContext);
}

export function StillTile({ stills, camera, language, showName }: { stills: CameraStills; camera: CameraSource; language: Language; showName: boolean }) {
  const subscribe = useCallback((l: () => void) => stills.subscribe(l), [stills]);
  const src = useSyncExternalStore(subscribe, () => stills.frame(camera.id));
  const name = inLanguage(language, camera.name, camera.nameEn);
  return (
    <div className="camera-tile camera-tile--still" data-testid="camera-still" data-camera-id={camera.id} data-has-frame={String(src !== null)}>
      {src && <img className="camera-tile__still" src={src} alt="" />}
      {showName && <div className="camera-tile__name">{name}</div>}
    </div>
  );
}
