import { useEffect, useRef } from 'react';

// Calls `onPainted` once what React committed for `deps` is on screen: after the commit (effect),
// the fonts, and two animation frames (the first runs before a paint, the second after it).
// Shaped and named like an effect, so lint checks each call's deps (eslint.config.js: additionalHooks).
export function usePaintEffect(onPainted: () => void, deps: readonly unknown[]): void {
  const callback = useRef(onPainted);
  useEffect(() => {
    callback.current = onPainted;
  });
  useEffect(() => {
    let cancelled = false;
    let frame = 0;
    void document.fonts.ready.then(() => {
      if (cancelled) return;
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          if (!cancelled) callback.current();
        });
      });
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked at each call site
  }, deps);
}

export type AppState = 'loading' | 'ready' | 'error';

/** The signal tests and tools wait on: <html data-app-state data-revision lang>. */
export function markDocument(appState: AppState, revision: number | null, language: string): void {
  const html = document.documentElement;
  html.dataset.appState = appState;
  if (revision === null) delete html.dataset.revision;
  else html.dataset.revision = String(revision);
  html.lang = language;
}
