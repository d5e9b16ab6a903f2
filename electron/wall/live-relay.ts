import { LIVE_FRAME_MS, type ScreenCapture, type ScreenStills } from '../../common/live-view.js';
import { fail, ok, type Result } from '../../common/result.js';
import type { CoreClient } from './client.js';

// The live view's frames (common/live-view.ts): wanted from the screens only while at least one console
// watches, and sent to the watching consoles only, so a wall nobody looks at spends nothing on them.

export class LiveRelay {
  private readonly watchers = new Set<CoreClient>();
  private readonly wantListeners = new Set<(on: boolean) => void>();

  constructor(private readonly screens: () => Iterable<CoreClient>) {}

  get watched(): boolean {
    return this.watchers.size > 0;
  }

  /** A console opened or closed its live view. */
  watch(client: CoreClient, watching: boolean): Result<null> {
    const was = this.watched;
    if (watching) this.watchers.add(client);
    else this.watchers.delete(client);
    if (was !== this.watched) this.tellScreens();
    return ok(null);
  }

  /** A screen joined: it learns at once whether frames are wanted. */
  joined(client: CoreClient): void {
    if (client.role === 'screen' && this.watched) client.sendFeed?.('live:want', { on: true, everyMs: LIVE_FRAME_MS });
  }

  /** A client left: a console that watched stops counting. */
  left(client: CoreClient): void {
    if (this.watchers.delete(client) && !this.watched) this.tellScreens();
  }

  stills(client: CoreClient, stills: ScreenStills): Result<null> {
    if (stills.screenId !== client.screenId) return fail('forbidden', `this window shows screen ${client.screenId ?? '?'}, not ${stills.screenId}`);
    for (const w of this.watchers) w.sendFeed?.('live:stills', stills);
    return ok(null);
  }

  /** A capture of a wall window (the Electron shell takes them while someone watches). */
  capture(capture: ScreenCapture): void {
    for (const w of this.watchers) w.sendFeed?.('live:capture', capture);
  }

  /** Called when watching starts (true) and stops (false): the Electron shell's captures follow it. */
  onWant(listener: (on: boolean) => void): () => void {
    this.wantListeners.add(listener);
    return () => this.wantListeners.delete(listener);
  }

  private tellScreens(): void {
    const want = { on: this.watched, everyMs: LIVE_FRAME_MS };
    for (const c of this.screens()) if (c.role === 'screen') c.sendFeed?.('live:want', want);
    for (const listener of this.wantListeners) listener(want.on);
  }
}
