import Hls, { Events, type ErrorData, type HlsConfig, type LevelLoadedData } from 'hls.js';
import { classifyMediaError, type MediaFailure } from '../../common/media/media-failure.js';
import { backoffAttempt, CAMERA_RECOVERY, nextRecoveryStep, retriesAfter, type ProbeOutcome, type RecoveryPlan, type RecoveryStep } from '../../common/media/recovery-plan.js';
import { retryDelayMs } from '../../common/media/retry-backoff.js';
import { CAMERA_STALL, pageTimeStep, stallVerdict, type StallLimits } from '../../common/media/stall-verdict.js';
import { FrameWatch } from './frame-watch.js';
import { tileHlsConfig } from './hls-config.js';
import { mediaNow } from './media-clock.js';
import { countMedia } from './media-debug.js';
import { probePlaylist } from './playlist-probe.js';
import { StreamStep } from './stream-step.js';
import { TypedEmitter } from './typed-emitter.js';

// One camera tile's playback: a <video> and an Hls instance per attempt. Failure is expected: on a fatal
// error or a frozen picture the attempt that showed a picture is stopped but kept on screen, paused on its
// last frame; the playlist is then probed every ~2 s and a new attempt built beneath it once it answers
// (recovery-plan.ts); the old one is released when the new one shows a frame, so the picture returns by
// itself within seconds of the source. The last frame is not copied to a canvas: in Chromium every copy of a
// video frame (drawImage, createImageBitmap, new VideoFrame) kept ~0.7 MiB of the renderer that was never
// given back (fault 4: 215 → 593 MiB over 100 flaps), while a fresh <video> per attempt stays flat.
// destroy() releases everything.

/** One attempt's media: released together. */
interface Attempt {
  video: HTMLVideoElement;
  hls: Hls | null;
}

export type CameraPlayerState = 'loading' | 'playing' | 'signal-lost' | 'destroyed';

export interface CameraPlayerStatus {
  state: CameraPlayerState;
  failure: MediaFailure | null;
  /** Clock time of the last new frame on screen, null before the first. */
  lastFrameAt: number | null;
  /** When the next look at the source (probe or rebuild) starts, while one is scheduled. */
  retryAt: number | null;
  /** Failures since the picture was last steady: paces rebuilds. */
  attempt: number;
}

export interface CameraPlayerStats {
  decodedFrames: number;
  droppedFrames: number;
  playbackRate: number;
  /** Programme-date error against the shared target; null when not steering (VOD, no PDT). */
  syncErrorMs: number | null;
}

export interface CameraPlayerEvents extends Record<string, unknown> {
  status: CameraPlayerStatus;
  stats: CameraPlayerStats;
}

export interface CameraPlayerOptions {
  url: string;
  /** The shared clock (hub-synced on screens): times shown to people. */
  clock?: () => number;
  /** A clock that never jumps, for every judgement of elapsed time. */
  monotonic?: () => number;
  /** When a frozen picture counts as lost, and when to rebuild the player. */
  stall?: StallLimits;
  /** Keep in step with other screens by EXT-X-PROGRAM-DATE-TIME. */
  sync?: boolean;
  syncDelayMs?: number | null;
  recovery?: RecoveryPlan;
  random?: () => number;
  hlsConfig?: Partial<HlsConfig>;
}

const TICK_MS = 250;

