import type { HlsConfig, LoaderConfig } from 'hls.js';
import workerUrl from 'hls.js/dist/hls.worker.js?url';

// hls.js settings for many small live tiles left running for months.

const noRetry = { maxNumRetry: 0, retryDelayMs: 0, maxRetryDelayMs: 0 };

// The first load fails straight to CameraPlayer, whose own backoff paces retries of a dead camera.
const manifest: LoaderConfig = { maxTimeToFirstByteMs: 5000, maxLoadTimeMs: 10_000, timeoutRetry: noRetry, errorRetry: noRetry };
// One immediate retry of a live reload (a dropped keep-alive connection), then fatal: a stopped source
// shows "Mất tín hiệu" within about one target duration, not after hls.js's default 1 s, 2 s… retries
// while the buffer plays out. CameraPlayer's own backoff takes over from there.
const playlist: LoaderConfig = {
  maxTimeToFirstByteMs: 4000,
  maxLoadTimeMs: 8000,
  timeoutRetry: noRetry,
  errorRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
};
const fragment: LoaderConfig = {
  maxTimeToFirstByteMs: 5000,
  maxLoadTimeMs: 15_000,
  timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
  errorRetry: { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 1000 },
};

export function tileHlsConfig(overrides: Partial<HlsConfig> = {}): Partial<HlsConfig> {
  return {
    // Never fetch a rendition larger than the tile shows.
    capLevelToPlayerSize: true,
    // Bounded buffers keep memory flat over hours: 10 s ahead, 10 s behind, 20 MB at most.
    maxBufferLength: 10,
    maxMaxBufferLength: 10,
    backBufferLength: 10,
    maxBufferSize: 20 * 1000 * 1000,
    // Only takes effect when the playlist offers parts (LL-HLS).
    lowLatencyMode: true,
    // One shared worker for every tile; loaded from our own origin, which the page's CSP allows.
    enableWorker: true,
    workerPath: workerUrl,
    // CameraPlayer steers the rate for step-keeping; hls.js must not fight it.
    maxLiveSyncPlaybackRate: 1,
    startFragPrefetch: true,
    // CameraPlayer starts loading itself, at the position the shared programme date asks for.
    autoStartLoad: false,
    manifestLoadPolicy: { default: manifest },
    playlistLoadPolicy: { default: playlist },
    fragLoadPolicy: { default: fragment },
    ...overrides,
  };
}
