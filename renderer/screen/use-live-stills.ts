import { useEffect } from 'react';
import type { WallBridge } from '../../common/contract.js';
import { MAX_STILL_CHARS, type ScreenStills } from '../../common/live-view.js';

// While a console watches the live view, this screen sends a small frame of each camera it plays, once
// a second: a 192×108 JPEG drawn from the player's own <video>, nothing when nobody watches, and nothing
// for a camera whose picture has not moved since the last one (a paused or stalled player: the console
// keeps the last frame it got).

const WIDTH = 192;
const HEIGHT = 108;

export function useLiveStills(bridge: WallBridge, screenId: string): void {
  useEffect(() => {
    if (!bridge.onLiveWant) return;
    let timer: ReturnType<typeof setInterval> | null = null;
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = null;
    };
    const sentAt = new Map<string, { videoTime: number; at: number }>();
    const send = () => {
      const frames = takeStills(canvas, sentAt);
      if (frames.length) void bridge.reportStills({ screenId, frames });
    };
    const off = bridge.onLiveWant((want) => {
      stop();
      sentAt.clear();
      if (want.on) {
        send();
        timer = setInterval(send, want.everyMs);
      }
    });
    return () => {
      off();
      stop();
    };
  }, [bridge, screenId]);
}

/** A still picture is sent again this often anyway: a console that started watching since gets it too. */
const RESEND_STILL_MS = 10_000;

/** `sentAt`: each camera's video time at its last frame sent, and when, updated here. */
function takeStills(canvas: HTMLCanvasElement, sentAt: Map<string, { videoTime: number; at: number }>): ScreenStills['frames'] {
  const now = Date.now();
  const ctx = canvas.getContext('2d');
  if (!ctx) return [];
  const frames = new Map<string, string>();
  for (const tile of document.querySelectorAll<HTMLElement>('[data-layer="shown"] .camera-tile[data-camera-id]')) {
    const cameraId = tile.dataset.cameraId;
    const video = tile.querySelector('video');
    if (!cameraId || frames.has(cameraId) || !video || video.readyState < 2 || frames.size >= 16) continue;
    const last = sentAt.get(cameraId);
    if (last && last.videoTime === video.currentTime && now - last.at < RESEND_STILL_MS) continue;
    try {
      ctx.drawImage(video, 0, 0, WIDTH, HEIGHT);
      const image = canvas.toDataURL('image/jpeg', 0.6);
      if (image.length <= MAX_STILL_CHARS) frames.set(cameraId, image);
      sentAt.set(cameraId, { videoTime: video.currentTime, at: now });
    } catch {
      // A stream from another origin without CORS taints the canvas: that camera shows its name only.
    }
  }
  return [...frames].map(([cameraId, image]) => ({ cameraId, image }));
}