export class CameraPlayer extends TypedEmitter<CameraPlayerEvents> {
  readonly element: HTMLDivElement;
  private video!: HTMLVideoElement;
  private hls: Hls | null = null;
  /** The last attempt that showed a picture, stopped and paused on its last frame while the next one starts. */
  private frozen: Attempt | null = null;
  /** Whether `video` belongs to an attempt not yet ended (teardown runs once per attempt). */
  private attemptOpen = false;
  private current: CameraPlayerStatus = { state: 'loading', failure: null, lastFrameAt: null, retryAt: null, attempt: 0 };
  private frames!: FrameWatch;
  private step: StreamStep | null = null;
  private readonly sync: { enabled: boolean; delayMs: number | null };
  private readonly clock: () => number;
  private readonly opts: Required<Omit<CameraPlayerOptions, 'hlsConfig' | 'syncDelayMs' | 'sync'>> & Pick<CameraPlayerOptions, 'hlsConfig'>;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly tickTimer: ReturnType<typeof setInterval>;
  private readonly probes = new AbortController();
  private ticks = 0;
  private lastTickAt: number;
  /** Page time (stall-verdict.ts): monotonic time the page really had, late timers counted as asked. */
  private pageMs = 0;
  private loadStartedAt = 0;
  private lastFragmentAt = 0;
  /** Page time of the last progress of the stream; null before the first. */
  private lastProgressAt: number | null = null;
  /** Shared-clock time of the same, for the overlay's "last frame … ago". */
  private lastFrameAt: number | null = null;
  private playingSince = 0;
  /** Whether this player showed a picture since it was (re)built: decides the next failure's backoff. */
  private pictureSinceLoad = false;
  /** Earliest rebuild the backoff allows, monotonic. */
  private rebuildAt = 0;
  private started = false;
  /** Last non-fatal error since the last good fragment: names the cause if the picture then freezes. */
  private lastError: MediaFailure | null = null;
  private syncErrorMs: number | null = null;

  constructor(options: CameraPlayerOptions) {
    super();
    this.clock = options.clock ?? mediaNow;
    this.opts = {
      url: options.url,
      clock: this.clock,
      monotonic: options.monotonic ?? (() => performance.now()),
      stall: options.stall ?? CAMERA_STALL,
      recovery: options.recovery ?? CAMERA_RECOVERY,
      random: options.random ?? Math.random,
      hlsConfig: options.hlsConfig,
    };
    this.element = document.createElement('div');
    this.element.className = 'camera-player';
    this.sync = { enabled: options.sync !== false, delayMs: options.syncDelayMs ?? null };
    countMedia('players', 1);
    this.lastTickAt = this.opts.monotonic();
    this.tickTimer = setInterval(this.tick, TICK_MS);
    this.load();
  }

  get status(): CameraPlayerStatus {
    return this.current;
  }

  private setStatus(next: Partial<CameraPlayerStatus>): void {
    if (this.current.state === 'destroyed') return;
    this.current = { ...this.current, ...next };
    this.emit('status', this.current);
  }

  private newVideo(): HTMLVideoElement {
    const video = document.createElement('video');
    video.className = 'camera-player__video';
    video.muted = true;
    video.defaultMuted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.disablePictureInPicture = true;
    video.preload = 'auto';
    video.loop = true; // a VOD clip on the wall repeats; live streams never end
    // Beneath the frozen picture, which stays on top until this attempt shows a frame.
    this.element.insertBefore(video, this.frozen?.video ?? null);
    countMedia('videos', 1);
    return video;
  }

  private load(): void {
    this.pictureSinceLoad = false;
    this.retryTimer = null;
    this.video = this.newVideo();
    this.attemptOpen = true;
    this.frames = new FrameWatch(this.video);
    this.step = this.sync.enabled ? new StreamStep(this.video, this.clock, this.sync.delayMs) : null;
    if (!Hls.isSupported()) return this.fail({ kind: 'unsupported', detail: 'MediaSource is not available' });
    const hls = new Hls(tileHlsConfig(this.opts.hlsConfig));
    countMedia('hls', 1);
    this.hls = hls;
    hls.on(Events.ERROR, this.onHlsError);
    hls.on(Events.FRAG_BUFFERED, this.onFragBuffered);
    hls.on(Events.MANIFEST_PARSED, this.onManifestParsed);
    hls.on(Events.LEVEL_LOADED, this.onLevelLoaded);
    this.started = false;
    hls.attachMedia(this.video);
    hls.loadSource(this.opts.url);
    this.loadStartedAt = this.pageMs;
    // While retrying after a loss the overlay stays up until a frame arrives.
    this.setStatus({ retryAt: null, ...(this.current.state === 'signal-lost' ? {} : { state: 'loading' }) });
  }

  private readonly onManifestParsed = (): void => {
    this.video.play().catch(() => undefined); // autoplay is muted; a refusal shows up as no frames
  };

  // Start where every screen will be (the shared programme date), so players begin in step without a seek.
  private readonly onLevelLoaded = (_event: Events.LEVEL_LOADED, data: LevelLoadedData): void => {
    if (this.started || !this.hls) return;
    this.started = true;
    this.hls.startLoad(this.step?.startPosition(data.details) ?? -1);
  };

