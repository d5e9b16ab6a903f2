import { classifyMediaError, type MediaFailure } from '../../common/media/media-failure.js';
import { checkPlaylist } from '../../common/media/playlist-check.js';

// One cheap look at a lost camera's playlist: a GET of the very URL hls.js loads (so the page's CSP
// connect-src already allows it), never cached, given up after `timeoutMs`. A master playlist is
// followed to its first variant, the playlist the player would really need.

export type ProbeResult = { ok: true } | { ok: false; failure: MediaFailure };

async function fetchText(url: string, signal: AbortSignal): Promise<{ text: string } | { failure: MediaFailure }> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', signal });
  } catch {
    if (signal.aborted) return { failure: { kind: 'timeout', detail: 'probe timed out' } };
    return { failure: { kind: 'unreachable', detail: 'probe: no answer' } };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { failure: { ...classifyMediaError({ type: 'networkError', details: 'manifestLoadError', fatal: true, httpStatus: response.status }), detail: `probe: HTTP ${response.status}` } };
  }
  try {
    return { text: await response.text() };
  } catch {
    return { failure: { kind: signal.aborted ? 'timeout' : 'unreachable', detail: 'probe: answer cut off' } };
  }
}

/** `cancel` aborts it early (the player was destroyed); the result then says timeout and is ignored. */
export async function probePlaylist(url: string, timeoutMs: number, cancel: AbortSignal): Promise<ProbeResult> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  const timer = setTimeout(stop, timeoutMs);
  cancel.addEventListener('abort', stop, { once: true });
  try {
    let target = url;
    for (let hop = 0; hop < 2; hop++) {
      const answer = await fetchText(target, controller.signal);
      if ('failure' in answer) return { ok: false, failure: answer.failure };
      const check = checkPlaylist(answer.text);
      if (check.kind === 'media') return { ok: true };
      if (check.kind === 'invalid') return { ok: false, failure: { kind: 'bad-playlist', detail: `probe: ${check.reason}` } };
      target = new URL(check.variant, target).href;
    }
    return { ok: false, failure: { kind: 'bad-playlist', detail: 'probe: a master playlist names another master playlist' } };
  } finally {
    clearTimeout(timer);
    cancel.removeEventListener('abort', stop);
  }
}
