// Mapping between a player's timeline (seconds) and programme dates (ms since the epoch), from the
// fragments of a live playlist that carry EXT-X-PROGRAM-DATE-TIME.

export interface DatedFragment {
  /** Start on the player's timeline, seconds. */
  start: number;
  duration: number;
  /** Programme date of the fragment's first frame, ms; null when the playlist has none. */
  programDateTime: number | null;
}

const GAP_TOLERANCE_S = 0.25;

function dated(fragments: readonly DatedFragment[]): Array<DatedFragment & { programDateTime: number }> {
  return fragments.filter((f): f is DatedFragment & { programDateTime: number } => f.programDateTime !== null && Number.isFinite(f.programDateTime));
}

/** Programme date shown at `position`, or null when no dated fragment covers it. */
export function dateAtPosition(fragments: readonly DatedFragment[], position: number): number | null {
  // The last fragment starting at or before `position`; a player's timeline can have slivers of gap
  // between fragments, so allow a little past a fragment's end.
  const frag = dated(fragments).findLast((f) => f.start <= position);
  if (!frag || position > frag.start + frag.duration + GAP_TOLERANCE_S) return null;
  return frag.programDateTime + (position - frag.start) * 1000;
}

/** Timeline position showing `dateMs`, or null when it is outside the dated fragments. */
export function positionAtDate(fragments: readonly DatedFragment[], dateMs: number): number | null {
  const frag = dated(fragments).find((f) => dateMs >= f.programDateTime && dateMs <= f.programDateTime + f.duration * 1000);
  return frag ? frag.start + (dateMs - frag.programDateTime) / 1000 : null;
}
