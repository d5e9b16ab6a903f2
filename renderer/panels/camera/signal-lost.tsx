import { useEffect, useState } from 'react';
import { failureMessage, formatSince } from '../../../common/media/media-failure.js';
import type { Language } from '../../../common/state.js';
import type { CameraPlayerStatus } from '../../media/camera-player.js';
import { mediaNow } from '../../media/media-clock.js';
import { cameraText } from './camera-text.js';

// "Mất tín hiệu" over the last frame: which camera, why, and how long ago the picture stopped (ticking).
export function SignalLost({ name, status, language }: { name: string; status: CameraPlayerStatus; language: Language }) {
  const [now, setNow] = useState(mediaNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(mediaNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  const { failure, lastFrameAt } = status;
  return (
    <div className="camera-lost" role="status" data-testid="camera-signal-lost">
      <div className="camera-lost__title">{cameraText(language, 'signalLost')}</div>
      <div className="camera-lost__name">{name}</div>
      {failure && (
        <div className="camera-lost__reason" data-failure={failure.kind}>
          {failureMessage(failure, language)}
        </div>
      )}
      <div className="camera-lost__since" data-testid="camera-since">
        {lastFrameAt === null ? cameraText(language, 'noFrame') : cameraText(language, 'lastFrame', formatSince(now - lastFrameAt, language))}
      </div>
      {/* The player keeps trying (backing off to 30 s) for as long as the tile is shown. */}
      <div className="camera-lost__retry">{cameraText(language, 'retrying')}</div>
    </div>
  );
}
