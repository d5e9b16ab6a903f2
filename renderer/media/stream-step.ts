import type { default as Hls, LevelDetails } from 'hls.js';
import { dateAtPosition, positionAtDate } from '../../common/media/program-date.js';
import { defaultLiveDelayMs, StepKeeper } from '../../common/media/step-sync.js';

// Hooks common/media's step-keeping to one live player: where its picture is in programme time
// (EXT-X-PROGRAM-DATE-TIME + currentTime), where every screen should be (shared clock − delay),
// then a playback-rate nudge, or a seek when far off.

export interface StepResult {
  errorMs: number | null;
  rate: number;
  seeked: boolean;
}

export class StreamStep {
  private readonly keeper = new StepKeeper();

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly clock: () => number,
    /** Shared delay behind the wall clock; null: derived from the playlist, alike on every screen. */
    private readonly delayMs: number | null,
  ) {}

  /** Timeline position of the shared target in a freshly loaded live playlist, or -1 (hls.js's live default). */
  startPosition(details: LevelDetails): number {
    if (!details.live) return -1;
    return positionAtDate(details.fragments, this.clock() - this.delayFor(details)) ?? -1;
  }

  private delayFor(details: LevelDetails): number {
    return this.delayMs ?? defaultLiveDelayMs(details);
  }

  update(hls: Hls): StepResult {
    const details = hls.latestLevelDetails;
    const video = this.video;
    const idle = { errorMs: null, rate: video.playbackRate, seeked: false };
    if (!details?.live || video.paused || video.seeking) return idle;
    const fragments = details.fragments;
    const shown = dateAtPosition(fragments, video.currentTime);
    if (shown === null) return idle; // no PDT: nothing to steer by
    const target = this.clock() - this.delayFor(details);
    const decision = this.keeper.update(shown, target);
    let seeked = false;
    if (decision.action === 'seek') {
      const position = positionAtDate(fragments, decision.toDateMs);
      if (position !== null) video.currentTime = position;
      video.playbackRate = 1;
      seeked = position !== null;
    } else if (Math.abs(video.playbackRate - decision.rate) > 1e-4) {
      video.playbackRate = decision.rate;
    }
    return { errorMs: decision.errorMs, rate: video.playbackRate, seeked };
  }

  /** After a restart the old error history means nothing. */
  reset(): void {
    this.keeper.reset();
    this.video.playbackRate = 1;
  }
}