  private readonly onFragBuffered = (): void => {
    this.lastError = null;
    this.lastFragmentAt = this.pageMs;
  };

  private readonly onHlsError = (_event: Events.ERROR, data: ErrorData): void => {
    const failure = classifyMediaError({
      type: data.type,
      details: data.details,
      fatal: data.fatal,
      httpStatus: data.response?.code ?? 0,
      ...(data.mimeType ? { mimeType: data.mimeType } : {}),
      ...(data.reason || data.error?.message ? { reason: data.reason ?? data.error.message } : {}),
    });
    if (data.fatal) return this.fail(failure);
    // Remember only what would explain a frozen picture; hls.js also reports benign aborts and nudges.
    if (failure.kind === 'stall' || failure.kind === 'other') return;
    this.lastError = failure;
    // Already frozen: the overlay now says why.
    if (this.current.state === 'signal-lost' && this.current.failure?.kind === 'stall') this.setStatus({ failure });
  };

  /** The stream moved: note when, and show the picture if it was not showing. */
  private progressed(): void {
    this.lastProgressAt = this.pageMs;
    this.lastFrameAt = this.clock();
    this.pictureSinceLoad = true;
    if (this.current.state === 'playing' || this.current.state === 'destroyed') return;
    this.release(this.frozen);
    this.frozen = null;
    this.playingSince = this.pageMs;
    // `attempt` stays until the picture is steady (settle()); a failure after this picture backs off only if
    // the media failed, not if the source went away (backoffAttempt).
    this.setStatus({ state: 'playing', failure: null, lastFrameAt: this.lastFrameAt, retryAt: null });
  }

  /** Fatal: keep the last frame, stop the attempt, look at the source until it answers. */
  private fail(failure: MediaFailure): void {
    this.teardown(true);
    const now = this.opts.monotonic();
    const attempt = backoffAttempt(this.current.attempt, failure.kind, this.pictureSinceLoad);
    if (!retriesAfter(failure.kind)) {
      this.setStatus({ state: 'signal-lost', failure, lastFrameAt: this.lastFrameAt, attempt: attempt + 1, retryAt: null });
      return;
    }
    this.rebuildAt = now + retryDelayMs(attempt, this.opts.random(), this.opts.recovery.rebuild);
    this.setStatus({ state: 'signal-lost', failure, lastFrameAt: this.lastFrameAt, attempt: attempt + 1 });
    this.follow(nextRecoveryStep({ now, rebuildAt: this.rebuildAt, probe: null, random: this.opts.random() }, this.opts.recovery));
  }

  private follow(step: RecoveryStep): void {
    if (this.current.state === 'destroyed') return;
    if (step.action === 'rebuild') return this.load();
    const delay = Math.max(0, step.atMs - this.opts.monotonic());
    this.retryTimer = setTimeout(() => void this.probe(), delay);
    this.setStatus({ retryAt: this.clock() + delay });
  }

  private async probe(): Promise<void> {
    this.retryTimer = null;
    const result = await probePlaylist(this.opts.url, this.opts.recovery.probeTimeoutMs, this.probes.signal);
    if (this.current.state === 'destroyed') return;
    // The overlay says why the source is away now, which may differ from why the player failed.
    if (!result.ok && (result.failure.kind !== this.current.failure?.kind || result.failure.httpStatus !== this.current.failure.httpStatus)) {
      this.setStatus({ failure: result.failure });
    }
    const probe: ProbeOutcome = result.ok ? 'playable' : 'down';
    this.follow(nextRecoveryStep({ now: this.opts.monotonic(), rebuildAt: this.rebuildAt, probe, random: this.opts.random() }, this.opts.recovery));
  }

  /** Playing steadily again: the next failure starts the rebuild backoff afresh. */
  private settle(): void {
    if (this.current.state === 'playing' && this.current.attempt > 0 && this.pageMs - this.playingSince >= this.opts.recovery.steadyMs) this.setStatus({ attempt: 0 });
  }

