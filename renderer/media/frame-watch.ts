import { streamProgressed, type StreamSample } from '../../common/media/stall-verdict.js';

// Whether a tile's stream moved since the player's last tick: frames decoded by the video
// (getVideoPlaybackQuality), or currentTime where a browser lacks that. Polled on the tick, not
// requestVideoFrameCallback: a callback per frame per tile makes the page run a main-thread frame at every
// vsync (16 tiles: 400 callbacks a second) for a verdict that needs only the tick's resolution.

export class FrameWatch {
  private last: StreamSample;

  constructor(private readonly video: HTMLVideoElement) {
    this.last = this.sample();
  }

  private sample(): StreamSample {
    const quality = this.video.getVideoPlaybackQuality?.();
    return { decodedFrames: quality ? quality.totalVideoFrames : null, currentTime: this.video.currentTime, seeking: this.video.seeking };
  }

  /** True when the stream progressed since the last poll (or reset). */
  poll(): boolean {
    const next = this.sample();
    const moved = streamProgressed(this.last, next);
    this.last = next;
    return moved;
  }

  /** A new player instance on the same video: counts and position start again, which is not progress. */
  reset(): void {
    this.last = this.sample();
  }
}
