import { useRef } from 'react';
import { cameraStreamUrl, type CameraSource } from '../../../common/panels/camera.js';
import type { Language } from '../../../common/state.js';
import { cameraText } from './camera-text.js';
import { SignalLost } from './signal-lost.js';
import { useCameraPlayer } from './use-camera-player.js';

interface TileProps {
  camera: CameraSource;
  fit: 'cover' | 'contain';
  showName: boolean;
  language: Language;
  syncDelayMs: number | null;
}

function resolveUrl(url: string): string {
  return new URL(url, document.baseURI).href;
}

export function CameraTile({ camera, fit, showName, language, syncDelayMs }: TileProps) {
  const host = useRef<HTMLDivElement>(null);
  const status = useCameraPlayer(host, resolveUrl(cameraStreamUrl(camera)), { syncDelayMs });
  const name = language === 'en' && camera.nameEn ? camera.nameEn : camera.name;
  return (
    <div className={`camera-tile camera-tile--${fit}`} data-testid="camera-tile" data-camera-id={camera.id} data-camera-state={status.state} data-failure={status.failure?.kind ?? ''} data-failure-detail={status.failure?.detail ?? ''}>
      <div className="camera-tile__media" ref={host} />
      {showName && <div className="camera-tile__name">{name}</div>}
      {status.state === 'loading' && <div className="camera-tile__loading">{cameraText(language, 'loading')}</div>}
      {status.state === 'signal-lost' && <SignalLost name={name} status={status} language={language} />}
    </div>
  );
}

export function EmptyCell({ language }: { language: Language }) {
  return (
    <div className="camera-tile camera-tile--empty" data-testid="camera-empty">
      <span>{cameraText(language, 'emptyCell')}</span>
    </div>
  );
}
