// Refusals that cannot flood the audit log: in each window (a minute) the first refusal of each kind
// (what was asked, and why it was refused) from a source is written in full, up to a few kinds; the rest
// are only counted, and written as one summary row per source when the window ends (or at close).
// 100 refused requests a minute from one address make two rows, not 100.

export interface RefusalWindow {
  source: string;
  /** Refusals after the first one, which were not written one by one. */
  count: number;
  from: number;
  to: number;
  /** A few of what was refused, for the summary row. */
  examples: string[];
  /** Kinds written in full in this window. */
  kinds: Set<string>;
}

export interface RefusalSummaryOptions {
  now: () => number;
  write: (summary: RefusalWindow) => void;
  windowMs?: number;
  /** Sources tracked at once; the oldest window is written early beyond this. */
  maxSources?: number;
}

const MAX_EXAMPLES = 3;
/** Kinds written in full per source and window; a source trying many things is summarised too. */
const MAX_KINDS = 8;

export class RefusalSummary {
  private readonly windows = new Map<string, RefusalWindow>();
  private readonly timer: NodeJS.Timeout;
  private readonly windowMs: number;

  constructor(private readonly o: RefusalSummaryOptions) {
    this.windowMs = o.windowMs ?? 60_000;
    this.timer = setInterval(() => this.flush(false), this.windowMs);
    this.timer.unref();
  }

  /** True: write this refusal in full (the first of its kind from its source in this window); false: it was counted. */
  admit(source: string, kind: string): boolean {
    const at = this.o.now();
    const what = kind.slice(0, 120);
    const open = this.windows.get(source);
    if (open && at - open.from < this.windowMs) {
      if (!open.kinds.has(what) && open.kinds.size < MAX_KINDS) {
        open.kinds.add(what);
        return true;
      }
      open.count++;
      open.to = at;
      if (open.examples.length < MAX_EXAMPLES && !open.examples.includes(what)) open.examples.push(what);
      return false;
    }
    if (open) this.end(open);
    if (this.windows.size >= (this.o.maxSources ?? 1000)) {
      const oldest = this.windows.values().next().value;
      if (oldest) this.end(oldest);
    }
    this.windows.set(source, { source, count: 0, from: at, to: at, examples: [], kinds: new Set([what]) });
    return true;
  }

  /** Write the windows that have ended (all of them with `all`). */
  flush(all: boolean): void {
    const at = this.o.now();
    for (const w of [...this.windows.values()]) if (all || at - w.from >= this.windowMs) this.end(w);
  }

  close(): void {
    clearInterval(this.timer);
    this.flush(true);
  }

  private end(w: RefusalWindow): void {
    this.windows.delete(w.source);
    if (w.count > 0) this.o.write(w);
  }
}

/** The result text of a summary row: starts with "refused" so it is listed among the problems. */
export function summaryText(w: RefusalWindow): string {
  const seconds = Math.max(1, Math.round((w.to - w.from) / 1000));
  return `refused: ${w.count} more refusal(s) from the same source within ${seconds} s, not written one by one (e.g. ${w.examples.join('; ')})`;
}
