import { useEffect, useState } from 'react';
import { reconnectDelay } from '../../bridge/backoff.js';

// Before the frame is shown, the page's server must answer: a frame that cannot load shows Chromium's own
// error page, which the wall cannot see into (it is another origin). A no-cors fetch tells "answered"
// from "no answer" without reading anything; the wall's CSP allows it for the listed frame origins only.

export type PageProbe = { state: 'checking' } | { state: 'ok' } | { state: 'failed'; reason: 'refused' | 'timeout'; retryAt: number; attempt: number };

const TIMEOUT_MS = 8_000;
const LIMITS = { baseMs: 5_000, maxMs: 120_000 };

export function usePageProbe(url: string, enabled: boolean, generation: number): PageProbe {
  const [probe, setProbe] = useState<PageProbe>({ state: 'checking' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      const controller = new AbortController();
      const giveUp = setTimeout(() => controller.abort(), TIMEOUT_MS);
      fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: controller.signal })
        .then(() => live && setProbe({ state: 'ok' }))
        .catch(() => {
          if (!live) return;
          const delay = reconnectDelay(n, Math.random(), LIMITS);
          setProbe({ state: 'failed', reason: controller.signal.aborted ? 'timeout' : 'refused', retryAt: Date.now() + delay, attempt: n + 1 });
          timer = setTimeout(() => attempt(n + 1), delay);
        })
        .finally(() => clearTimeout(giveUp));
    };
    setProbe({ state: 'checking' });
    attempt(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url, enabled, generation]);
  return probe;
}
