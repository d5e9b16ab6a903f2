import { useRef } from 'react';
import { cameraStreamUrl, checkCameraUrl, type CameraSource } from '../../../common/panels/camera.js';
import type { Language } from '../../../common/state.js';
import { useWallOriginsIfAny } from '../../state/store-context.js';
import { usePanelFault } from '../panel-faults.js';
import { inLanguage } from '../../i18n/locale.js';
import { translate } from '../../i18n/translate.js';
import { failureText } from './failure-text.js';
import { SignalLost } from './signal-lost.js';
import { useCameraPlayer } from './use-camera-player.js';
import { StillTile, useCameraStills } from './camera-stills.js';

interface TileProps {
  camera: CameraSource;
  fit: 'cover' | 'contain';
  showName: boolean;
  language: Language;
  /** Keep in step with the other screens showing this panel. */
  sync: boolean;
  syncDelayMs: number | null;
}

function resolveUrl(url: string): string {
  return new URL(url, document.baseURI).href;
}

/** A camera from another origin plays only when the wall lists that origin (the page's CSP allows exactly those). */
export function CameraTile(props: TileProps) {
  const origins = useWallOriginsIfAny();
  const stills = useCameraStills();
  if (stills) return <StillTile stills={stills} camera={props.camera} language={props.language} showName={props.showName} />;
  const url = resolveUrl(cameraStreamUrl(props.camera));
  const check = origins ? checkCameraUrl(url, window.location.origin, origins.cameras) : { ok: true as const };
  if (!check.ok) return <RefusedTile camera={props.camera} origin={check.origin} language={props.language} />;
  return <PlayingTile {...props} url={url} />;
}

function RefusedTile({ camera, origin, language }: { camera: CameraSource; origin: string; language: Language }) {
  usePanelFault(camera.id, { kind: 'camera', message: translate(language, 'camera.notAllowedBody', { origin }) });
  return (
    <div className="camera-tile camera-tile--refused" role="alert" data-testid="camera-refused" data-camera-id={camera.id}>
      <strong>{translate(language, 'camera.notAllowed')}</strong>
      <span>{inLanguage(language, camera.name, camera.nameEn)}</span>
      <span>{translate(language, 'camera.notAllowedBody', { origin })}</span>
    </div>
  );
}

function PlayingTile({ camera, fit, showName, language, sync, syncDelayMs, url }: TileProps & { url: string }) {
  const host = useRef<HTMLDivElement>(null);
  const status = useCameraPlayer(host, url, { sync, syncDelayMs });
  const name = inLanguage(language, camera.name, camera.nameEn);
  // The player stays signal-lost while it retries: only a picture clears the fault.
  usePanelFault(camera.id, status.state === 'signal-lost' && status.failure ? { kind: 'camera', message: failureText(language, status.failure) } : null);
  return (
    <div className={`camera-tile camera-tile--${fit}`} data-testid="camera-tile" data-camera-id={camera.id} data-camera-state={status.state} data-failure={status.failure?.kind ?? ''} data-failure-detail={status.failure?.detail ?? ''}>
      <div className="camera-tile__media" ref={host} />
      {showName && <div className="camera-tile__name">{name}</div>}
      {status.state === 'loading' && <div className="camera-tile__loading">{translate(language, 'camera.loading')}</div>}
      {status.state === 'signal-lost' && <SignalLost name={name} status={status} language={language} />}
    </div>
  );
}

export function EmptyCell({ language }: { language: Language }) {
  return (
    <div className="camera-tile camera-tile--empty" data-testid="camera-empty">
      <span>{translate(language, 'camera.emptyCell')}</span>
    </div>
  );
}
