import type { WebContents } from 'electron';
import { LIVE_FRAME_MS } from '../../common/live-view.js';
import type { Logger } from '../../node-common/log.js';
import { CAPTURE_JPEG_QUALITY, CaptureRounds, captureSize } from '../shell-policy/live-capture.js';
import type { WallCore } from '../wall/wall-core.js';

// webContents.capturePage of every wall window while a console watches the live view (the decisions
// are in shell-policy/live-capture.ts); the core relays each capture to the consoles watching.
export function startLiveCapture(core: WallCore, windows: () => ReadonlyArray<{ screenId: string; contents: WebContents }>, log: Logger): () => void {
  let warned = false;
  const rounds = new CaptureRounds(async () => {
    for (const { screenId, contents } of windows()) {
      if (contents.isDestroyed()) continue;
      try {
        const image = await contents.capturePage();
        const { width, height } = image.getSize();
        const small = image.resize(captureSize(width, height));
        if (small.isEmpty()) continue;
        core.live.capture({ screenId, image: `data:image/jpeg;base64,${small.toJPEG(CAPTURE_JPEG_QUALITY).toString('base64')}`, at: Date.now() });
      } catch (err) {
        if (!warned) log.warn('cannot capture a wall window for the live view', { screen: screenId, error: String(err) });
        warned = true;
      }
    }
  }, LIVE_FRAME_MS);
  const stop = core.live.onWant((on) => rounds.want(on));
  return () => {
    stop();
    rounds.close();
  };
}
