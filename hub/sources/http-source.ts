import type { DataEntry } from '../../common/protocol/data.js';
import type { HttpSourceConfig } from './config.js';
import { fetchText } from './fetch-limited.js';
import { mapPoint } from './points.js';
import { resolveHeaders } from './secrets.js';
import type { RunningSource, SourceHost } from './source-host.js';
import { SourceTracker } from './source-host.js';

// Polls a JSON endpoint (a one-stop-shop or statistics system) every intervalS and maps its fields to
// data points. An unreachable, slow, oversized or unreadable answer makes the source failing and its
// points stale; a bad field is refused on its own and the other fields still count.

export function startHttpSource(config: HttpSourceConfig, host: SourceHost, env: NodeJS.ProcessEnv = process.env): RunningSource & { poll(): Promise<void> } {
  const tracker = new SourceTracker(config.id, 'http', config.name, host);
  const headers = resolveHeaders(config.headers, env);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let running: Promise<void> | null = null;

  async function poll(): Promise<void> {
    if (!headers.ok) return tracker.down(headers.message);
    const answer = await fetchText(config.url, { timeoutMs: config.timeoutMs, maxBytes: config.maxBytes, headers: { Accept: 'application/json', ...headers.value } });
    if (closed) return;
    if (!answer.ok) return tracker.down(answer.message);
    let doc: unknown;
    try {
      doc = JSON.parse(answer.text);
    } catch {
      return tracker.down(`the answer of ${config.url} is not JSON (${JSON.stringify(answer.text.slice(0, 40))})`);
    }
    const at = host.now();
    const entries: DataEntry[] = [];
    const problems: string[] = [];
    for (const point of config.points) {
      const mapped = mapPoint(point, doc, { at, current: (key) => entries.findLast((e) => e.key === key) ?? host.current(key) });
      if (mapped.ok) entries.push(mapped.entry);
      else problems.push(mapped.message);
    }
    tracker.accept(entries);
    if (problems.length) tracker.refuse(problems.join('; '));
  }

  const loop = () => {
    if (closed) return;
    running = poll().finally(() => {
      running = null;
      if (closed) return;
      timer = setTimeout(loop, config.intervalS * 1000);
      timer.unref();
    });
  };
  loop();

  return {
    id: config.id,
    health: () => tracker.health(),
    poll,
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