  /** Ends the current attempt; one that showed a picture stays on screen, paused on its last frame. */
  private teardown(keepPicture: boolean): void {
    if (!this.attemptOpen) return;
    this.attemptOpen = false;
    const hls = this.hls;
    this.hls = null;
    this.syncErrorMs = null;
    if (hls) {
      hls.off(Events.ERROR, this.onHlsError);
      hls.off(Events.FRAG_BUFFERED, this.onFragBuffered);
      hls.off(Events.MANIFEST_PARSED, this.onManifestParsed);
      hls.off(Events.LEVEL_LOADED, this.onLevelLoaded);
      hls.stopLoad();
    }
    const attempt: Attempt = { video: this.video, hls };
    if (!keepPicture || !this.pictureSinceLoad) return this.release(attempt);
    this.release(this.frozen);
    this.video.pause();
    this.video.playbackRate = 1;
    this.video.classList.add('camera-player__video--frozen');
    this.frozen = attempt;
  }

  /** Destroying the Hls instance detaches it (the MediaSource URL leaves the video); then the element goes. */
  private release(attempt: Attempt | null): void {
    if (!attempt) return;
    if (attempt.hls) {
      attempt.hls.destroy();
      countMedia('hls', -1);
    }
    attempt.video.removeAttribute('src');
    attempt.video.load();
    attempt.video.remove();
    countMedia('videos', -1);
  }

  private readonly tick = (): void => {
    const now = this.opts.monotonic();
    this.pageMs += pageTimeStep({ elapsedMs: now - this.lastTickAt, expectedMs: TICK_MS }, this.opts.stall);
    this.lastTickAt = now;
    if (this.hls) this.watch(this.hls);
    if (++this.ticks % 4 === 0) this.emitStats();
  };

  /** Time the stream is excused from progressing (hidden page, a seek landing) does not count towards a stall. */
  private excuse(): void {
    if (this.lastProgressAt !== null) this.lastProgressAt = this.pageMs;
  }

  /** Stall verdicts and step-keeping, four times a second. */
  private watch(hls: Hls): void {
    if (this.frames.poll()) this.progressed();
    // A hidden page gets no frames by design (Chromium stops decoding unseen muted video): no verdicts.
    if (document.visibilityState === 'hidden') return this.excuse();
    const { state } = this.current;
    if (state === 'destroyed') return;
    this.settle();
    const verdict = stallVerdict({ state, now: this.pageMs, lastFrameAt: this.lastProgressAt, loadStartedAt: this.loadStartedAt, lastFragmentAt: this.lastFragmentAt }, this.opts.stall);
    if (verdict === 'frozen') {
      this.setStatus({ state: 'signal-lost', failure: this.lastError ?? { kind: 'stall', detail: 'no new frame' }, lastFrameAt: this.lastFrameAt });
    } else if (verdict === 'restart') {
      return this.fail(this.lastError ?? this.current.failure ?? { kind: 'stall', detail: 'no new frame' });
    } else if (verdict === 'no-first-frame') {
      return this.fail(this.lastError ?? { kind: 'stall', detail: 'no first frame' });
    }
    if (this.step && state === 'playing' && this.ticks % 2 === 0) {
      const step = this.step.update(hls);
      this.syncErrorMs = step.errorMs;
      // Frames pause while a seek lands: that is not a frozen camera, for one stall period at least.
      if (step.seeked) this.excuse();
      // Readable from the page for checks across screens, without a render per update.
      if (this.syncErrorMs === null) delete this.element.dataset.syncErrorMs;
      else this.element.dataset.syncErrorMs = String(Math.round(this.syncErrorMs));
    }
  }

  private emitStats(): void {
    const quality = this.video.getVideoPlaybackQuality?.();
    this.emit('stats', {
      decodedFrames: quality?.totalVideoFrames ?? 0,
      droppedFrames: quality?.droppedVideoFrames ?? 0,
      playbackRate: this.video.playbackRate,
      syncErrorMs: this.syncErrorMs,
    });
  }

  /** Releases the Hls instance, the video's source, listeners, timers and frame callbacks. Idempotent. */
  destroy(): void {
    if (this.current.state === 'destroyed') return;
    this.current = { ...this.current, state: 'destroyed', retryAt: null };
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    clearInterval(this.tickTimer);
    this.probes.abort();
    this.teardown(false);
    this.release(this.frozen);
    this.frozen = null;
    this.element.remove();
    this.removeAllListeners();
    countMedia('players', -1);
  }
}
