// The Electron wall's side of the console's live view: while a console watches, each wall window is
// captured once a second, shrunk and sent as JPEG (electron/shell/live-capture.ts does the Electron calls).
// The decisions live here, in plain Node, so they are tested without Electron.

/** Captures are at most this wide: enough for the console's bigger view of one screen. */
export const CAPTURE_MAX_WIDTH = 640;
export const CAPTURE_JPEG_QUALITY = 60;

/** The size to shrink a window's capture to: its aspect kept, never wider than maxWidth, never enlarged. */
export function captureSize(width: number, height: number, maxWidth = CAPTURE_MAX_WIDTH): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, maxWidth / width);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * One round of captures at a time: a round still running when the next is due (a slow GPU readback)
 * is not joined by another, so captures never pile up on a busy wall.
 */
export class CaptureRounds {
  private running = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly round: () => Promise<void>, private readonly everyMs: number) {}

  get active(): boolean {
    return this.timer !== null;
  }

  /** Start (true) or stop (false) the rounds; the first starts at once. */
  want(on: boolean): void {
    if (on === this.active) return;
    if (!on) {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      return;
    }
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref?.();
    void this.tick();
  }

  async tick(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      await this.round();
    } finally {
      this.running = false;
    }
    return true;
  }

  close(): void {
    this.want(false);
  }
}
