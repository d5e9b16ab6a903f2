// The ?token=… a page was opened with has been exchanged for an HttpOnly cookie by the host
// (electron/web-host/page-cookie.ts); it leaves the address bar and the history entry at once (not shown,
// not kept, not in a screenshot). Reloads and the WebSocket are then let in by the cookie.

/** The page's address without its token query value (other query values and the hash kept), or null when it has none. */
export function withoutToken(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return null;
  url.searchParams.delete('token');
  return `${url.pathname}${url.search}${url.hash}`;
}

interface PageWindow {
  location: { href: string };
  history: { state: unknown; replaceState(state: unknown, unused: string, url: string): void };
}

/** Replaces the current history entry with the address without its token; true when there was one. */
export function forgetUrlToken(w: PageWindow): boolean {
  const clean = withoutToken(w.location.href);
  if (clean === null) return false;
  w.history.replaceState(w.history.state, '', clean);
  return true;
}
