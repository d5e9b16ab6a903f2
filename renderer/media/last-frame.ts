// The picture kept on screen while a camera is lost: destroying the Hls instance clears the <video>,
// so the last frame is copied to a canvas first, and kept across failed retries.

export class LastFrame {
  readonly canvas: HTMLCanvasElement;

  constructor() {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'camera-player__still';
    this.canvas.hidden = true;
  }

  /** Copies the video's current frame if it has one; otherwise keeps the frame already held. */
  capture(video: HTMLVideoElement): void {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    this.canvas.width = video.videoWidth;
    this.canvas.height = video.videoHeight;
    this.canvas.getContext('2d')?.drawImage(video, 0, 0);
    this.canvas.hidden = false;
  }

  hide(): void {
    if (this.canvas.hidden) return;
    this.canvas.hidden = true;
    this.release();
  }

  /** Zero size frees the backing store. */
  release(): void {
    this.canvas.width = 0;
    this.canvas.height = 0;
  }
}
