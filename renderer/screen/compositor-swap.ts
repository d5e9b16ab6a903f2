// The swap of a scenario switch, handed to the compositor: two opacity animations that change at the apply
// time on the document timeline, one showing the next layer, one hiding the current one. The compositor
// thread runs them, so the picture changes in the frame of the apply time even while the page's main
// thread is busy (a map drawing, players starting); React catches up later and the animations, whose end
// state is what the layers' classes then say, are cancelled.

// Both animations start now and step at the apply time inside their keyframes: a running animation is
// ticked by the compositor every frame, whereas one whose start time is still ahead waits for the main
// thread's next commit to begin (measured in Chromium: a blocked main thread held such a swap back until
// it was free). They hold their end values long enough to outlast any main-thread delay.
const HOLD_MS = 60_000;

export const SWAP_ANIMATION_ID = 'tc-swap';

export interface ArmedSwap {
  cancel(): void;
}

/**
 * `show` and `hide` are the `.screen` elements of the next and the current layer; `atPageMs` is the apply
 * time as this page's performance.now(). An apply time already past swaps in the next frame.
 */
export function armSwap(show: Element, hide: Element | null, atPageMs: number): ArmedSwap {
  const now = Number(document.timeline.currentTime ?? performance.now());
  const lead = Math.max(0, atPageMs - now);
  const timing: KeyframeAnimationOptions = { duration: lead + HOLD_MS, easing: 'linear', fill: 'forwards' };
  const animations = [show.animate(stepAt(lead / (lead + HOLD_MS), 0, 1), timing)];
  if (hide) animations.push(hide.animate(stepAt(lead / (lead + HOLD_MS), 1, 0), timing));
  for (const a of animations) {
    a.id = SWAP_ANIMATION_ID; // found by tools and tests in document.getAnimations()
    a.startTime = now; // running at once, not pending until the next commit
  }
  return {
    cancel: () => {
      for (const a of animations) a.cancel();
    },
  };
}

/** Opacity `from` until `offset` (0–1) of the animation, `to` from there on. */
function stepAt(offset: number, from: number, to: number): Keyframe[] {
  if (offset <= 0) return [{ opacity: to }, { opacity: to }];
  return [
    { opacity: from, offset: 0 },
    { opacity: from, offset },
    { opacity: to, offset },
    { opacity: to, offset: 1 },
  ];
}

/** The `.screen` element a layer draws into, by the layer's key (see screen-page.tsx). */
export function layerScreen(key: string): Element | null {
  return document.querySelector(`[data-layer-key="${CSS.escape(key)}"] > .screen`);
}
