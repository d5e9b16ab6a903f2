import { useEffect, useState, type RefObject } from 'react';
import { CameraPlayer, type CameraPlayerOptions, type CameraPlayerStatus } from '../../media/camera-player.js';

const INITIAL: CameraPlayerStatus = { state: 'loading', failure: null, lastFrameAt: null, retryAt: null, attempt: 0 };

/** One player for the life of the tile (or of its URL), mounted into `host`, destroyed on unmount. */
export function useCameraPlayer(host: RefObject<HTMLDivElement | null>, url: string, options: Omit<CameraPlayerOptions, 'url'>): CameraPlayerStatus {
  const [status, setStatus] = useState<CameraPlayerStatus>(INITIAL);
  const { sync, syncDelayMs } = options;
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const player = new CameraPlayer({ url, sync: sync ?? true, syncDelayMs: syncDelayMs ?? null });
    el.append(player.element);
    setStatus(player.status);
    const off = player.on('status', setStatus);
    return () => {
      off();
      player.destroy();
    };
  }, [host, url, sync, syncDelayMs]);
  return status;
}
