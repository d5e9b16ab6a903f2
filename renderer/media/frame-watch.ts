// When the last new frame reached the screen, from the video's own count of presented frames
// (getVideoPlaybackQuality), read on the player's tick; timeupdate with a moving currentTime where a
// browser lacks it. Not requestVideoFrameCallback: a callback per frame per tile makes the page run a
// main-thread frame at every vsync (16 tiles: 400 callbacks a second) for a verdict that needs only the
// tick's resolution, and the compositor keeps showing video while a busy main thread is held anyway.

export class FrameWatch {
  lastFrameAt: number | null = null;
  private lastTime = -1;
  private lastPresented = 0;
  private lastTotal = 0;
  private readonly abort = new AbortController();

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly clock: () => number,
    private readonly onFrame: () => void,
  ) {
    if (typeof video.getVideoPlaybackQuality !== 'function') {
      video.addEventListener('timeupdate', this.timeUpdate, { signal: this.abort.signal });
    }
  }

  private readonly timeUpdate = (): void => {
    if (this.video.currentTime === this.lastTime) return;
    this.lastTime = this.video.currentTime;
    this.seen();
  };

  poll(): void {
    const quality = this.video.getVideoPlaybackQuality?.();
    if (!quality) return;
    const total = quality.totalVideoFrames;
    const presented = total - quality.droppedVideoFrames;
    // A new source (a rebuilt player) restarts the counts: what it has shown since is new.
    if (total < this.lastTotal) this.lastPresented = 0;
    if (presented > this.lastPresented) this.seen();
    this.lastPresented = presented;
    this.lastTotal = total;
  }

  /** Time the page spent hidden does not count towards a stall. */
  excuse(): void {
    if (this.lastFrameAt !== null) this.lastFrameAt = this.clock();
  }

  private seen(): void {
    this.lastFrameAt = this.clock();
    this.onFrame();
  }

  destroy(): void {
    this.abort.abort();
  }
}
