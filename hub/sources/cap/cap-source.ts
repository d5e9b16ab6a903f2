import type { CapSourceConfig } from '../config.js';
import { fetchText } from '../fetch-limited.js';
import { resolveHeaders } from '../secrets.js';
import type { RunningSource, SourceHost } from '../source-host.js';
import { SourceTracker } from '../source-host.js';
import { CapAlertBook, type ActiveAlert } from './cap-alerts.js';
import { readCapFeed } from './cap-feed.js';
import { capFromElement, parseCap, type CapResult } from './parse-cap.js';

// CAP alerts pushed to the hub (POST /api/sources/<id>/cap) or pulled from an Atom/RSS feed. Every
// accepted message updates the source's two keys: the alert list (ticker, list panels) and the alert
// areas (a map "areas" layer). A message that cannot be read is refused on the source's health.

export interface CapSource extends RunningSource {
  /** One CAP XML document pushed to the hub. */
  push(xml: string): { ok: true; value: { applied: string | null } } | { ok: false; message: string };
  active(): ActiveAlert[];
  /** Pull the feed now (tests); the timer does it every intervalS. */
  poll(): Promise<void>;
}

const MAX_SEEN = 5000;

export function startCapSource(config: CapSourceConfig, host: SourceHost, onChange: () => void, env: NodeJS.ProcessEnv = process.env): CapSource {
  const tracker = new SourceTracker(config.id, 'cap', config.name, host);
  const book = new CapAlertBook();
  const seen = new Set<string>();
  let expiry: NodeJS.Timeout | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let closed = false;

  const publish = () => {
    const at = host.now();
    tracker.accept([
      { key: config.alertsKey, value: book.alertsValue(), at },
      { key: config.areasKey, value: book.areasValue(), at },
    ]);
    scheduleExpiry();
    onChange();
  };

  // One timer, for the next expiry: an alert leaves the wall when its info expires.
  function scheduleExpiry(): void {
    if (expiry) clearTimeout(expiry);
    const next = book.nextExpiry();
    if (next === null || closed) return;
    expiry = setTimeout(() => {
      if (book.expire(host.now())) publish();
      else scheduleExpiry();
    }, Math.min(2 ** 31 - 1, Math.max(0, next - host.now()) + 5));
    expiry.unref();
  }

  function apply(result: CapResult, where: string): { ok: true; value: { applied: string | null } } | { ok: false; message: string } {
    if (!result.ok) {
      tracker.refuse(`${where}: ${result.message}`);
      return result;
    }
    const alert = result.alert;
    if (!config.statuses.includes(alert.status)) {
      tracker.succeeded();
      return { ok: true, value: { applied: `ignored: status ${alert.status} is not shown (statuses: ${config.statuses.join(', ')})` } };
    }
    const applied = book.apply(alert, host.now());
    if (applied) {
      host.log.info('cap alert applied', { source: config.id, change: applied });
      publish();
    } else tracker.succeeded();
    return { ok: true, value: { applied } };
  }

  async function poll(): Promise<void> {
    const feed = config.feed;
    if (!feed) return;
    const headers = resolveHeaders(feed.headers, env);
    if (!headers.ok) return tracker.down(headers.message);
    const answer = await fetchText(feed.url, { timeoutMs: feed.timeoutMs, maxBytes: config.maxBytes, headers: { Accept: 'application/atom+xml, application/rss+xml, application/xml', ...headers.value } });
    if (closed) return;
    if (!answer.ok) return tracker.down(answer.message);
    const read = readCapFeed(answer.text, config.maxBytes, feed.url);
    if (!read.ok) return tracker.down(`feed ${feed.url}: ${read.message}`);
    // Oldest first, so an Update applies after the Alert it replaces.
    for (const entry of read.entries.filter((e) => !seen.has(e.key)).slice(0, 50).reverse()) {
      let result: CapResult;
      if (entry.inline) result = capFromElement(entry.inline);
      else {
        const doc = await fetchText(entry.url ?? '', { timeoutMs: feed.timeoutMs, maxBytes: config.maxBytes, headers: headers.value });
        if (closed) return;
        if (!doc.ok) {
          tracker.refuse(`feed entry: ${doc.message}`);
          continue; // tried again at the next poll
        }
        result = parseCap(doc.text, config.maxBytes);
      }
      seen.add(entry.key);
      if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value ?? '');
      apply(result, `feed entry ${entry.url ?? entry.key.slice(0, 80)}`);
    }
    tracker.succeeded();
  }

  // The keys exist from the start (an empty list is "no alerts", not "no data").
  publish();

  const loop = () => {
    if (closed || !config.feed) return;
    running = poll().finally(() => {
      running = null;
      if (closed || !config.feed) return;
      timer = setTimeout(loop, config.feed.intervalS * 1000);
      timer.unref();
    });
  };
  loop();

  return {
    id: config.id,
    health: () => tracker.health(),
    push: (xml) => (config.push ? apply(parseCap(xml, config.maxBytes), 'pushed alert') : { ok: false, message: `source "${config.id}" does not take pushed alerts (push is false)` }),
    active: () => book.active(),
    poll,
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      if (expiry) clearTimeout(expiry);
      await running;
    },
  };
}
