// When the last new frame reached the screen: requestVideoFrameCallback where the browser has it
// (one call per presented frame), else timeupdate with a moving currentTime. Both run on the main
// thread, which a busy page can hold for seconds while the compositor keeps showing video, so poll()
// also counts presented frames from getVideoPlaybackQuality before anyone judges a stall.

export class FrameWatch {
  lastFrameAt: number | null = null;
  private handle: number | null = null;
  private lastTime = -1;
  private lastPresented = -1;
  private readonly abort = new AbortController();

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly clock: () => number,
    private readonly onFrame: () => void,
  ) {
    if (typeof video.requestVideoFrameCallback === 'function') {
      this.handle = video.requestVideoFrameCallback(this.frame);
    } else {
      video.addEventListener('timeupdate', this.timeUpdate, { signal: this.abort.signal });
    }
  }

  private readonly frame = (): void => {
    this.handle = this.video.requestVideoFrameCallback(this.frame);
    this.seen();
  };

  private readonly timeUpdate = (): void => {
    if (this.video.currentTime === this.lastTime) return;
    this.lastTime = this.video.currentTime;
    this.seen();
  };

  poll(): void {
    const quality = this.video.getVideoPlaybackQuality?.();
    if (!quality) return;
    const presented = quality.totalVideoFrames - quality.droppedVideoFrames;
    // The count restarts at 0 when a new source is attached: that is not a frame.
    if (presented > this.lastPresented && this.lastPresented >= 0 && presented > 0) this.seen();
    this.lastPresented = presented;
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
    if (this.handle !== null) this.video.cancelVideoFrameCallback(this.handle);
    this.handle = null;
    this.abort.abort();
  }
}
