import { countFrames, type FrameCount } from '../../common/frame-count.js';

// A screen page's own account of its drawing, for the console and the hub: animation frames per
// second over a short sample, the frames it missed, and its JS heap. Sampled (2 s in every 5 s) rather
// than counted all the time, so a wall of idle screens does not draw 60 frames a second to be measured.

export interface FrameSample extends FrameCount {
  memoryMb: number | null;
}

/** Samples frames every `periodMs` for `sampleMs` and hands each sample on. */
export class FrameMeter {
  private times: number[] = [];
  private frame = 0;
  private stopSample: ReturnType<typeof setTimeout> | undefined;
  private readonly period: ReturnType<typeof setInterval>;

  constructor(private readonly report: (sample: FrameSample) => void, private readonly sampleMs = 2000, periodMs = 5000) {
    this.period = setInterval(() => this.sample(), periodMs);
    this.sample();
  }

  dispose(): void {
    clearInterval(this.period);
    clearTimeout(this.stopSample);
    cancelAnimationFrame(this.frame);
  }

  private sample(): void {
    cancelAnimationFrame(this.frame);
    this.times = [];
    const tick = (t: number): void => {
      this.times.push(t);
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
    clearTimeout(this.stopSample);
    this.stopSample = setTimeout(() => {
      cancelAnimationFrame(this.frame);
      this.report({ ...countFrames(this.times), memoryMb: heapMb() });
    }, this.sampleMs);
  }
}

/** Chromium's non-standard performance.memory; null elsewhere. */
function heapMb(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round((memory.usedJSHeapSize / 2 ** 20) * 10) / 10 : null;
}
