// Live map objects on this page, for leak checks: window.__tcMaps is read by tests before and after
// mounting and unmounting map panels many times.

export interface MapDebugCounters {
  /** Decks alive now (at most two per screen: the layout shown and the next, or one kept warm). */
  decks: number;
  /** Decks ever created on this page. */
  created: number;
  /** Map views registered now (one per map panel on this screen). */
  views: number;
  /** Frames drawn. */
  frames: number;
}

declare global {
  interface Window {
    __tcMaps?: MapDebugCounters;
  }
}

export function mapCounters(): MapDebugCounters {
  window.__tcMaps ??= { decks: 0, created: 0, views: 0, frames: 0 };
  return window.__tcMaps;
}
