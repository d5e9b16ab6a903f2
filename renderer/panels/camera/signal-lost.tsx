import { useEffect, useState } from 'react';
import type { Language } from '../../../common/state.js';
import type { CameraPlayerStatus } from '../../media/camera-player.js';
import { mediaNow } from '../../media/media-clock.js';
import { translate } from '../../i18n/translate.js';
import { failureText, sinceText } from './failure-text.js';

// "Mất tín hiệu" over the last frame: which camera, why, and how long ago the picture stopped (ticking).
export function SignalLost({ name, status, language }: { name: string; status: CameraPlayerStatus; language: Language }) {
  const [now, setNow] = useState(mediaNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(mediaNow()), 1000);
    return () => clearInterval(timer);
  }, []);
  const { failure, lastFrameAt } = status;
  // A format fault is the camera's or the gateway's to fix, not the network's: said as such, not retried.
  if (failure?.kind === 'unsupported') {
    return (
      <div className="camera-lost camera-lost--format" role="status" data-testid="camera-format-fault">
        <div className="camera-lost__title">{failureText(language, failure)}</div>
        <div className="camera-lost__name">{name}</div>
        <div className="camera-lost__reason" data-failure={failure.kind}>
          {translate(language, 'camera.formatFault')}
        </div>
      </div>
    );
  }
  return (
    <div className="camera-lost" role="status" data-testid="camera-signal-lost">
      <div className="camera-lost__title">{translate(language, 'camera.signalLost')}</div>
      <div className="camera-lost__name">{name}</div>
      {failure && (
        <div className="camera-lost__reason" data-failure={failure.kind}>
          {failureText(language, failure)}
        </div>
      )}
      <div className="camera-lost__since" data-testid="camera-since">
        {lastFrameAt === null ? translate(language, 'camera.noFrame') : translate(language, 'camera.lastFrame', { since: sinceText(language, now - lastFrameAt) })}
      </div>
      {/* The player looks at the source every ~2 s for as long as the tile is shown (common/media/recovery-plan.ts). */}
      <div className="camera-lost__retry">{translate(language, 'camera.retrying')}</div>
    </div>
  );
}
